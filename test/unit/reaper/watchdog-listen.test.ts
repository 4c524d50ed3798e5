import { mkdirSync, mkdtempSync, rmSync, utimesSync, writeFileSync, existsSync } from 'node:fs';
import net from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { watchdogAddress } from '../../../src/reaper/watchdog-address';
import { listenExclusive } from '../../../src/reaper/watchdog-listen';
import { rotateLog } from '../../../src/reaper/spawn-watchdog';

let base: string;
beforeEach(() => {
  base = mkdtempSync(path.join(tmpdir(), 'berth-wl-'));
});
afterEach(() => rmSync(base, { recursive: true, force: true }));

it('replaces a dead socket file even when a dead watchdog left its lock behind', async () => {
  const address = watchdogAddress({ url: 'unix:///fake.sock' }, base);
  // A watchdog SIGKILLed while taking over leaves both its (dead) socket file and its lock folder.
  writeFileSync(address.socket, '');
  mkdirSync(address.lockDir);
  const old = new Date(Date.now() - 60_000);
  utimesSync(address.lockDir, old, old);
  const server = net.createServer();
  try {
    // Before the fix, the watchdog that broke the stale lock gave up ("taken") and nobody served the address.
    await expect(listenExclusive(address, server)).resolves.toMatchObject({ status: 'listening' });
    expect(existsSync(address.lockDir)).toBe(false);
  } finally {
    await new Promise((resolve) => server.close(resolve));
  }
});

it('does not break a fresh lock (another watchdog is taking over right now)', async () => {
  const address = watchdogAddress({ url: 'unix:///fake.sock' }, base);
  writeFileSync(address.socket, '');
  mkdirSync(address.lockDir);
  const server = net.createServer();
  await expect(listenExclusive(address, server)).resolves.toEqual({ status: 'taken' });
  expect(existsSync(address.lockDir)).toBe(true);
});

it("rotates the watchdog's log once it is over its size limit", () => {
  const log = path.join(base, 'watchdog.log');
  writeFileSync(log, 'x'.repeat(100));
  rotateLog(log, 200);
  expect(existsSync(log)).toBe(true);
  rotateLog(log, 50);
  expect([existsSync(log), existsSync(`${log}.old`)]).toEqual([false, true]);
  expect(() => rotateLog(path.join(base, 'missing.log'))).not.toThrow();
});
