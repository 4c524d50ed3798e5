import { existsSync, mkdirSync, rmSync, utimesSync } from 'node:fs';
import { LockTimeoutError, lockPathFor, withCrossProcessLock } from '../../../src/lock/cross-process-lock';

const unique = (what: string): string => `test ${what} ${process.pid} ${Date.now()} ${Math.random()}`;
const pause = (ms: number): Promise<void> => new Promise((r) => setTimeout(r, ms));

/** Holds the lock for `key` until the returned `release` is called; resolves once it is held. */
async function holdUntilReleased(key: string): Promise<{ release: () => void; done: Promise<void> }> {
  let release = (): void => undefined;
  let held = (): void => undefined;
  const isHeld = new Promise<void>((r) => (held = r));
  const done = withCrossProcessLock(key, {}, () => {
    held();
    return new Promise<void>((r) => (release = r));
  });
  await isHeld;
  return { release, done };
}

describe('withCrossProcessLock', () => {
  it('serialises holders of the same key, tells the later one it waited, and removes the lock afterwards', async () => {
    const key = unique('serialise');
    const events: string[] = [];
    const hold = (id: string): Promise<void> =>
      withCrossProcessLock(key, {}, async (waited) => {
        events.push(`${id} in${waited ? ' (waited)' : ''}`);
        await pause(50);
        events.push(`${id} out`);
      });
    await Promise.all([hold('a'), hold('b')]);
    const [first, second] = events[0]!.startsWith('a') ? ['a', 'b'] : ['b', 'a'];
    expect(events).toEqual([`${first} in`, `${first} out`, `${second} in (waited)`, `${second} out`]);
    expect(existsSync(lockPathFor(key))).toBe(false);
  });

  it('releases the lock when the work throws', async () => {
    const key = unique('throw');
    await expect(withCrossProcessLock(key, {}, () => Promise.reject(new Error('boom')))).rejects.toThrow('boom');
    expect(existsSync(lockPathFor(key))).toBe(false);
    await expect(withCrossProcessLock(key, {}, (waited) => Promise.resolve(waited))).resolves.toBe(false);
  });

  it('takes over a lock its owner stopped refreshing (the owner died) at once', async () => {
    const key = unique('stale');
    mkdirSync(lockPathFor(key));
    const old = new Date(Date.now() - 60_000);
    utimesSync(lockPathFor(key), old, old);
    await expect(withCrossProcessLock(key, {}, () => Promise.resolve('got it'))).resolves.toBe('got it');
    expect(existsSync(lockPathFor(key))).toBe(false);
  });

  it('rejects promptly with the signal reason when the wait is aborted', async () => {
    const key = unique('abort');
    const holder = await holdUntilReleased(key);
    try {
      const started = Date.now();
      const reason = new Error('stop waiting');
      const controller = new AbortController();
      setTimeout(() => controller.abort(reason), 150);
      await expect(withCrossProcessLock(key, { signal: controller.signal }, () => Promise.resolve())).rejects.toBe(reason);
      await expect(withCrossProcessLock(key, { signal: AbortSignal.timeout(100) }, () => Promise.resolve())).rejects.toMatchObject({
        name: 'TimeoutError',
      });
      expect(Date.now() - started).toBeLessThan(1_000);
      const aborted = AbortSignal.abort(reason);
      await expect(withCrossProcessLock(unique('free'), { signal: aborted }, () => Promise.resolve())).rejects.toBe(reason);
    } finally {
      holder.release();
      await holder.done;
    }
  });

  it('rejects with LockTimeoutError when another holder keeps the lock past the timeout', async () => {
    const key = unique('timeout');
    const holder = await holdUntilReleased(key);
    try {
      const started = Date.now();
      const wait = withCrossProcessLock(key, { subject: 'pull x:1', timeoutMs: 300 }, () => Promise.resolve());
      await expect(wait).rejects.toBeInstanceOf(LockTimeoutError);
      await expect(wait).rejects.toThrow('pull x:1');
      expect(Date.now() - started).toBeLessThan(1_000);
    } finally {
      holder.release();
      await holder.done;
    }
    expect(existsSync(lockPathFor(key))).toBe(false);
  });

  it('keeps working, without crashing the process, when its lock is lost (removed by someone else)', async () => {
    const key = unique('compromised');
    const result = withCrossProcessLock(key, {}, async () => {
      rmSync(lockPathFor(key), { recursive: true });
      await pause(1_500); // the 1 s refresh finds the lock gone: onCompromised must not throw
      return 'finished';
    });
    await expect(result).resolves.toBe('finished');
  });
});
