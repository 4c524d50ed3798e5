// One watchdog per engine, started without races; if it dies, each test process reconnects (starting
// a new one), so a later crash is still cleaned up. The children reach the engine through their own
// engine URL (a symlink to the socket) so that these tests start and kill watchdogs of their own,
// never the one other test processes share.
import { readFileSync, symlinkSync, unlinkSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { randomUuid } from '../../../src/labels';
import { watchdogAddress } from '../../../src/reaper/watchdog-address';
import { request } from '../../../src/reaper/watchdog-client';
import { startChild, waitUntilGone, type Child } from './helpers';

const DOCKER_HOST = 'unix:////var/run/docker.sock';
const address = watchdogAddress({ url: DOCKER_HOST });
let child: Child | undefined;

const racers: Child[] = [];
const link = path.join(tmpdir(), `berth-race-${randomUuid()}.sock`);

afterAll(async () => {
  for (const c of [child, ...racers]) if (c?.process.exitCode === null) c.process.kill('SIGKILL');
  const report = await child?.report.catch(() => undefined);
  if (report) await waitUntilGone(report.session, 20_000);
  try {
    unlinkSync(link);
  } catch {
    // never created
  }
});

async function status(at = address): Promise<{ pid: number; sessions: string[] } | undefined> {
  const res = await request(at, { type: 'status' }, 2000).catch(() => undefined);
  res?.socket.destroy();
  return res?.reply.type === 'status' ? res.reply : undefined;
}

async function waitFor<T>(what: string, probe: () => Promise<T | undefined>, limitMs = 15_000): Promise<T> {
  const until = Date.now() + limitMs;
  for (;;) {
    const value = await probe();
    if (value !== undefined) return value;
    if (Date.now() > until) throw new Error(`timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
}

it('re-registers with a new watchdog when the first one is killed', async () => {
  child = startChild(['wait', '1', '0', '0'], { DOCKER_HOST });
  const report = await child.report;
  const first = await waitFor('the first watchdog', async () => {
    const s = await status();
    return s?.sessions.includes(report.session) ? s : undefined;
  });
  process.kill(first.pid, 'SIGKILL');

  const second = await waitFor('a new watchdog holding the session', async () => {
    const s = await status();
    return s && s.pid !== first.pid && s.sessions.includes(report.session) ? s : undefined;
  });
  expect(second.pid).not.toBe(first.pid);

  child.process.kill('SIGKILL');
  await waitUntilGone(report.session, 15_000);
});

it('starts exactly one watchdog when several processes need one at the same moment', async () => {
  symlinkSync('/var/run/docker.sock', link);
  const url = `unix://${link}`;
  const fresh = watchdogAddress({ url });
  racers.push(...[1, 2, 3, 4].map(() => startChild(['armwait'], { DOCKER_HOST: url })));
  const sessions = (await Promise.all(racers.map((c) => c.report))).map((r) => r.session);
  const s = await waitFor('the watchdog', () => status(fresh));
  expect(s.sessions.sort()).toEqual([...sessions].sort());
  const log = readFileSync(fresh.logFile, 'utf8');
  expect(log.match(/listening on/g)).toHaveLength(1);
  for (const c of racers) c.process.kill('SIGKILL');
});
