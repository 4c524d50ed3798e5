// The lock between real processes: mutual exclusion, and takeover of a lock whose owner was killed.
import { execFile } from 'node:child_process';
import { existsSync } from 'node:fs';
import path from 'node:path';
import { promisify } from 'node:util';
import { lockPathFor, withCrossProcessLock } from '../../../src/lock/cross-process-lock';

const run = promisify(execFile);
const ROOT = path.resolve(__dirname, '../../..');
const TSX = path.join(ROOT, 'node_modules/.bin/tsx');
const WORKER = path.join(__dirname, 'lock-worker.ts');

interface Hold {
  asked: number;
  in: number;
  out: number;
  waited: boolean;
}

describe('withCrossProcessLock across processes', () => {
  it('lets one process at a time hold the lock; those that found it held learn that they waited', async () => {
    const key = `test processes ${process.pid} ${Date.now()}`;
    const startAt = String(Date.now() + 5_000);
    const results = await Promise.all(
      [0, 1, 2].map(() => run(TSX, [WORKER, 'hold', key, startAt, '500'], { cwd: ROOT, timeout: 60_000 })),
    );
    const holds = results.map((r) => JSON.parse(r.stdout) as Hold).sort((a, b) => a.in - b.in);
    for (let i = 1; i < holds.length; i++) expect(holds[i]!.in).toBeGreaterThanOrEqual(holds[i - 1]!.out);
    expect(holds[0]!.waited).toBe(false);
    for (const hold of holds.slice(1)) expect(hold.waited).toBe(hold.asked < holds[0]!.out);
    expect(existsSync(lockPathFor(key))).toBe(false);
  });

  it('takes over the lock of a process killed while holding it, once the stale period has passed', async () => {
    const key = `test killed ${process.pid} ${Date.now()}`;
    const died = run(TSX, [WORKER, 'die', key], { cwd: ROOT, timeout: 60_000 });
    await expect(died).rejects.toMatchObject({ stdout: 'held\n' }); // tsx reports the SIGKILL as exit code 137
    expect(existsSync(lockPathFor(key))).toBe(true); // left behind: nothing ran at exit
    const started = Date.now();
    await expect(withCrossProcessLock(key, { staleMs: 2_000, timeoutMs: 10_000 }, () => Promise.resolve('got it'))).resolves.toBe('got it');
    expect(Date.now() - started).toBeLessThan(4_000);
    expect(existsSync(lockPathFor(key))).toBe(false);
  });
});
