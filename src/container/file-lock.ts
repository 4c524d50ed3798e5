import { mkdir, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

async function holderIsGone(dir: string): Promise<boolean> {
  const pid = Number(await readFile(path.join(dir, 'pid'), 'utf8').catch(() => ''));
  // A lock directory without a pid file is being set up right now: not stale.
  return Number.isInteger(pid) && pid > 0 && !isAlive(pid);
}

/**
 * Runs `fn` while holding a lock shared by every process of this machine (a directory in the OS
 * temp folder, created atomically, holding the owner's pid). A lock whose owner died is taken over.
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
      if (await holderIsGone(dir)) {
        await rm(dir, { recursive: true, force: true });
        continue;
      }
      await sleep(Math.min(50 * 2 ** Math.min(attempt, 4), 500) + Math.random() * 50);
    }
  }
  try {
    return await fn();
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}
