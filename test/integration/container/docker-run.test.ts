import { mkdtempSync, readFileSync, writeFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { randomBytes } from 'node:crypto';
import { GenericContainer, InvalidArgumentError, Wait, type StartedTestContainer } from 'berth';
import { engineInspect, readAll, removeVolume } from './helpers';

const DEBIAN = 'debian:bookworm';
const idle = (): GenericContainer => new GenericContainer(DEBIAN).withCommand(['sleep', 'infinity']);

describe('docker run options', () => {
  it('runs a one-shot container to completion and its output is readable', async () => {
    await using container = await new GenericContainer(DEBIAN)
      .withCommand(['echo', 'Hello World'])
      .withWaitStrategy(Wait.forOneShotStartup())
      .start();
    expect(await readAll(await container.logs({ follow: false }))).toBe('Hello World\n');
    expect((await container.inspect()).state).toMatchObject({ status: 'exited', exitCode: 0, running: false });
  });

  it('-it with a hostname: TTY, open stdin, and `hostname` inside reports it', async () => {
    await using container = await new GenericContainer(DEBIAN).withTty().withOpenStdin().withHostname('berth-box').start();
    const inspect = await engineInspect(container.getId());
    expect(inspect?.Config).toMatchObject({ Tty: true, OpenStdin: true, Hostname: 'berth-box' });
    expect(inspect?.State.Running).toBe(true); // bash waits on the open stdin
    expect((await container.exec('hostname')).stdout.trim()).toBe('berth-box');
    expect(container.getHostname()).toBe('berth-box');
  });

  it('name, entrypoint, environment, working dir and user', async () => {
    const name = `berth-run-${randomBytes(4).toString('hex')}`;
    await using container = await new GenericContainer(DEBIAN)
      .withName(name)
      .withEntrypoint(['sh', '-c'])
      .withCommand(['sleep infinity'])
      .withEnvironment({ A: '1' })
      .withEnvironment({ B: 'two words' })
      .withWorkingDir('/tmp')
      .withUser('nobody')
      .start();
    expect(container.getName()).toBe(`/${name}`);
    const out = await container.exec(['sh', '-c', 'echo "$A|$B|$(pwd)|$(id -un)"']);
    expect(out.stdout.trim()).toBe('1|two words|/tmp|nobody');
  });

  it('restart policy on-failure with a retry count', async () => {
    await using container = await new GenericContainer(DEBIAN)
      .withCommand(['sh', '-c', 'sleep infinity'])
      .withRestartPolicy('on-failure', 2)
      .start();
    expect((await engineInspect(container.getId()))?.HostConfig.RestartPolicy).toEqual({ Name: 'on-failure', MaximumRetryCount: 2 });
    expect(() => idle().withRestartPolicy('always', 3)).toThrow(InvalidArgumentError);
  });

  it('--link: the alias resolves to the target inside the new container', async () => {
    await using target = await idle().start();
    await using linked = await idle().withLink(target, 'db').start();
    const hosts = (await linked.exec('cat /etc/hosts')).stdout;
    expect(hosts).toMatch(new RegExp(`^${target.getIpAddress('bridge').replace(/\./g, '\\.')}\\s.*\\bdb\\b`, 'm'));
    expect((await linked.exec('getent hosts db')).stdout).toContain(target.getIpAddress('bridge'));
    expect(() => idle().withLink(target, 'bad alias!')).toThrow(InvalidArgumentError);
  });
});

describe('volumes', () => {
  const volume = `berth-test-${randomBytes(4).toString('hex')}`;
  let writer: StartedTestContainer | undefined;
  afterAll(async () => {
    await writer?.stop();
    await removeVolume(volume);
  });

  it('withVolumeMount shares a named volume; withVolumesFrom mounts another container volumes read-only', async () => {
    writer = await idle().withVolumeMount(volume, '/shared').start();
    await writer.exec(['sh', '-c', 'echo from-writer > /shared/f']);
    await using reader = await idle().withVolumeMount({ getName: () => volume }, '/mnt', 'ro').start();
    expect((await reader.exec('cat /mnt/f')).stdout).toBe('from-writer\n');
    await using from = await idle().withVolumesFrom(writer, 'ro').start();
    expect((await from.exec('cat /shared/f')).stdout).toBe('from-writer\n');
    expect((await from.exec(['sh', '-c', 'echo x > /shared/g'])).exitCode).not.toBe(0);
    expect(() => idle().withVolumeMount(volume, 'relative')).toThrow(InvalidArgumentError);
    expect(() => idle().withVolumeMount(volume, '/x', 'rx' as never)).toThrow(InvalidArgumentError);
  });

  it('withBindMounts replaces earlier mounts and honours ro', async () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'berth-bind-'));
    try {
      writeFileSync(path.join(dir, 'in.txt'), 'host');
      await using container = await idle()
        .withBindMounts([{ source: '/nonexistent', target: '/gone' }])
        .withBindMounts([{ source: dir, target: '/ro', mode: 'ro' }])
        .start();
      expect((await container.exec('cat /ro/in.txt')).stdout).toBe('host');
      expect((await container.exec(['sh', '-c', 'echo x > /ro/out'])).exitCode).not.toBe(0);
      expect((await container.exec('test -e /gone')).exitCode).not.toBe(0);
      expect(readFileSync(path.join(dir, 'in.txt'), 'utf8')).toBe('host');
      expect(() => idle().withBindMounts([{ source: dir, target: '/x', mode: 'rx' as never }])).toThrow(InvalidArgumentError);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
