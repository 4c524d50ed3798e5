import { createServer } from 'node:net';
import {
  AbstractStartedContainer,
  GenericContainer,
  LABEL_TESTCONTAINERS_SESSION_ID,
  type InspectResult,
  type StartedGenericContainer,
  type StartedTestContainer,
} from 'berth';
import { engineInspect } from './helpers';

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      server.close(() => (typeof address === 'object' && address ? resolve(address.port) : reject(new Error('no port'))));
    });
  });
}

class HookedContainer extends GenericContainer {
  readonly calls: string[] = [];
  protected override async beforeContainerCreated(): Promise<void> {
    this.calls.push('beforeContainerCreated');
    await Promise.resolve();
  }
  protected override async containerCreated(id: string): Promise<void> {
    this.calls.push(`containerCreated:${id.length}`);
    await Promise.resolve();
  }
  protected override async containerStarting(inspect: InspectResult, reused: boolean): Promise<void> {
    this.calls.push(`containerStarting:${inspect.state.status}:${reused}`);
    await Promise.resolve();
  }
  protected override async containerStarted(container: StartedGenericContainer, inspect: InspectResult, reused: boolean): Promise<void> {
    this.calls.push(`containerStarted:${container.getId() === inspect.id}:${reused}`);
    await Promise.resolve();
  }
}

class StartedModule extends AbstractStartedContainer {
  readonly calls: string[] = [];
  protected override async containerStopping(): Promise<void> {
    this.calls.push(`stopping:${(await this.startedTestContainer.inspect()).state.status}`);
  }
  protected override async containerStopped(): Promise<void> {
    this.calls.push(`stopped:${(await engineInspect(this.getId())) === undefined}`);
    await Promise.resolve();
  }
  greet(): Promise<string> {
    return this.exec(['echo', 'hi']).then((r) => r.stdout.trim());
  }
}

class ModuleContainer extends GenericContainer {
  constructor() {
    super('debian:bookworm');
    this.withCommand(['sleep', 'infinity']);
  }
  override async start(): Promise<StartedModule> {
    return new StartedModule(await super.start());
  }
}

describe('builder semantics and lifecycle hooks', () => {
  it('modules: AbstractStartedContainer delegates and runs containerStopping/containerStopped around stop()', async () => {
    const started = await new ModuleContainer().start();
    expect(await started.greet()).toBe('hi');
    expect(started.getMappedPort).toBeDefined();
    await started.stop();
    expect(started.calls).toEqual(['stopping:running', 'stopped:true']);
  });

  it('calls the lifecycle hooks in order', async () => {
    const builder = new HookedContainer('debian:bookworm').withCommand(['sleep', 'infinity']);
    await using _container = await builder.start();
    expect(builder.calls).toEqual(['beforeContainerCreated', 'containerCreated:64', 'containerStarting:running:false', 'containerStarted:true:false']);
  });

  it('merges environment and labels; autoCleanup(false) drops the session label; a fixed host port is used', async () => {
    const hostPort = await freePort();
    await using container = await new GenericContainer('redis:7')
      .withEnvironment({ A: '1' })
      .withEnvironment({ B: '2' })
      .withLabels({ one: '1' })
      .withLabels({ two: '2' })
      .withAutoCleanup(false)
      .withExposedPorts({ container: 6379, host: hostPort })
      .start();
    const env = (await container.inspect()).env;
    expect(env).toEqual(expect.arrayContaining(['A=1', 'B=2']));
    expect(container.getLabels()).toMatchObject({ one: '1', two: '2' });
    expect(container.getLabels()[LABEL_TESTCONTAINERS_SESSION_ID]).toBeUndefined();
    expect(container.getMappedPort(6379)).toBe(hostPort);
  });

  it('withAutoRemove(false) makes stop() keep the container', async () => {
    const container: StartedTestContainer = await new GenericContainer('debian:bookworm')
      .withCommand(['sleep', 'infinity'])
      .withAutoRemove(false)
      .start();
    await container.stop();
    expect((await engineInspect(container.getId()))?.State.Status).toBe('exited');
    await container.stop({ remove: true });
    expect(await engineInspect(container.getId())).toBeUndefined();
  });

  it('withHealthCheck: the default wait becomes the health check; inspect shows healthy', async () => {
    await using container = await new GenericContainer('debian:bookworm')
      .withCommand(['sleep', 'infinity'])
      .withHealthCheck({ test: ['CMD-SHELL', 'test -e /etc/hostname'], interval: 200, timeout: 1000, retries: 3, startPeriod: 0 })
      .start();
    const view = await container.inspect();
    expect(view.healthCheckStatus).toBe('healthy');
    expect(view.state.health).toBe('healthy');
  });
});
