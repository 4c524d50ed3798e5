// Two contenders that find the same dead owner's lock at the same moment: the slower one's removal
// of the stale lock must not remove the lock the faster one has just taken. `rm` is slowed down
// at random so that interleaving happens on every run.
import { mkdirSync, writeFileSync, existsSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { withFileLock } from '../../../src/container/file-lock';

jest.mock('node:fs/promises', () => {
  const actual = jest.requireActual<typeof import('node:fs/promises')>('node:fs/promises');
  return {
    ...actual,
    rm: async (...args: Parameters<typeof actual.rm>) => {
      await new Promise((r) => setTimeout(r, Math.random() * 30));
      return actual.rm(...args);
    },
  };
});

describe('withFileLock takeover race', () => {
  it('lets only one of several contenders that found the same dead owner hold the lock at a time', async () => {
    for (let round = 0; round < 5; round++) {
      const name = `race-${process.pid}-${Date.now()}-${round}`;
      const dir = path.join(tmpdir(), `berth-${name}.lock`);
      mkdirSync(dir);
      writeFileSync(path.join(dir, 'pid'), '2147483646'); // no such process
      let inside = 0;
      let most = 0;
      const hold = () =>
        withFileLock(name, async () => {
          most = Math.max(most, ++inside);
          await new Promise((r) => setTimeout(r, 20));
          inside--;
        });
      await Promise.all(Array.from({ length: 4 }, hold));
      expect(most).toBe(1);
      expect(existsSync(dir)).toBe(false);
    }
  });
});
