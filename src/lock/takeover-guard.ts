import * as fs from 'node:fs';

const fsp = fs.promises;

type Done = (error?: NodeJS.ErrnoException | null) => void;

/** The file-system calls proper-lockfile makes through its `fs` option. */
export interface LockFs {
  mkdir: typeof fs.mkdir;
  stat: typeof fs.stat;
  utimes: typeof fs.utimes;
  realpath: typeof fs.realpath;
  rmdir: (dir: string, done: Done) => void;
  rmdirSync: typeof fs.rmdirSync;
}

function locked(dir: string): NodeJS.ErrnoException {
  return Object.assign(new Error(`Lock is being taken over: ${dir}`), { code: 'ELOCKED' });
}

/**
 * The `fs` that proper-lockfile uses while acquiring `lockDir`, with its removal of a stale lock
 * made safe. Upstream removes a stale lock with a plain `rmdir` after a `stat` taken a moment
 * earlier, so two contenders that found the same stale lock can both "win": the slower one removes
 * the lock the faster one has just created (moxystudio/node-proper-lockfile#121). Here contenders
 * take turns through a guard directory and look at the lock's age again while holding it; a
 * contender that finds the guard taken reports `ELOCKED` and waits like any other. A guard older
 * than `staleMs` (its owner died inside these few microseconds of work) is cleared.
 *
 * Only removals before the lock is ours go through the guard: once `isHeld()` is true, `rmdir` is
 * the owner's release.
 */
export function guardedLockFs(lockDir: string, staleMs: number, isHeld: () => boolean): LockFs {
  const guard = `${lockDir}.takeover`;
  const isStale = async (dir: string): Promise<boolean> => {
    const info = await fsp.stat(dir).catch(() => undefined);
    return info !== undefined && info.mtimeMs < Date.now() - staleMs;
  };
  const takeOver = async (dir: string): Promise<NodeJS.ErrnoException | null> => {
    try {
      await fsp.mkdir(guard);
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST') return error as NodeJS.ErrnoException;
      if (await isStale(guard)) await fsp.rm(guard, { recursive: true, force: true });
      return locked(dir);
    }
    try {
      if (!(await isStale(dir))) return locked(dir);
      await fsp.rmdir(dir);
      return null;
    } catch (error) {
      return (error as NodeJS.ErrnoException).code === 'ENOENT' ? null : (error as NodeJS.ErrnoException);
    } finally {
      await fsp.rm(guard, { recursive: true, force: true });
    }
  };
  return {
    mkdir: fs.mkdir,
    stat: fs.stat,
    utimes: fs.utimes,
    realpath: fs.realpath,
    rmdirSync: fs.rmdirSync,
    rmdir: (dir, done) => {
      if (isHeld()) return fs.rmdir(dir, done);
      takeOver(dir).then(done, done);
    },
  };
}
