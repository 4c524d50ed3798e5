// Stale sessions from earlier runs are removed at startup (live ones never), and a process that exits
// without stopping its containers prints a leak report naming the line that created each one.
import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import Dockerode from 'dockerode';
import {
  LABEL_BERTH,
  LABEL_BERTH_OWNER_BOOT,
  LABEL_BERTH_OWNER_HOST,
  LABEL_BERTH_OWNER_PID,
  LABEL_BERTH_OWNER_START,
  LABEL_TESTCONTAINERS,
  LABEL_TESTCONTAINERS_SESSION_ID,
  bootId,
  ownerHostId,
  processStartTicks,
  randomUuid,
} from '../../../src/labels';
import { CHILD, sessionResources, startChild, waitUntilGone } from './helpers';

const docker = new Dockerode();
const created: string[] = [];

afterAll(async () => {
  await Promise.all(created.map((id) => docker.getContainer(id).remove({ force: true }).catch(() => undefined)));
});

/** A container as a previous run would have left it: labelled with a session and its owner. */
async function leftover(owner: Record<string, string>): Promise<{ session: string; id: string }> {
  const session = randomUuid();
  const c = await docker.createContainer({
    Image: 'debian:bookworm',
    Cmd: ['true'],
    Labels: { [LABEL_TESTCONTAINERS]: 'true', [LABEL_BERTH]: 'true', [LABEL_TESTCONTAINERS_SESSION_ID]: session, ...owner },
  });
  created.push(c.id);
  return { session, id: c.id };
}

it('removes sessions whose owner is gone at startup, and never a live one', async () => {
  const deadPid = spawnSync(process.execPath, ['-e', '']).pid ?? 999_999;
  const here = { [LABEL_BERTH_OWNER_HOST]: ownerHostId(), [LABEL_BERTH_OWNER_BOOT]: bootId() ?? '' };
  const dead = await leftover({ ...here, [LABEL_BERTH_OWNER_PID]: String(deadPid) });
  const rebooted = await leftover({ ...here, [LABEL_BERTH_OWNER_BOOT]: 'a-previous-boot', [LABEL_BERTH_OWNER_PID]: String(process.pid) });
  const live = await leftover({ ...here, [LABEL_BERTH_OWNER_PID]: String(process.pid), [LABEL_BERTH_OWNER_START]: processStartTicks('self') ?? '' });

  const child = startChild(['arm']);
  await child.report;
  await waitUntilGone(dead.session, 15_000);
  await waitUntilGone(rebooted.session, 15_000);
  expect((await sessionResources(live.session)).map((r) => r.id)).toEqual([live.id]);
});

it('prints a leak report naming the line that created each leaked container', async () => {
  const line = readFileSync(CHILD, 'utf8').split('\n').findIndex((l) => l.includes('new GenericContainer')) + 1;
  const child = startChild(['exit', '1', '0', '0']);
  const report = await child.report;
  expect(await child.exited).toBe(0);
  expect(child.stderr()).toContain('1 resource was still present when the process exited');
  expect(child.stderr()).toContain(`container ${report.ids.container[0]?.slice(0, 12)} created at ${CHILD}:${line}`);
  // A clean exit converges with a crash: the watchdog removes what the session still held.
  await waitUntilGone(report.session, 15_000);
});

it('stays silent with BERTH_LEAK_REPORT=false', async () => {
  const child = startChild(['exit', '1', '0', '0'], { BERTH_LEAK_REPORT: 'false' });
  const report = await child.report;
  expect(await child.exited).toBe(0);
  expect(child.stderr()).not.toContain('still present');
  await waitUntilGone(report.session, 15_000);
});

it('with TESTCONTAINERS_RYUK_DISABLED=true, arms nothing and says what it left behind', async () => {
  const child = startChild(['exit', '1', '0', '0'], { TESTCONTAINERS_RYUK_DISABLED: 'true' });
  const report = await child.report;
  expect(await child.exited).toBe(0);
  expect(child.stderr()).toContain('they are LEFT BEHIND: run `npx berth prune`');
  const left = await sessionResources(report.session);
  created.push(...left.map((r) => r.id));
  expect(left.map((r) => r.id)).toEqual(report.ids.container);
});
