// RYUK_CONTAINER_IMAGE: with a Ryuk image on the engine, berth starts Ryuk for the session, registers
// its filter (reading the ACK), and Ryuk removes everything after the test process is SIGKILLed.
// No Ryuk image can be pulled here, so the test builds a stand-in that speaks Ryuk's protocol
// (fixtures/fake-ryuk).
import { execFileSync } from 'node:child_process';
import path from 'node:path';
import Dockerode from 'dockerode';
import { watchdogAddress } from '../../../src/reaper/watchdog-address';
import { request } from '../../../src/reaper/watchdog-client';
import { sessionResources, startChild, waitUntilGone, type Child } from './helpers';

const IMAGE = 'berth-test/fake-ryuk:1';
const docker = new Dockerode();
let child: Child | undefined;

beforeAll(() => {
  execFileSync('docker', ['build', '-q', '-t', IMAGE, path.join(__dirname, 'fixtures', 'fake-ryuk')], { stdio: 'ignore' });
});
afterAll(async () => {
  if (child?.process.exitCode === null) child.process.kill('SIGKILL');
  const report = await child?.report.catch(() => undefined);
  if (report) await waitUntilGone(report.session, 20_000);
});

it('uses Ryuk instead of the watchdog and Ryuk cleans up after a SIGKILL', async () => {
  child = startChild(['wait', '1', '1', '0'], { RYUK_CONTAINER_IMAGE: IMAGE });
  const report = await child.report;
  const ryuk = await docker.listContainers({ filters: { name: [`testcontainers-ryuk-${report.session}`] } });
  expect(ryuk).toHaveLength(1);
  expect((await sessionResources(report.session)).map((r) => r.kind).sort()).toEqual(['container', 'container', 'network']);
  // ...and the session is not registered with berth's watchdog (if one runs at all):
  const status = await request(watchdogAddress({ url: 'unix:///var/run/docker.sock' }), { type: 'status' }, 2000).catch(() => undefined);
  status?.socket.destroy();
  expect(status?.reply.type === 'status' ? status.reply.sessions : []).not.toContain(report.session);

  child.process.kill('SIGKILL');
  // Ryuk's own container carries the session label too; it removes itself (AutoRemove) on exit.
  await waitUntilGone(report.session, 15_000);
});
