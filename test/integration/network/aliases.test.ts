import { GenericContainer, Network, type StartedNetwork, type StartedTestContainer } from 'berth';

/** `redis-cli -h host ping` from the client container: its output and exit code. */
async function ping(client: StartedTestContainer, host: string): Promise<{ output: string; exitCode: number }> {
  const { output, exitCode } = await client.exec(['redis-cli', '-h', host, '-p', '6379', 'ping']);
  return { output: output.trim(), exitCode };
}

describe('containers on a Network (real engine)', () => {
  let network: StartedNetwork;
  let server: StartedTestContainer;
  let client: StartedTestContainer;

  beforeAll(async () => {
    network = await new Network().start();
    server = await new GenericContainer('redis:7').withNetwork(network).withNetworkAliases('cache', 'redis-primary').start();
    client = await new GenericContainer('redis:7').withNetwork(network).withCommand(['sleep', 'infinity']).start();
  });
  afterAll(async () => {
    await client?.stop();
    await server?.stop();
    await network?.stop();
  });

  it('puts a container with aliases on that network only, and every alias resolves from another container', async () => {
    expect(server.getNetworkNames()).toEqual([network.getName()]);
    expect(await ping(client, 'cache')).toEqual({ output: 'PONG', exitCode: 0 });
    expect(await ping(client, 'redis-primary')).toEqual({ output: 'PONG', exitCode: 0 });
  });

  it('partitions: disconnect makes the server unreachable, reconnecting with an alias heals it', async () => {
    await server.disconnectFromNetwork(network);
    const cut = await ping(client, 'cache');
    expect(cut.output).not.toBe('PONG');
    expect(cut.output).toMatch(/Could not connect|not known|Name or service/i);

    await server.connectToNetwork(network, { aliases: ['cache'] });
    expect(await ping(client, 'cache')).toEqual({ output: 'PONG', exitCode: 0 });
    expect((await ping(client, 'redis-primary')).output).not.toBe('PONG'); // only the new alias came back
  });

  it('refuses to remove a network that containers still use, and stays usable', async () => {
    await expect(network.stop()).rejects.toThrow(/cannot be removed while containers use it/);
    expect(await ping(client, 'cache')).toEqual({ output: 'PONG', exitCode: 0 });
  });

  it('an internal network still connects its members (Internal itself is checked in network.test.ts)', async () => {
    await using internal = await new Network({ internal: true }).start();
    await using a = await new GenericContainer('redis:7').withNetwork(internal).withNetworkAliases('inside').start();
    await using b = await new GenericContainer('redis:7').withNetwork(internal).withCommand(['sleep', 'infinity']).start();
    expect(await ping(b, 'inside')).toEqual({ output: 'PONG', exitCode: 0 });
    expect(a.getNetworkNames()).toEqual([internal.getName()]);
  });
});
