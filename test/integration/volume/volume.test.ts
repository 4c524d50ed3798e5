import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { BackupError, LABEL_TESTCONTAINERS_SESSION_ID, NameConflictError, RemovedVolume, Volume } from 'berth';
import { getEngine } from '../../../src/engine/engine';
import { inspectVolume } from '../../../src/engine/volumes';
import { getSessionId } from '../../../src/reaper/session';

/** Lists a tar file as sorted "owner path" lines, as GNU tar prints them. */
function listing(tarFile: string): string[] {
  return execFileSync('tar', ['--numeric-owner', '-tvf', tarFile], { encoding: 'utf8' })
    .trim()
    .split('\n')
    .map((line) => {
      const cols = line.split(/\s+/);
      return `${cols[0]} ${cols[1]} ${cols[2]} ${cols.slice(5).join(' ')}`;
    })
    .sort();
}

describe('Volume (real engine)', () => {
  let dir: string;
  let contentA: string;
  let contentB: string;

  beforeAll(() => {
    dir = mkdtempSync(path.join(tmpdir(), 'berth-volume-'));
    const a = path.join(dir, 'a');
    mkdirSync(path.join(a, 'nested', 'deeper'), { recursive: true });
    writeFileSync(path.join(a, 'top.txt'), 'top\n');
    writeFileSync(path.join(a, 'nested', 'deeper', 'leaf.bin'), Buffer.alloc(70_000, 3));
    contentA = path.join(dir, 'a.tar');
    execFileSync('tar', ['-C', a, '--owner=999', '--group=999', '-cf', contentA, '.']);
    const b = path.join(dir, 'b');
    mkdirSync(b);
    writeFileSync(path.join(b, 'only-b.txt'), 'b\n');
    contentB = path.join(dir, 'b.tar');
    execFileSync('tar', ['-C', b, '-cf', contentB, '.']);
  });
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('creates a session-labelled volume and removes it idempotently', async () => {
    const engine = await getEngine();
    const volume = await new Volume().withLabels({ purpose: 'test' }).start();
    const inspect = await inspectVolume(engine, volume.getName());
    expect(inspect?.Driver).toBe('local');
    expect(inspect?.Labels?.[LABEL_TESTCONTAINERS_SESSION_ID]).toBe(getSessionId());
    expect(inspect?.Labels?.purpose).toBe('test');
    expect(inspect?.Labels?.['dev.berth.created-by']).toMatch(/volume\.test\.ts:\d+$/);
    expect(volume.getLabels().purpose).toBe('test');
    const [first, second] = await Promise.all([volume.remove(), volume.remove()]);
    expect(first).toBeInstanceOf(RemovedVolume);
    expect(second).toBe(first);
    expect(await inspectVolume(engine, volume.getName())).toBeUndefined();
    // A removed volume is not silently recreated by a backup or a restore.
    await expect(volume.backupTo(path.join(dir, 'gone.tar'))).rejects.toThrow(/the volume does not exist/);
    await expect(volume.restoreFrom(contentB)).rejects.toThrow(/the volume does not exist/);
    expect(await inspectVolume(engine, volume.getName())).toBeUndefined();
    expect(existsSync(path.join(dir, 'gone.tar'))).toBe(false);
  });

  it('passes the driver and its options', async () => {
    const engine = await getEngine();
    await using volume = await new Volume()
      .withDriver('local', { type: 'tmpfs', device: 'tmpfs', o: 'size=8m' })
      .start();
    const inspect = await inspectVolume(engine, volume.getName());
    expect(inspect?.Options).toEqual({ type: 'tmpfs', device: 'tmpfs', o: 'size=8m' });
  });

  it('backs up and restores contents (owners, modes, nesting); a restore replaces what was there', async () => {
    await using volume = await new Volume().start();
    await volume.restoreFrom(contentA);
    const backupA = path.join(dir, 'backup-a.tar');
    await volume.backupTo(backupA);
    expect(listing(backupA).filter((l) => !l.endsWith(' ./'))).toEqual(listing(contentA).filter((l) => !l.endsWith(' ./')));
    expect(listing(backupA).join('\n')).toContain('999/999');

    await volume.restoreFrom(contentB);
    const backupB = path.join(dir, 'backup-b.tar');
    await volume.backupTo(backupB);
    const names = listing(backupB).map((l) => l.split(' ').pop());
    expect(names.sort()).toEqual(['./', './only-b.txt']);

    await volume.restoreFrom(backupA);
    const again = path.join(dir, 'backup-a2.tar');
    await volume.backupTo(again);
    expect(listing(again)).toEqual(listing(backupA));
  });

  it('a taken name is a NameConflictError and the existing volume keeps its labels and contents', async () => {
    const engine = await getEngine();
    const name = `berth-test-vol-${getSessionId()}`;
    await using volume = await new Volume(name).withLabels({ owner: 'first' }).start();
    await volume.restoreFrom(contentB);
    const conflict = new Volume(name).withLabels({ owner: 'second' }).start();
    await expect(conflict).rejects.toBeInstanceOf(NameConflictError);
    await expect(new Volume(name).start()).rejects.toThrow(`Create volume failed: ${name} (the name is taken`);
    expect((await inspectVolume(engine, name))?.Labels?.owner).toBe('first');
    const after = path.join(dir, 'after-conflict.tar');
    await volume.backupTo(after);
    expect(listing(after).map((l) => l.split(' ').pop())).toContain('./only-b.txt');
  });

  describe('bad input', () => {
    it('a restore file that is not a tar archive: BackupError, contents kept', async () => {
      await using volume = await new Volume().start();
      await volume.restoreFrom(contentB);
      const notTar = path.join(dir, 'not-a-tar.txt');
      writeFileSync(notTar, 'this is not an archive\n'.repeat(50));
      const restore = volume.restoreFrom(notTar);
      await expect(restore).rejects.toBeInstanceOf(BackupError);
      await expect(volume.restoreFrom(notTar)).rejects.toThrow(/not a tar archive: the header at byte 0 has no valid tar checksum/);
      await expect(volume.restoreFrom(path.join(dir, 'missing.tar'))).rejects.toThrow(/cannot be read: ENOENT/);
      const truncated = path.join(dir, 'truncated.tar');
      writeFileSync(truncated, execFileSync('head', ['-c', '1536', contentA]));
      await expect(volume.restoreFrom(truncated)).rejects.toThrow(/truncated/);
      const after = path.join(dir, 'after-bad.tar');
      await volume.backupTo(after);
      expect(listing(after).map((l) => l.split(' ').pop()).sort()).toEqual(['./', './only-b.txt']);
    });

    it('a backup target that cannot be written: BackupError, nothing written, no helper left', async () => {
      await using volume = await new Volume().start();
      const target = path.join(dir, 'no', 'such', 'folder', 'backup.tar');
      const backup = volume.backupTo(target);
      await expect(backup).rejects.toBeInstanceOf(BackupError);
      await expect(volume.backupTo(target)).rejects.toThrow(/the backup target cannot be written: ENOENT/);
      await expect(volume.backupTo(dir)).rejects.toThrow(/is a directory/);
      expect(existsSync(path.dirname(target))).toBe(false);
      expect(readdirSync(dir).filter((f) => f.endsWith('.partial'))).toEqual([]);
    });
  });
});
