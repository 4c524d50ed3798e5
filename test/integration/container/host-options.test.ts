import { GenericContainer, getEngineInfo, type StartedTestContainer } from 'berth';
import { customWait, engineInspect } from './helpers';

describe('HostConfig options reach the engine and take effect', () => {
  let container: StartedTestContainer;
  beforeAll(async () => {
    const { arch } = await getEngineInfo();
    container = await new GenericContainer('debian:bookworm')
      .withCommand(['sleep', 'infinity'])
      .withTmpFs({ '/scratch': 'rw,size=8m' })
      .withUlimits({ nofile: { soft: 1000, hard: 2000 } })
      .withSecurityOpt('no-new-privileges')
      .withAddedCapabilities('NET_ADMIN')
      .withDroppedCapabilities('CHOWN')
      .withExtraHosts([{ host: 'extra.berth', ipAddress: '10.9.8.7' }])
      .withDefaultLogDriver()
      .withIpcMode('private')
      .withResourcesQuota({ memory: 0.25, cpu: 0.5 })
      .withSharedMemorySize(16 * 1024 * 1024)
      .withPlatform(`linux/${arch}`)
      .withStartupTimeout(30_000)
      .start();
  });
  afterAll(async () => {
    await container?.stop();
  });

  it('records them in HostConfig', async () => {
    const hc = (await engineInspect(container.getId()))?.HostConfig;
    expect(hc).toMatchObject({
      Tmpfs: { '/scratch': 'rw,size=8m' },
      Ulimits: [{ Name: 'nofile', Soft: 1000, Hard: 2000 }],
      SecurityOpt: ['no-new-privileges'],
      CapAdd: ['NET_ADMIN'],
      CapDrop: ['CHOWN'],
      ExtraHosts: ['extra.berth:10.9.8.7'],
      LogConfig: { Type: 'json-file' },
      IpcMode: 'private',
      Memory: 268435456,
      NanoCpus: 500_000_000,
      ShmSize: 16777216,
    });
  });

  it('and they take effect inside the container', async () => {
    const sh = async (cmd: string): Promise<string> => (await container.exec(['sh', '-c', cmd])).stdout.trim();
    expect(await sh('mount | grep " /scratch " | grep -c tmpfs')).toBe('1');
    // The container's main process (exec'd processes may get the engine's defaults).
    expect(await sh('grep "Max open files" /proc/1/limits')).toMatch(/Max open files\s+1000\s+2000\s/);
    expect(await sh('getent hosts extra.berth')).toContain('10.9.8.7');
    expect(await sh('df -k /dev/shm | tail -1 | awk \'{print $2}\'')).toBe('16384');
    expect(await sh('grep NoNewPrivs /proc/self/status')).toMatch(/NoNewPrivs:\s+1/);
    // CHOWN is bit 0 of the capability set: dropped. NET_ADMIN is bit 12: added.
    const capEff = BigInt(`0x${(await sh('grep CapEff /proc/self/status')).split(/\s+/)[1]}`);
    expect(capEff & 1n).toBe(0n);
    expect(capEff & (1n << 12n)).not.toBe(0n);
  });
});

describe('network mode host', () => {
  it('does not wait for port bindings that never come; mapped ports are the container ports', async () => {
    const started = Date.now();
    await using container = await new GenericContainer('debian:bookworm')
      .withCommand(['sleep', 'infinity'])
      .withNetworkMode('host')
      .withExposedPorts(6399)
      .withWaitStrategy(customWait(() => Promise.resolve()))
      .withStartupTimeout(20_000)
      .start();
    expect(Date.now() - started).toBeLessThan(10_000);
    expect(container.getMappedPort(6399)).toBe(6399);
  });
});
