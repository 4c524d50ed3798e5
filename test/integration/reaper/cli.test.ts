// `berth ps` lists berth's resources with their session's state; `berth prune` removes only ended
// sessions (`--dry-run` removes nothing), `--all-sessions` everything.
import { execFile } from 'node:child_process';
import path from 'node:path';
import { promisify } from 'node:util';
import Dockerode from 'dockerode';
import { ownerHostId, randomUuid } from '../../../src/labels';
import { ROOT } from './helpers';

const docker = new Dockerode();
const created: string[] = [];
afterAll(async () => {
  await Promise.all(created.map((id) => docker.getContainer(id).remove({ force: true }).catch(() => undefined)));
});

async function berth(...args: string[]): Promise<string> {
  // A 1 ms TTL makes the "other machine" session below count as ended for the CLI only; the
  // watchdog keeps its own TTL (24 h), so its sweep does not race this test.
  const { stdout } = await promisify(execFile)(process.execPath, [path.join(ROOT, 'bin/berth.js'), ...args], {
    cwd: ROOT,
    env: { ...process.env, BERTH_STALE_SESSION_TTL_MS: '1' },
  });
  return stdout;
}

async function container(session: string, owner: Record<string, string>): Promise<string> {
  const c = await docker.createContainer({
    Image: 'debian:bookworm',
    Cmd: ['true'],
    Labels: {
      'org.testcontainers': 'true',
      'dev.berth': 'true',
      'org.testcontainers.session-id': session,
      'dev.berth.created-by': '/app/test/cli.test.ts:7',
      ...owner,
    },
  });
  created.push(c.id);
  return c.id.slice(0, 12);
}

it('lists, dry-runs and prunes ended sessions only', async () => {
  const [ended, live] = [randomUuid(), randomUuid()];
  const endedId = await container(ended, { 'dev.berth.owner-pid': '4242', 'dev.berth.owner-host': 'gone-ci-runner' });
  const liveId = await container(live, { 'dev.berth.owner-pid': String(process.pid), 'dev.berth.owner-host': ownerHostId() });
  await new Promise((resolve) => setTimeout(resolve, 10));

  const ps = await berth('ps');
  expect(ps).toMatch(new RegExp(`container\\s+${endedId}\\s+\\S+\\s+${ended}\\s+ended \\(owned on gone-ci-runner.*/app/test/cli.test.ts:7`));
  expect(ps).toMatch(new RegExp(`container\\s+${liveId}\\s+\\S+\\s+${live}\\s+live`));

  const dry = await berth('prune', '--dry-run');
  expect(dry).toMatch(/^Would remove/);
  expect(dry).toContain(endedId);
  expect(dry).not.toContain(liveId);
  expect(await docker.listContainers({ all: true, filters: { id: [endedId] } })).toHaveLength(1);

  expect(await berth('prune')).toContain(endedId);
  expect(await docker.listContainers({ all: true, filters: { id: [endedId] } })).toHaveLength(0);
  expect(await docker.listContainers({ all: true, filters: { id: [liveId] } })).toHaveLength(1);
});
