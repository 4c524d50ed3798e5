import { mkdir, readFile, rm, stat, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';

/**
 * A lock directory without a pid file this old was left by an owner that died between creating
 * it and writing its pid; a takeover guard this old by one that died while taking over. Both
 * steps take microseconds, so a live owner is never this slow.
 */
const ABANDONED_AFTER_MS = 10_000;

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

async function olderThan(entry: string, ms: number): Promise<boolean> {
  const info = await stat(entry).catch(() => undefined);
  return info !== undefined && Date.now() - info.mtimeMs > ms;
}

async function holderIsGone(dir: string): Promise<boolean> {
  const pid = Number(await readFile(path.join(dir, 'pid'), 'utf8').catch(() => ''));
  if (Number.isInteger(pid) && pid > 0) return !isAlive(pid);
  // No pid file: being set up right now (not stale), unless that was long ago.
  return olderThan(dir, ABANDONED_AFTER_MS);
}

/**
 * Removes the lock `dir` if its owner is gone. Contenders that found the same dead owner take
 * turns through a guard directory and look again once they hold it: otherwise a slow one would
 * remove the lock a fast one had just taken after removing the stale one. Resolves false when
 * another contender holds the guard (the caller waits and tries again).
 */
async function takeOver(dir: string): Promise<boolean> {
  const guard = `${dir}.takeover`;
  try {
    await mkdir(guard);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
    // Someone else is taking over; a guard left by a contender that died is cleared.
    if (await olderThan(guard, ABANDONED_AFTER_MS)) await rm(guard, { recursive: true, force: true });
    return false;
  }
  try {
    if (await holderIsGone(dir)) await rm(dir, { recursive: true, force: true });
  } finally {
    await rm(guard, { recursive: true, force: true });
  }
  return true;
}

/**
 * Runs `fn` while holding a lock shared by every process of this machine (a directory in the OS
 * temp folder, created atomically, holding the owner's pid). A lock whose owner died is taken over
 * by one contender at a time (see {@link takeOver}).
 */
export async function withFileLock<T>(name: string, fn: () => Promise<T>, signal?: AbortSignal): Promise<T> {
  const dir = path.join(tmpdir(), `berth-${name}.lock`);
  for (let attempt = 0; ; attempt++) {
    signal?.throwIfAborted();
    try {
      await mkdir(dir);
      await writeFile(path.join(dir, 'pid'), String(process.pid));
      break;
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
      if ((await holderIsGone(dir)) && (await takeOver(dir))) continue;
      await sleep(Math.min(50 * 2 ** Math.min(attempt, 4), 500) + Math.random() * 50);
    }
  }
  try {
    return await fn();
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}
