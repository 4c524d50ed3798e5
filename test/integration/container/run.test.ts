import { randomBytes } from 'node:crypto';
import {
  ContainerStartError,
  GenericContainer,
  ImagePullError,
  InvalidArgumentError,
  LABEL_TESTCONTAINERS_SESSION_ID,
  OperationAbortedError,
  PullPolicy,
  type StartedTestContainer,
} from 'berth';
import { Readable } from 'node:stream';
import { containersWithLabel, customWait, engineInspect, volumeExists } from './helpers';

/** Records the anonymous volumes of the container it creates (redis:7 declares VOLUME /data). */
class VolumeWatcher extends GenericContainer {
  readonly volumes: string[] = [];
  protected override async containerCreated(id: string): Promise<void> {
    const inspect = await engineInspect(id);
    this.volumes.push(...(inspect?.Mounts ?? []).map((m) => m.Name ?? '').filter(Boolean));
  }
}

const REDIS = 'redis:7';

describe('GenericContainer: start, getters, exec, logs, stop', () => {
  let redis: StartedTestContainer;
  beforeAll(async () => {
    redis = await new GenericContainer(REDIS)
      .withExposedPorts(6379, '6379/udp')
      .withLabels({ 'test.berth': 'run' })
      .start();
  });
  afterAll(async () => {
    await redis?.stop();
  });

  it('publishes ports on 127.0.0.1 with random host ports (tcp and udp)', async () => {
    const tcp = redis.getMappedPort(6379);
    expect(tcp).toBeGreaterThan(0);
    expect(redis.getMappedPort('6379/tcp')).toBe(tcp);
    expect(redis.getMappedPort(6379, 'TCP')).toBe(tcp);
    expect(redis.getMappedPort('6379/udp')).toBeGreaterThan(0);
    expect(redis.getMappedPort(6379, 'udp')).toBe(redis.getMappedPort('6379/udp'));
    expect(redis.getFirstMappedPort()).toBe(tcp);
    expect(() => redis.getMappedPort(1234)).toThrow('No port binding found for :1234/tcp');
    const inspect = await engineInspect(redis.getId());
    expect(inspect?.NetworkSettings.Ports?.['6379/tcp']?.[0]?.HostIp).toBe('127.0.0.1');
    expect(redis.getHost()).toBe('localhost');
  });

  it('reports id, name, hostname and labels, including berth and session labels', () => {
    expect(redis.getId()).toMatch(/^[0-9a-f]{64}$/);
    expect(redis.getName()).toMatch(/^\//);
    expect(redis.getHostname()).toBe(redis.getId().slice(0, 12));
    const labels = redis.getLabels();
    expect(labels['test.berth']).toBe('run');
    expect(labels['org.testcontainers']).toBe('true');
    expect(labels[LABEL_TESTCONTAINERS_SESSION_ID]).toMatch(/^[0-9a-f]{12}$/);
    expect(labels['dev.berth.created-by']).toContain('run.test.ts');
    expect(redis.getNetworkNames()).toEqual(['bridge']);
    expect(redis.getIpAddress('bridge')).toMatch(/^\d+\.\d+\.\d+\.\d+$/);
  });

  it('execs string commands with shell-like quoting and separates stdout and stderr', async () => {
    const result = await redis.exec('sh -c "echo out; echo err >&2; exit 3"');
    expect(result.exitCode).toBe(3);
    expect(result.stdout).toBe('out\n');
    expect(result.stderr).toBe('err\n');
    expect(result.output).toContain('out\n');
    expect(result.output).toContain('err\n');
    const ping = await redis.exec(['redis-cli', 'PING']);
    expect(ping.stdout.trim()).toBe('PONG');
    const opts = await redis.exec(['sh', '-c', 'echo "$A $(pwd) $(id -u)"'], { env: { A: 'a b' }, workingDir: '/tmp', user: 'nobody' });
    expect(opts.stdout.trim()).toBe('a b /tmp 65534');
  });

  it('reads the logs without following', async () => {
    const stream = await redis.logs({ follow: false });
    let text = '';
    for await (const chunk of stream) text += String(chunk);
    expect(text).toContain('Ready to accept connections');
  });
});

describe('GenericContainer: failures leave nothing behind', () => {
  it('rejects invalid input before anything is created', () => {
    expect(() => new GenericContainer('Not A Valid Image')).toThrow(InvalidArgumentError);
    expect(() => new GenericContainer(REDIS).withExposedPorts('80/sctp' as never)).toThrow(InvalidArgumentError);
    expect(() => new GenericContainer(REDIS).withExposedPorts(70000)).toThrow(InvalidArgumentError);
  });

  it('fails fast with ImagePullError for a missing image that cannot be pulled', async () => {
    const started = Date.now();
    const missing = new GenericContainer(`berth-missing/none:${randomBytes(4).toString('hex')}`).withPullPolicy(PullPolicy.neverPull());
    await expect(missing.start()).rejects.toThrow(ImagePullError);
    expect(Date.now() - started).toBeLessThan(10_000);
  });

  it('removes the container (and its anonymous volumes) when the start fails', async () => {
    const marker = randomBytes(6).toString('hex');
    const error = await new GenericContainer(REDIS)
      .withLabels({ 'test.marker': marker })
      .withCommand(['/does-not-exist'])
      .start()
      .catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ContainerStartError);
    expect((error as ContainerStartError).containerId).toMatch(/^[0-9a-f]{64}$/);
    expect(await containersWithLabel('test.marker', marker)).toEqual([]);
  });

  it('a failing create (name taken) creates nothing and leaves the other container alone', async () => {
    await using existing = await new GenericContainer(REDIS).start();
    const error = await new GenericContainer(REDIS).withName(existing.getName().slice(1)).start().catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ContainerStartError);
    expect(String(error)).toMatch(/already in use/);
    expect((await engineInspect(existing.getId()))?.State.Running).toBe(true);
  });

  it('a failing copy removes the container and its anonymous volume', async () => {
    const marker = randomBytes(6).toString('hex');
    const broken = new Readable({
      read() {
        this.destroy(new Error('archive source failed'));
      },
    });
    const builder = new VolumeWatcher(REDIS).withLabels({ 'test.marker': marker }).withCopyArchivesToContainer([{ tar: broken, target: '/tmp' }]);
    await expect(builder.start()).rejects.toThrow();
    expect(builder.volumes).toHaveLength(1);
    expect(await volumeExists(builder.volumes[0] as string)).toBe(false);
    expect(await containersWithLabel('test.marker', marker)).toEqual([]);
  });

  it('removes the container when the wait strategy fails, and rethrows', async () => {
    const marker = randomBytes(6).toString('hex');
    let seenId = '';
    const failing = customWait(async (target) => {
      seenId = target.id;
      await Promise.resolve();
      throw new Error('not ready, on purpose');
    });
    await expect(
      new GenericContainer(REDIS).withLabels({ 'test.marker': marker }).withWaitStrategy(failing).start(),
    ).rejects.toThrow('not ready, on purpose');
    expect(seenId).not.toBe('');
    expect(await engineInspect(seenId)).toBeUndefined();
    expect(await containersWithLabel('test.marker', marker)).toEqual([]);
  });

  it('honours an AbortSignal: rejects with OperationAbortedError and removes the container', async () => {
    const marker = randomBytes(6).toString('hex');
    const controller = new AbortController();
    const waitForever = customWait(
      (target, signal) =>
        new Promise((_, reject) => {
          setTimeout(() => controller.abort(), 300);
          signal.addEventListener('abort', () => reject(signal.reason as Error));
        }),
    );
    await expect(
      new GenericContainer(REDIS)
        .withLabels({ 'test.marker': marker })
        .withWaitStrategy(waitForever)
        .start({ signal: controller.signal }),
    ).rejects.toThrow(OperationAbortedError);
    expect(await containersWithLabel('test.marker', marker)).toEqual([]);
  });
});

describe('GenericContainer: stop and dispose', () => {
  it('stop() removes the container with its anonymous volumes, and is idempotent', async () => {
    const container = await new GenericContainer(REDIS).start();
    const inspect = await engineInspect(container.getId());
    const volume = inspect?.Mounts?.find((m) => m.Destination === '/data')?.Name;
    const [a, b] = await Promise.all([container.stop(), container.stop()]);
    expect(a).toBe(b);
    expect(a.getId()).toBe(container.getId());
    expect(await engineInspect(container.getId())).toBeUndefined();
    expect(volume).toBeDefined();
    expect(await volumeExists(volume as string)).toBe(false);
  });

  it('await using stops the container at the end of the scope', async () => {
    let id: string;
    {
      await using container = await new GenericContainer(REDIS).start();
      id = container.getId();
      expect((await engineInspect(id))?.State.Running).toBe(true);
    }
    expect(await engineInspect(id)).toBeUndefined();
  });
});
