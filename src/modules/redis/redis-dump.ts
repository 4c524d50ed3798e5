import { randomBytes } from 'node:crypto';
import { mkdtemp, open, readdir, rename, rm, stat } from 'node:fs/promises';
import path from 'node:path';
import { pipeline } from 'node:stream/promises';
import { extract } from 'tar-fs';
import { BackupError } from '../../index';

/** The first bytes of every RDB file. */
const RDB_MAGIC = 'REDIS';

/** Throws {@link BackupError} unless `hostFile` is a readable file that starts like a Redis dump. */
export async function assertRedisDump(hostFile: string): Promise<void> {
  const file = path.resolve(hostFile);
  let head: Buffer;
  try {
    const handle = await open(file, 'r');
    try {
      head = Buffer.alloc(9);
      const { bytesRead } = await handle.read(head, 0, 9, 0);
      head = head.subarray(0, bytesRead);
    } finally {
      await handle.close();
    }
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code ?? 'error';
    throw new BackupError(file, `the Redis dump cannot be read: ${code} ${(error as Error).message}`, { cause: error });
  }
  if (head.subarray(0, 5).toString('latin1') !== RDB_MAGIC || !/^\d{4}$/.test(head.subarray(5, 9).toString('latin1'))) {
    throw new BackupError(file, `not a Redis dump: it does not start with "REDIS" and an RDB version (starts with ${JSON.stringify(head.toString('latin1'))})`);
  }
}

/** Writes a dump target; `discard()` removes its temporary folder when the dump is never written. */
export interface DumpWriter {
  (archive: NodeJS.ReadableStream): Promise<void>;
  discard(): Promise<void>;
}

/**
 * Checks that `hostFile` can be written (before anything happens in the container) and returns a
 * function that extracts the one-file tar stream `archive` into it. The file appears only when
 * complete: it is extracted into a temporary folder next to the target and renamed. A caller that
 * fails before writing calls `discard()`.
 */
export async function prepareDumpTarget(hostFile: string): Promise<DumpWriter> {
  const target = path.resolve(hostFile);
  if ((await stat(target).catch(() => undefined))?.isDirectory()) {
    throw new BackupError(target, 'the backup target is a directory; give a file path');
  }
  let tempDir: string;
  try {
    tempDir = await mkdtemp(path.join(path.dirname(target), `.${path.basename(target)}.${randomBytes(3).toString('hex')}-`));
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code ?? 'error';
    throw new BackupError(target, `the backup target cannot be written: ${code} ${(error as Error).message}`, { cause: error });
  }
  const discard = (): Promise<void> => rm(tempDir, { recursive: true, force: true });
  const write = async (archive: NodeJS.ReadableStream): Promise<void> => {
    try {
      await pipeline(archive, extract(tempDir, { chown: false } as Parameters<typeof extract>[1]));
      const [name, ...rest] = await readdir(tempDir);
      if (!name || rest.length) throw new BackupError(target, `expected one file in the archive, found ${rest.length + (name ? 1 : 0)}`);
      await assertRedisDump(path.join(tempDir, name));
      await rename(path.join(tempDir, name), target);
    } finally {
      await discard();
    }
  };
  return Object.assign(write, { discard });
}
