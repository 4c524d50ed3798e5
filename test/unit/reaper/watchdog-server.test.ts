import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { watchdogAddress } from '../../../src/reaper/watchdog-address';
import { holdSession, request } from '../../../src/reaper/watchdog-client';
import { startWatchdog, type Watchdog } from '../../../src/reaper/watchdog-server';
import { FakeStore, resource } from './fake-store';

const S = 'org.testcontainers.session-id';
let base: string;
const running: Watchdog[] = [];

beforeEach(() => {
  base = mkdtempSync(path.join(tmpdir(), 'berth-wd-'));
});
afterEach(async () => {
  for (const w of running.splice(0)) {
    w.close();
    await w.closed;
  }
  rmSync(base, { recursive: true, force: true });
});

function start(store: FakeStore): Promise<Watchdog | undefined> {
  const address = watchdogAddress({ url: 'unix:///fake.sock' }, base);
  return startWatchdog({
    address,
    store,
    facts: { hostId: 'h', isAlive: () => true, startTicks: () => undefined },
    staleTtlMs: 1000,
    idleExitMs: 60_000,
    reap: { settleMs: 10 },
    log: () => undefined,
  }).then((w) => {
    if (w) running.push(w);
    return w;
  });
}

it('removes a session when its connection closes, and only that session', async () => {
  const store = new FakeStore([resource('container', 'a', { [S]: 'sa' }), resource('container', 'b', { [S]: 'sb' })]);
  await start(store);
  const address = watchdogAddress({ url: 'unix:///fake.sock' }, base);
  const hold = (s: string) => holdSession(address, s, { spawn: () => undefined, timeoutMs: 1000, onLost: () => undefined });
  const [a, b] = await Promise.all([hold('sa'), hold('sb')]);
  a.destroy();
  for (let i = 0; i < 100 && store.resources.some((r) => r.id === 'a'); i++) await new Promise((r) => setTimeout(r, 10));
  expect(store.resources.map((r) => r.id)).toEqual(['b']);
  const { socket, reply } = await request(address, { type: 'status' }, 1000);
  expect(reply).toMatchObject({ type: 'status', sessions: ['sb'] });
  socket.destroy();
  b.destroy();
});

it('lets only one watchdog serve an address, and replaces a dead one', async () => {
  const first = await start(new FakeStore());
  expect(first).toBeDefined();
  expect(await start(new FakeStore())).toBeUndefined();
  first!.close();
  await first!.closed;
  // A socket file left behind (e.g. by a SIGKILLed watchdog) does not block the next one.
  expect(await start(new FakeStore())).toBeDefined();
});

it('asks for a watchdog to be started when none answers, then gives up with the log path', async () => {
  const address = watchdogAddress({ url: 'unix:///nobody.sock' }, base);
  const spawn = jest.fn();
  await expect(holdSession(address, 's', { spawn, timeoutMs: 300, onLost: () => undefined })).rejects.toThrow(/no watchdog answered.*its log/);
  expect(spawn).toHaveBeenCalledTimes(1);
});

it('counts a session once per connection, however many hellos it sends', async () => {
  // addSession() re-sends a hello on the held connection: the second one must not keep the session
  // "live" forever after the connection closes.
  const store = new FakeStore([resource('container', 'a', { [S]: 'sa' })]);
  await start(store);
  const address = watchdogAddress({ url: 'unix:///fake.sock' }, base);
  const a = await holdSession(address, 'sa', { spawn: () => undefined, timeoutMs: 1000, onLost: () => undefined });
  a.write('{"type":"hello","session":"sa","pid":1}\n');
  const { socket, reply } = await request(address, { type: 'status' }, 1000);
  socket.destroy();
  expect(reply).toMatchObject({ sessions: ['sa'] });
  a.destroy();
  for (let i = 0; i < 100 && store.resources.length > 0; i++) await new Promise((r) => setTimeout(r, 10));
  expect(store.resources).toEqual([]);
});

it('finishes the cleanup of a connection that closes after close() before it resolves `closed`', async () => {
  const store = new FakeStore([resource('container', 'a', { [S]: 'sa' })]);
  const watchdog = (await start(store))!;
  const address = watchdogAddress({ url: 'unix:///fake.sock' }, base);
  const a = await holdSession(address, 'sa', { spawn: () => undefined, timeoutMs: 1000, onLost: () => undefined });
  watchdog.close(); // e.g. the idle timer fired as this client connected: the server waits for it
  a.destroy();
  await watchdog.closed; // the watchdog process exits right after this
  expect(store.resources).toEqual([]);
});
