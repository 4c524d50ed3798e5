import { randomBytes } from 'node:crypto';
import { GenericContainer, InvalidArgumentError, LABEL_TESTCONTAINERS_SESSION_ID, Network } from 'berth';
import { containersWithLabel, engineInspect } from './helpers';

const idle = (): GenericContainer => new GenericContainer('debian:bookworm').withCommand(['sleep', 'infinity']);

describe('networks', () => {
  it('aliases put the container on that one network only, where others resolve them', async () => {
    await using network = await new Network().start();
    await using cache = await idle().withNetwork(network).withNetworkAliases('cache', 'kv').start();
    expect(cache.getNetworkNames()).toEqual([network.getName()]);
    const aliases = (await engineInspect(cache.getId()))?.NetworkSettings.Networks?.[network.getName()]?.Aliases;
    expect(aliases).toEqual(expect.arrayContaining(['cache', 'kv']));
    await using client = await idle().withNetworkMode(network.getName()).start();
    expect((await client.exec('getent hosts kv')).stdout).toContain(cache.getIpAddress(network.getName()));
  });

  it('connectToNetwork with aliases and disconnectFromNetwork', async () => {
    await using network = await new Network().start();
    await using container = await idle().start();
    await container.connectToNetwork(network, { aliases: ['late'] });
    expect(container.getNetworkNames().sort()).toEqual(['bridge', network.getName()].sort());
    expect(container.getNetworkId(network.getName())).toBe(network.getId());
    await using peer = await idle().withNetwork(network).start();
    expect((await peer.exec('getent hosts late')).stdout).toContain(container.getIpAddress(network.getName()));
    await container.disconnectFromNetwork(network.getName());
    expect(container.getNetworkNames()).toEqual(['bridge']);
  });

  it('rejects aliases without a user-defined network before creating anything', async () => {
    const marker = randomBytes(6).toString('hex');
    await expect(idle().withLabels({ 'test.marker': marker }).withNetworkAliases('a').start()).rejects.toThrow(InvalidArgumentError);
    expect(await containersWithLabel('test.marker', marker)).toEqual([]);
  });
});

describe('withReuse', () => {
  it('reuses a container with the same configuration, HostConfig included, without the session label', async () => {
    const marker = randomBytes(6).toString('hex');
    const build = (): GenericContainer => idle().withLabels({ 'test.marker': marker }).withReuse();
    const [first, second] = await Promise.all([build().start(), build().start()]);
    const different = await build().withTmpFs({ '/scratch': 'rw' }).start();
    try {
      expect(second.getId()).toBe(first.getId());
      expect(different.getId()).not.toBe(first.getId());
      expect(first.getLabels()[LABEL_TESTCONTAINERS_SESSION_ID]).toBeUndefined();
      expect(first.getLabels()['org.testcontainers.container-hash']).toMatch(/^[0-9a-f]{64}$/);
      const third = await build().start();
      expect(third.getId()).toBe(first.getId());
    } finally {
      await first.stop();
      await different.stop();
    }
    expect(await containersWithLabel('test.marker', marker)).toEqual([]);
  });
});
