import { createHash } from 'node:crypto';
import { mkdirSync, promises as fs } from 'node:fs';
import { hostname, tmpdir } from 'node:os';
import path from 'node:path';

const POLL_MS = 200;

interface LockOwner {
  pid: number;
  host: string;
  subject: string;
  since: number;
}

/** Where the pull locks live: one file per engine + image, in the OS temp folder. */
export function lockDir(): string {
  return path.join(tmpdir(), 'berth-pull-locks');
}

function lockPath(key: string): string {
  return path.join(lockDir(), `${createHash('sha256').update(key).digest('hex').slice(0, 32)}.lock`);
}

function alive(owner: LockOwner): boolean {
  if (owner.host !== hostname()) return Date.now() - owner.since < 10 * 60_000;
  try {
    process.kill(owner.pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

async function readOwner(file: string): Promise<LockOwner | undefined> {
  try {
    return JSON.parse(await fs.readFile(file, 'utf8')) as LockOwner;
  } catch {
    return undefined;
  }
}

/** Thrown when another process held the lock longer than the caller's timeout. */
export class LockTimeoutError extends Error {}

/**
 * Runs `work` while holding a lock file shared by every process on this machine, so that pulls of
 * the same image by several processes (Jest workers) happen once. `work` learns whether it had to
 * wait for another process: then that process has just pulled, and the caller can skip its pull.
 * A lock whose owner died is taken over.
 */
export async function withCrossProcessLock<T>(
  key: string,
  subject: string,
  timeoutMs: number,
  signal: AbortSignal | undefined,
  work: (waitedForOther: boolean) => Promise<T>,
): Promise<T> {
  const file = lockPath(key);
  mkdirSync(path.dirname(file), { recursive: true });
  const me: LockOwner = { pid: process.pid, host: hostname(), subject, since: Date.now() };
  const deadline = Date.now() + timeoutMs;
  let waited = false;
  for (;;) {
    signal?.throwIfAborted();
    try {
      const handle = await fs.open(file, 'wx');
      await handle.writeFile(JSON.stringify(me));
      await handle.close();
      break;
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
    }
    const owner = await readOwner(file);
    const stale = owner ? !alive(owner) : await olderThan(file, 5_000);
    if (stale) {
      await fs.rm(file, { force: true });
      continue;
    }
    if (Date.now() >= deadline) {
      throw new LockTimeoutError(`process ${owner?.pid ?? '?'} has been pulling ${subject} for longer than ${timeoutMs} ms`);
    }
    waited = true;
    await new Promise((r) => setTimeout(r, POLL_MS));
  }
  try {
    return await work(waited);
  } finally {
    const owner = await readOwner(file);
    if (owner?.pid === me.pid && owner.since === me.since) await fs.rm(file, { force: true });
  }
}

async function olderThan(file: string, ms: number): Promise<boolean> {
  try {
    return Date.now() - (await fs.stat(file)).mtimeMs > ms;
  } catch {
    return false;
  }
}
