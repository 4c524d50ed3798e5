import { GenericContainer, listContainers, type ContainerSummary, type InspectResult, type StartedTestContainer } from 'berth';
import { customWait, engineInspect, eventually, readAll } from './helpers';

const DEBIAN = 'debian:bookworm';

class ObservedContainer extends GenericContainer {
  readonly seen: (ContainerSummary | undefined)[] = [];
  protected override async containerCreated(id: string): Promise<void> {
    this.seen.push((await listContainers({ all: true })).find((c) => c.id === id));
  }
}

describe('inspect and states: created, running, paused, restarting, exited', () => {
  it('drives a container through every state and sees each one', async () => {
    const builder = new ObservedContainer(DEBIAN).withCommand(['sleep', 'infinity']).withLabels({ 'test.berth': 'states' });
    const container = await builder.start();
    try {
      expect(builder.seen[0]?.state).toBe('created');

      const running = await container.inspect();
      expect(running.state).toMatchObject({ status: 'running', running: true, health: 'none' });
      expect(running.state.startedAt).toBeInstanceOf(Date);
      expect(running.state.finishedAt).toBeUndefined();
      expect(running).toMatchObject({
        name: container.getName(),
        hostname: container.getHostname(),
        image: DEBIAN,
        command: ['sleep', 'infinity'],
        labels: expect.objectContaining({ 'test.berth': 'states' }) as unknown,
      });
      expect(running.env).toEqual(expect.arrayContaining([expect.stringMatching(/^PATH=/)]));
      expect(Object.keys(running.networkSettings)).toEqual(['bridge']);
      expect(running.raw['Id']).toBe(container.getId());

      await container.pause();
      expect((await container.inspect()).state).toMatchObject({ status: 'paused', paused: true });
      await container.unpause();
      expect((await container.inspect()).state.status).toBe('running');

      const stopped = await container.stop({ remove: false });
      const exited = await container.inspect();
      expect(exited.state).toMatchObject({ status: 'exited', running: false, exitCode: 137 });
      expect(exited.state.finishedAt).toBeInstanceOf(Date);
      expect(stopped.getId()).toBe(container.getId());
    } finally {
      await container.stop({ remove: true });
      expect(await engineInspect(container.getId())).toBeUndefined();
    }
  });

  it('sees restarting while the restart policy brings a crashing container back', async () => {
    // The container exits at once; a ready-at-once wait lets the start succeed before that.
    await using crashing = await new GenericContainer(DEBIAN)
      .withCommand(['sh', '-c', 'sleep 0.2; exit 3'])
      .withRestartPolicy('always')
      .withWaitStrategy(customWait(() => Promise.resolve()))
      .start();
    let restarting: InspectResult | undefined;
    await eventually(async () => {
      const view = await crashing.inspect();
      if (view.state.status === 'restarting') restarting = view;
      return restarting !== undefined;
    });
    expect(restarting?.state).toMatchObject({ status: 'restarting', restarting: true, exitCode: 3 });
  });
});

describe('stop, rm, ps', () => {
  let kept: StartedTestContainer;
  let running: StartedTestContainer;
  beforeAll(async () => {
    [kept, running] = await Promise.all([
      new GenericContainer(DEBIAN).withCommand(['sh', '-c', 'echo kept > /kept.txt; sleep infinity']).start(),
      new GenericContainer(DEBIAN).withCommand(['sleep', 'infinity']).start(),
    ]);
  });
  afterAll(async () => {
    await kept.stop({ remove: true });
    await running.stop();
  });

  it('stop({ remove: false }) keeps the container: ps -a shows it exited, and it can still be copied from', async () => {
    const stopped = await kept.stop({ remove: false, timeout: 0 });
    expect(await kept.stop()).toBe(stopped); // idempotent: the first result
    const all = await listContainers({ all: true });
    const row = all.find((c) => c.id === kept.getId());
    expect(row).toMatchObject({ state: 'exited', image: DEBIAN, name: kept.getName().slice(1) });
    expect(row?.status).toMatch(/^Exited/);
    expect(row?.labels['org.testcontainers']).toBe('true');
    const tar = await readAll(await stopped.copyArchiveFromContainer('/kept.txt'));
    expect(tar).toContain('kept\n');
  });

  it('ps shows only running containers; ps -a also the stopped ones; both only berth-started ones', async () => {
    const runningIds = (await listContainers()).map((c) => c.id);
    expect(runningIds).toContain(running.getId());
    expect(runningIds).not.toContain(kept.getId());
    const row = (await listContainers()).find((c) => c.id === running.getId());
    expect(row).toMatchObject({ state: 'running', image: DEBIAN, ports: [] });
    expect(row?.status).toMatch(/^Up/);
  });

  it('a removed container disappears from ps -a', async () => {
    const container = await new GenericContainer(DEBIAN).withCommand(['sleep', 'infinity']).start();
    expect((await listContainers({ all: true })).map((c) => c.id)).toContain(container.getId());
    await container.stop();
    expect((await listContainers({ all: true })).map((c) => c.id)).not.toContain(container.getId());
    expect(await engineInspect(container.getId())).toBeUndefined();
  });
});
