import { findStaleSessions, judgeSession, type HostFacts } from '../../../src/reaper/stale';
import { resource } from './fake-store';

const facts: HostFacts = {
  hostId: 'me#pid:[1]',
  bootId: 'boot-now',
  isAlive: (pid) => pid === 100 || pid === 200,
  startTicks: (pid) => (pid === 100 ? '555' : pid === 200 ? '777' : undefined),
};
const owner = (pid: number, extra: Record<string, string> = {}): Record<string, string> => ({
  'dev.berth': 'true',
  'dev.berth.owner-pid': String(pid),
  'dev.berth.owner-host': 'me#pid:[1]',
  'dev.berth.owner-boot': 'boot-now',
  ...extra,
});
const DAY = 86_400_000;

describe('judgeSession', () => {
  it.each([
    ['a live owner', owner(100, { 'dev.berth.owner-start': '555' }), undefined],
    ['a gone owner', owner(300), 'owner process 300 is gone'],
    ['a reused pid', owner(200, { 'dev.berth.owner-start': '123' }), 'owner process 200 is gone (pid reused)'],
    ['a reboot', owner(100, { 'dev.berth.owner-boot': 'boot-before' }), 'the owner machine rebooted'],
    ['no owner labels', { 'dev.berth': 'true' }, undefined],
  ])('judges %s', (_, labels, verdict) => {
    expect(judgeSession([resource('container', 'c', labels)], facts, 10 * DAY, DAY)).toBe(verdict);
  });

  it('judges sessions of other machines by age only', () => {
    const elsewhere = owner(300, { 'dev.berth.owner-host': 'ci-runner-7' });
    expect(judgeSession([resource('container', 'c', elsewhere, 9.5 * DAY)], facts, 10 * DAY, DAY)).toBeUndefined();
    expect(judgeSession([resource('container', 'c', elsewhere, 8 * DAY)], facts, 10 * DAY, DAY)).toMatch(/ci-runner-7/);
  });
});

describe('findStaleSessions', () => {
  it('never returns a session the watchdog holds, nor resources without a session', () => {
    const rs = [
      resource('container', 'a', { ...owner(300), 'org.testcontainers.session-id': 's-dead' }),
      resource('network', 'b', { ...owner(301), 'org.testcontainers.session-id': 's-held' }),
      resource('volume', 'c', owner(302)),
    ];
    expect(findStaleSessions(rs, new Set(['s-held']), facts, DAY, DAY).map((s) => s.sessionId)).toEqual(['s-dead']);
  });
});

it('matches an owner label without a pid namespace on the host name', () => {
  const labels = owner(300, { 'dev.berth.owner-host': 'me' });
  expect(judgeSession([resource('container', 'c', labels)], facts, DAY, DAY)).toBe('owner process 300 is gone');
});
