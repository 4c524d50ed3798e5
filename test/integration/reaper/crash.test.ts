// Cleanup-on-crash: a test process killed with SIGKILL leaves nothing behind, and never takes
// another live process's resources with it.
import { sessionResources, startChild, waitUntilGone, type Child } from './helpers';

const children: Child[] = [];
afterAll(async () => {
  for (const c of children) if (c.process.exitCode === null) c.process.kill('SIGKILL');
  await Promise.all(children.map(async (c) => waitUntilGone((await c.report.catch(() => undefined))?.session ?? 'none', 20_000)));
});

function start(args: string[]): Child {
  const child = startChild(args);
  children.push(child);
  return child;
}

it('removes two containers, a network and a volume within 15 s of a SIGKILL', async () => {
  const child = start(['wait', '2', '1', '1']);
  const report = await child.report;
  const before = await sessionResources(report.session);
  expect(before.map((r) => r.kind).sort()).toEqual(['container', 'container', 'network', 'volume']);

  const killedAt = Date.now();
  child.process.kill('SIGKILL');
  const elapsed = await waitUntilGone(report.session, 15_000, killedAt);
  expect(elapsed).toBeLessThan(15_000);
});

it("leaves a live process's containers alone when another process is killed", async () => {
  const [a, b] = [start(['wait', '1', '0', '0']), start(['wait', '1', '0', '0'])];
  const [ra, rb] = await Promise.all([a.report, b.report]);
  expect(ra.session).not.toBe(rb.session);

  a.process.kill('SIGKILL');
  await waitUntilGone(ra.session, 15_000);
  // Give the watchdog time for its second pass too.
  await new Promise((resolve) => setTimeout(resolve, 2500));
  const left = await sessionResources(rb.session);
  expect(left.map((r) => [r.kind, r.id, r.state])).toEqual([['container', rb.ids.container[0], 'running']]);

  b.process.kill('SIGKILL');
  await waitUntilGone(rb.session, 15_000);
});
