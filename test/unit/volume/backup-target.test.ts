import { chmodSync, existsSync, mkdirSync, mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { BackupError } from 'berth';
import { openBackupTarget } from '../../../src/volume/backup-target';

describe('openBackupTarget', () => {
  let dir: string;
  beforeAll(() => {
    dir = mkdtempSync(path.join(tmpdir(), 'berth-target-'));
  });
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('writes through a hidden temporary file that commit() renames', async () => {
    const target = await openBackupTarget(path.join(dir, 'out.tar'));
    expect(path.basename(target.tempFile)).toMatch(/^\.out\.tar\.[0-9a-f]{8}\.partial$/);
    await target.commit();
    expect(readdirSync(dir)).toEqual(['out.tar']);
  });

  it('discard() leaves nothing behind', async () => {
    const target = await openBackupTarget(path.join(dir, 'gone.tar'));
    await target.discard();
    expect(existsSync(target.tempFile)).toBe(false);
  });

  it.each([
    ['a missing folder', (d: string) => path.join(d, 'no', 'such', 'dir', 'x.tar'), /cannot be written: ENOENT/],
    ['a directory', (d: string) => d, /is a directory/],
    ['an empty path', () => '', /must be a file path/],
  ])('rejects %s with BackupError', async (_label, make, message) => {
    const p = openBackupTarget(make(dir));
    await expect(p).rejects.toBeInstanceOf(BackupError);
    await expect(openBackupTarget(make(dir))).rejects.toThrow(message);
  });

  it('rejects a read-only folder (unless running as root)', async () => {
    if (process.getuid?.() === 0) return; // root writes anywhere; the integration test uses a missing folder
    const ro = path.join(dir, 'ro');
    mkdirSync(ro);
    chmodSync(ro, 0o555);
    await expect(openBackupTarget(path.join(ro, 'x.tar'))).rejects.toThrow(/cannot be written: EACCES/);
  });
});
