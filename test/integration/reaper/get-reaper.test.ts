// getReaper() (testcontainers' root export): its session id, and addSession() making the watchdog
// remove another session's resources when this process's session ends.
import Dockerode from 'dockerode';
import { getReaper, getSessionId, InvalidArgumentError } from 'berth';
import { randomUuid } from '../../../src/labels';
import { watchdogAddress } from '../../../src/reaper/watchdog-address';
import { request } from '../../../src/reaper/watchdog-client';
import { startChild, waitUntilGone, type Child } from './helpers';

const docker = new Dockerode();
let child: Child | undefined;
const adopted = `adopted${randomUuid()}`;

afterAll(async () => {
  if (child?.process.exitCode === null) child.process.kill('SIGKILL');
  await waitUntilGone(adopted, 20_000).catch(async () => {
    for (const n of await docker.listNetworks({ filters: { label: [`org.testcontainers.session-id=${adopted}`] } })) {
      await docker.getNetwork(n.Id).remove().catch(() => undefined);
    }
  });
});

it('resolves the session id and the watchdog shape; rejects a bad session id; ignores compose projects', async () => {
  const reaper = await getReaper();
  expect(reaper.sessionId).toBe(getSessionId());
  expect(reaper.containerId).toBe('');
  expect(() => reaper.addSession('not a session!')).toThrow(InvalidArgumentError);
  expect(() => reaper.addComposeProject('project')).not.toThrow();
  expect(await getReaper()).toMatchObject({ sessionId: getSessionId() });
});

it("addSession: the watchdog removes the added session's resources when the process is killed", async () => {
  // A network of another (ended) session, without owner labels: no stale sweep would ever take it.
  await docker.createNetwork({ Name: `berth-adopted-${adopted}`, Labels: { 'org.testcontainers.session-id': adopted } });
  child = startChild(['adopt', adopted]);
  const report = await child.report;
  const status = await request(watchdogAddress({ url: 'unix:///var/run/docker.sock' }), { type: 'status' }, 2000);
  status.socket.destroy();
  expect(status.reply).toMatchObject({ type: 'status', sessions: expect.arrayContaining([report.session, adopted]) as unknown });

  child.process.kill('SIGKILL');
  await waitUntilGone(adopted, 15_000);
});
