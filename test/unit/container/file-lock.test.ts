import { mkdirSync, writeFileSync, existsSync, utimesSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { withFileLock } from '../../../src/container/file-lock';

describe('withFileLock (the cross-process reuse lock)', () => {
  it('serialises holders of the same lock and releases it afterwards', async () => {
    const name = `test-${process.pid}-${Date.now()}`;
    const events: string[] = [];
    const hold = (id: string) =>
      withFileLock(name, async () => {
        events.push(`${id} in`);
        await new Promise((r) => setTimeout(r, 30));
        events.push(`${id} out`);
      });
    await Promise.all([hold('a'), hold('b')]);
    // Either may win the race for the lock (the two mkdirs run on the thread pool), but never both at once.
    const [first, second] = events[0] === 'a in' ? ['a', 'b'] : ['b', 'a'];
    expect(events).toEqual([`${first} in`, `${first} out`, `${second} in`, `${second} out`]);
    expect(existsSync(path.join(tmpdir(), `berth-${name}.lock`))).toBe(false);
  });

  it('takes over a lock whose owner process is gone', async () => {
    const name = `stale-${process.pid}-${Date.now()}`;
    const dir = path.join(tmpdir(), `berth-${name}.lock`);
    mkdirSync(dir);
    writeFileSync(path.join(dir, 'pid'), '2147483646'); // no such process
    await expect(withFileLock(name, () => Promise.resolve('got it'))).resolves.toBe('got it');
  });

  it('releases the lock when the holder throws', async () => {
    const name = `throw-${process.pid}-${Date.now()}`;
    await expect(withFileLock(name, () => Promise.reject(new Error('boom')))).rejects.toThrow('boom');
    await expect(withFileLock(name, () => Promise.resolve(1))).resolves.toBe(1);
  });
});

describe('withFileLock takeover of a dead owner', () => {
  it('takes over a lock left without a pid file by an owner that died while taking it', async () => {
    const name = `nopid-${process.pid}-${Date.now()}`;
    const dir = path.join(tmpdir(), `berth-${name}.lock`);
    mkdirSync(dir);
    const old = new Date(Date.now() - 60_000);
    utimesSync(dir, old, old);
    await expect(withFileLock(name, () => Promise.resolve('got it'))).resolves.toBe('got it');
  });
});
