import { randomBytes } from 'node:crypto';
import { open, rename, rm, stat } from 'node:fs/promises';
import path from 'node:path';
import { BackupError } from '../errors';

/** A temporary file next to the backup target; {@link commit} renames it over the target. */
export interface BackupTarget {
  /** The temporary file to write. */
  tempFile: string;
  /** Moves the finished temporary file to the target. */
  commit(): Promise<void>;
  /** Deletes the temporary file (after a failure). */
  discard(): Promise<void>;
}

/**
 * Checks that `hostFile` can be written BEFORE anything is created on the engine, by creating the
 * temporary file it will be written through. Throws {@link BackupError} saying why not. The target
 * only appears once the backup is complete, so a failed backup never leaves a partial file.
 */
export async function openBackupTarget(hostFile: string): Promise<BackupTarget> {
  if (typeof hostFile !== 'string' || hostFile.trim() === '') {
    throw new BackupError(String(hostFile), 'the backup target must be a file path');
  }
  const target = path.resolve(hostFile);
  const existing = await stat(target).catch(() => undefined);
  if (existing?.isDirectory()) throw new BackupError(target, 'the backup target is a directory; give a file path');
  const tempFile = path.join(path.dirname(target), `.${path.basename(target)}.${randomBytes(4).toString('hex')}.partial`);
  try {
    await (await open(tempFile, 'wx', 0o644)).close();
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code ?? 'error';
    throw new BackupError(target, `the backup target cannot be written: ${code} ${(error as Error).message}`, { cause: error });
  }
  return {
    tempFile,
    commit: () => rename(tempFile, target),
    discard: () => rm(tempFile, { force: true }),
  };
}
