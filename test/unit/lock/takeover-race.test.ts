// Several contenders that find the same dead owner's lock at the same moment: the slower one's
// removal of the stale lock must not remove the lock a faster one has just created (the race of
// moxystudio/node-proper-lockfile#121). Removals are slowed down at random so that the
// interleaving happens on every run; contenders in one process go through the same file-system
// steps as contenders in separate processes.
import { existsSync, mkdirSync, utimesSync } from 'node:fs';
import { lockPathFor, withCrossProcessLock } from '../../../src/lock/cross-process-lock';

jest.mock('node:fs', () => {
  const actual = jest.requireActual<typeof import('node:fs')>('node:fs');
  const later = (): Promise<void> => new Promise((r) => setTimeout(r, Math.random() * 30));
  return {
    ...actual,
    rmdir: (dir: string, done: (error: NodeJS.ErrnoException | null) => void) => void later().then(() => actual.rmdir(dir, done)),
    promises: { ...actual.promises, rmdir: async (dir: string) => later().then(() => actual.promises.rmdir(dir)) },
  };
});

describe('withCrossProcessLock takeover race', () => {
  it('lets only one of several contenders that found the same dead owner hold the lock at a time', async () => {
    for (let round = 0; round < 5; round++) {
      const key = `test race ${process.pid} ${Date.now()} ${round}`;
      const dir = lockPathFor(key);
      mkdirSync(dir);
      const old = new Date(Date.now() - 60_000);
      utimesSync(dir, old, old);
      let inside = 0;
      let most = 0;
      const hold = (): Promise<void> =>
        withCrossProcessLock(key, {}, async () => {
          most = Math.max(most, ++inside);
          await new Promise((r) => setTimeout(r, 20));
          inside--;
        });
      await Promise.all(Array.from({ length: 4 }, hold));
      expect(most).toBe(1);
      expect(existsSync(dir)).toBe(false);
      expect(existsSync(`${dir}.takeover`)).toBe(false);
    }
  });
});
