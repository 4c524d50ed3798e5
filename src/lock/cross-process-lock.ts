import { createHash } from 'node:crypto';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { lock } from 'proper-lockfile';
import { createLogger } from '../logger';
import { guardedLockFs } from './takeover-guard';

const log = createLogger('berth');

/**
 * A lock whose directory has not been touched for this long is taken over: its owner died without
 * releasing it (SIGKILL, crash; a normal exit or SIGINT/SIGTERM releases it). A live owner touches
 * it every {@link REFRESH_MS}, so only an event loop blocked for about 4 s loses its lock. Staleness
 * is judged by the directory's mtime, not by an owner pid, so it also holds when pids are reused or
 * the owner runs in another pid namespace (a container sharing /tmp).
 */
export const STALE_MS = 5_000;
/** How often a live owner touches its lock (proper-lockfile's minimum). */
const REFRESH_MS = 1_000;
/** How often a waiting process tries again. */
const POLL_MS = 100;

/** Thrown when another process held the lock for longer than the caller's timeout. */
export class LockTimeoutError extends Error {
  override name = 'LockTimeoutError';
}

/** Options of {@link withCrossProcessLock}. */
export interface CrossProcessLockOptions {
  /** What the lock guards, for messages (e.g. `pull redis:7`). */
  subject?: string;
  /** How long to wait for another holder; unbounded when omitted. */
  timeoutMs?: number;
  /** Ends the wait at once, rejecting with the signal's reason. */
  signal?: AbortSignal;
  /** Tests only: a shorter stale period (proper-lockfile's minimum is 2000 ms). */
  staleMs?: number;
}

/** The lock directory for `key`: in the OS temp folder, one per key, shared by every process. */
export function lockPathFor(key: string): string {
  return path.join(tmpdir(), `berth-lock-${createHash('sha256').update(key).digest('hex').slice(0, 32)}`);
}

function sleep(ms: number, signal: AbortSignal | undefined): Promise<void> {
  return new Promise((resolve, reject) => {
    const onAbort = (): void => {
      clearTimeout(timer);
      reject(signal?.reason as Error); // as throwIfAborted() throws it: the caller's own reason
    };
    const timer = setTimeout(() => {
      signal?.removeEventListener('abort', onAbort);
      resolve();
    }, ms);
    signal?.addEventListener('abort', onAbort, { once: true });
  });
}

/**
 * Runs `work` while holding a lock shared by every process of this machine (proper-lockfile: an
 * atomically created directory whose mtime the owner keeps fresh), released when `work` settles.
 * `work` learns whether another process held the lock when this one first asked: then that process
 * has just done the same work, and the caller may use its result. Rejects with
 * {@link LockTimeoutError} after `timeoutMs`, and with the signal's reason when it aborts.
 */
export async function withCrossProcessLock<T>(
  key: string,
  options: CrossProcessLockOptions,
  work: (waitedForOther: boolean) => Promise<T>,
): Promise<T> {
  const { subject = key, timeoutMs, signal } = options;
  const stale = options.staleMs ?? STALE_MS;
  const dir = lockPathFor(key);
  const deadline = timeoutMs === undefined ? Infinity : Date.now() + timeoutMs;
  let held = false;
  const lockOptions = {
    lockfilePath: dir,
    realpath: false,
    stale,
    update: REFRESH_MS,
    fs: guardedLockFs(dir, stale, () => held),
    // The default throws from a timer, which would crash the process. Losing the lock only means
    // another process may now do the same work at the same time: say so and carry on.
    onCompromised: (error: Error) => log.warn(`Lost the cross-process lock for ${subject} (${error.message})`),
  };
  let waited = false;
  let release: () => Promise<void>;
  for (;;) {
    signal?.throwIfAborted();
    try {
      release = await lock(dir, lockOptions);
      held = true;
      break;
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'ELOCKED') throw error;
    }
    if (Date.now() >= deadline) {
      throw new LockTimeoutError(`another process has held the lock for ${subject} for longer than ${timeoutMs} ms`);
    }
    waited = true;
    await sleep(Math.min(POLL_MS, deadline - Date.now()), signal);
  }
  try {
    return await work(waited);
  } finally {
    // Fails only when the lock was lost meanwhile (already reported by onCompromised).
    await release().catch((error: Error) => log.debug(`Releasing the lock for ${subject}: ${error.message}`));
  }
}
