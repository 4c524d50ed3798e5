import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { GenericContainer, ResourceStateError, Volume, type StartedTestContainer, type StartedVolume } from 'berth';

describe('Volume backups while a container uses the volume (real engine)', () => {
  let dir: string;
  let volume: StartedVolume;
  let user: StartedTestContainer;

  const sh = async (script: string): Promise<string> => {
    const result = await user.exec(['sh', '-c', script]);
    expect(result.exitCode).toBe(0);
    return result.stdout.trim();
  };

  beforeAll(async () => {
    dir = mkdtempSync(path.join(tmpdir(), 'berth-in-use-'));
    volume = await new Volume().start();
    user = await new GenericContainer('debian:bookworm')
      .withVolumeMount(volume, '/srv/data')
      .withCommand(['sleep', 'infinity'])
      .start();
  });
  afterAll(async () => {
    await user?.stop();
    await volume?.remove();
    rmSync(dir, { recursive: true, force: true });
  });

  it('backs up what the running container wrote and restores it under its feet', async () => {
    await sh('mkdir -p /srv/data/app/logs && echo v1 > /srv/data/app/config && seq 1 5000 > /srv/data/app/logs/big && chown -R 999:999 /srv/data/app && chmod 600 /srv/data/app/config');
    const snapshot = path.join(dir, 'snapshot.tar');
    await volume.backupTo(snapshot);

    // The container changes things: edits, adds, deletes (incl. a whole tree) and adds a root-only dir.
    await sh('echo v2 > /srv/data/app/config && echo new > /srv/data/extra && rm -r /srv/data/app/logs && mkdir -m 700 /srv/data/secret && touch /srv/data/secret/x');
    await volume.restoreFrom(snapshot);

    expect(await sh('cd /srv/data && find . | sort')).toBe(['.', './app', './app/config', './app/logs', './app/logs/big'].join('\n'));
    expect(await sh('cat /srv/data/app/config')).toBe('v1');
    expect(await sh('wc -l < /srv/data/app/logs/big')).toBe('5000');
    expect(await sh('stat -c "%u:%g %a" /srv/data/app/config')).toBe('999:999 600');
  });

  it('cannot remove a volume a container uses: ResourceStateError, and the volume stays', async () => {
    const other = await new Volume().start();
    const holder = await new GenericContainer('debian:bookworm').withVolumeMount(other, '/x').withCommand(['sleep', 'infinity']).start();
    try {
      await expect(other.remove()).rejects.toBeInstanceOf(ResourceStateError);
      await expect(other.remove()).rejects.toThrow(/cannot be removed while a container uses it/);
      await other.backupTo(path.join(dir, 'still-there.tar'));
    } finally {
      await holder.stop();
      await other.remove();
    }
  });
});
