// A test suite written the testcontainers-node way (12.x API): only the import line names berth.
// If this file needs more than `from 'testcontainers'` → `from 'berth'` to move over, berth is not compatible.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import {
  AbstractStartedContainer,
  GenericContainer,
  Network,
  Wait,
  type InspectResult,
  type StartedTestContainer,
} from 'berth';

async function readStream(stream: NodeJS.ReadableStream): Promise<Buffer> {
  const chunks: Buffer[] = [];
  for await (const chunk of stream) chunks.push(Buffer.isBuffer(chunk) ? chunk : Buffer.from(chunk));
  return Buffer.concat(chunks);
}

// A module written the way the official @testcontainers/* modules are.
class GreeterContainer extends GenericContainer {
  private greeting = 'hello';
  startedAs = '';

  constructor(image: string) {
    super(image);
    this.withExposedPorts(8080).withWaitStrategy(Wait.forHttp('/health', 8080)).withStartupTimeout(120_000);
  }

  withGreeting(greeting: string): this {
    this.greeting = greeting;
    return this;
  }

  // eslint-disable-next-line @typescript-eslint/require-await
  protected override async beforeContainerCreated(): Promise<void> {
    this.withEnvironment({ GREETING: this.greeting });
  }

  protected override async containerStarted(container: StartedTestContainer, inspectResult: InspectResult): Promise<void> {
    const { stdout } = await container.exec(['printenv', 'GREETING']);
    this.startedAs = `${inspectResult.name}: ${stdout.trim()}`;
  }

  override async start(): Promise<StartedGreeterContainer> {
    return new StartedGreeterContainer(await super.start());
  }
}

class StartedGreeterContainer extends AbstractStartedContainer {
  constructor(startedTestContainer: StartedTestContainer) {
    super(startedTestContainer);
  }

  getUrl(): string {
    return `http://${this.getHost()}:${this.getMappedPort(8080)}`;
  }
}

describe('a module (GenericContainer subclass with hooks, AbstractStartedContainer wrapper)', () => {
  it('starts, runs its hooks, and exposes its own getters', async () => {
    const builder = new GreeterContainer('berth-fixtures/http-server:1').withGreeting('hi');
    await using greeter = await builder.start();
    expect(builder.startedAs).toBe(`${greeter.getName()}: hi`);
    const env = (await (await fetch(`${greeter.getUrl()}/env`)).json()) as Record<string, string>;
    expect(env['GREETING']).toBe('hi');
  });
});

describe('GenericContainer', () => {
  let container: StartedTestContainer;
  let hostDir: string;

  beforeAll(async () => {
    hostDir = fs.mkdtempSync(path.join(os.tmpdir(), 'tc-migration-'));
    fs.writeFileSync(path.join(hostDir, 'greeting.txt'), 'from the host');
    container = await new GenericContainer('berth-fixtures/http-server:1')
      .withEnvironment({ GREETING: 'hello' })
      .withCommand(['python3', '-u', '/srv/server.py', '--migrated'])
      .withExposedPorts(8080)
      .withBindMounts([{ source: hostDir, target: '/mnt/host', mode: 'ro' }])
      .withCopyContentToContainer([{ content: 'copied before start', target: '/srv/copied.txt' }])
      .withWaitStrategy(Wait.forLogMessage('Listening on 8080'))
      .withStartupTimeout(30_000)
      .start();
  });

  afterAll(async () => {
    await container.stop();
    fs.rmSync(hostDir, { recursive: true, force: true });
  });

  it('serves HTTP on the mapped port, with the environment and command it was given', async () => {
    const base = `http://${container.getHost()}:${container.getMappedPort(8080)}`;
    expect(await (await fetch(`${base}/hello`)).text()).toBe('hello world');
    expect(await (await fetch(`${base}/env`)).json()).toMatchObject({ GREETING: 'hello' });
    expect(await (await fetch(`${base}/cmd`)).json()).toContain('--migrated');
    expect(container.getFirstMappedPort()).toBe(container.getMappedPort(8080));
  });

  it('exec sees the read-only bind mount and the copied content', async () => {
    const { output, exitCode } = await container.exec(['cat', '/mnt/host/greeting.txt', '/srv/copied.txt']);
    expect(exitCode).toBe(0);
    expect(output).toBe('from the hostcopied before start');
    const { exitCode: touched } = await container.exec(['touch', '/mnt/host/new-file']);
    expect(touched).not.toBe(0);
    const { stdout } = await container.exec('printenv GREETING', { env: { OTHER: 'x' } });
    expect(stdout.trim()).toBe('hello');
  });

  it('logs() streams what the container logs', async () => {
    const stream = await container.logs();
    const line = await new Promise<string>((resolve, reject) => {
      stream
        .on('data', (chunk: string | Buffer) => {
          if (String(chunk).includes('Listening on 8080')) resolve(String(chunk));
        })
        .on('error', reject);
    });
    stream.destroy();
    expect(line).toContain('Listening on 8080');
  });

  it('restart() brings the container back and re-reads the mapped port', async () => {
    await container.restart();
    const response = await fetch(`http://${container.getHost()}:${container.getMappedPort(8080)}/health`);
    expect(response.status).toBe(200);
    await response.text();
  });
});

describe('one-shot containers and stop options', () => {
  it('Wait.forOneShotStartup(): a command that runs to completion', async () => {
    const container = await new GenericContainer('debian:bookworm')
      .withCommand(['echo', 'Hello World'])
      .withWaitStrategy(Wait.forOneShotStartup())
      .start();
    expect((await readStream(await container.logs())).toString()).toBe('Hello World\n');
    await container.stop();
  });

  it('stop({ timeout, remove: false }) keeps the container, which can still be copied from', async () => {
    const container = await new GenericContainer('debian:bookworm')
      .withCommand(['sh', '-c', 'echo data > /tmp/out.txt && sleep infinity'])
      .withWaitStrategy(Wait.forSuccessfulCommand('test -f /tmp/out.txt'))
      .start();
    try {
      const stopped = await container.stop({ timeout: 1_000, remove: false });
      expect(stopped.getId()).toBe(container.getId());
      const tar = await readStream(await stopped.copyArchiveFromContainer('/tmp/out.txt'));
      expect(tar.toString('latin1')).toContain('out.txt');
      expect(tar.toString('latin1')).toContain('data\n');
    } finally {
      await container.stop({ remove: true }); // berth: a later remove: true removes the kept container
    }
  });
});

describe('Network', () => {
  it('containers on a network reach each other by alias (await using)', async () => {
    await using network = await new Network().start();
    await using redis = await new GenericContainer('redis:7')
      .withNetwork(network)
      .withNetworkAliases('cache')
      .withExposedPorts(6379)
      .start();
    await using client = await new GenericContainer('redis:7').withNetwork(network).withCommand(['sleep', 'infinity']).start();
    const { output, exitCode } = await client.exec(['redis-cli', '-h', 'cache', 'ping']);
    expect(exitCode).toBe(0);
    expect(output.trim()).toBe('PONG');
    expect(redis.getNetworkNames()).toContain(network.getName());
    expect(redis.getIpAddress(network.getName())).toMatch(/^\d+\.\d+\.\d+\.\d+$/);
  });
});
