// withLink / withVolumesFrom name other containers: a link target that is not running, or a
// volumes-from source that does not exist, fails the start before anything is created.
import { randomBytes } from 'node:crypto';
import {
  GenericContainer,
  LABEL_TESTCONTAINERS_SESSION_ID,
  ResourceStateError,
  Wait,
  getSessionId,
  type StartedTestContainer,
} from 'berth';
import { containersWithLabel } from './helpers';

const DEBIAN = 'debian:bookworm';
const MARK = 'dev.berth.test.references';

/** Records every container the start pipeline creates for it (the `containerCreated` hook). */
class Probe extends GenericContainer {
  readonly createdIds: string[] = [];
  protected override containerCreated(containerId: string): Promise<void> {
    this.createdIds.push(containerId);
    return Promise.resolve();
  }
}

/**
 * Starts `builder` (marked with a fresh label) expecting a failure; resolves the error, how many
 * containers were ever created for it, and how many of the session's containers it left.
 */
async function failedStart(builder: Probe): Promise<{ error: unknown; created: number; sessionDelta: number }> {
  const mark = randomBytes(6).toString('hex');
  const session = getSessionId();
  const before = (await containersWithLabel(LABEL_TESTCONTAINERS_SESSION_ID, session)).length;
  const error = await builder.withLabels({ [MARK]: mark }).start().then(
    async (started) => {
      await started.stop();
      return new Error('the start should have failed');
    },
    (e: unknown) => e,
  );
  const after = (await containersWithLabel(LABEL_TESTCONTAINERS_SESSION_ID, session)).length;
  expect(await containersWithLabel(MARK, mark)).toEqual([]);
  return { error, created: builder.createdIds.length, sessionDelta: after - before };
}

describe('link and volumes-from references are checked before create', () => {
  let stopped: StartedTestContainer; // exited, kept (stop({ remove: false }))
  let removedName: string; // a container that existed and was removed

  beforeAll(async () => {
    stopped = await new GenericContainer(DEBIAN).withCommand(['true']).withWaitStrategy(Wait.forOneShotStartup()).start();
    await stopped.stop({ remove: false });
    const gone = await new GenericContainer(DEBIAN).withCommand(['true']).withWaitStrategy(Wait.forOneShotStartup()).start();
    removedName = gone.getName();
    await gone.stop();
  });
  afterAll(async () => {
    await stopped?.stop({ remove: true });
  });

  it('a stopped link target: ResourceStateError "is not running", no container created', async () => {
    const { error, created, sessionDelta } = await failedStart(new Probe(DEBIAN).withLink(stopped, 'db'));
    expect(error).toBeInstanceOf(ResourceStateError);
    expect((error as Error).message).toMatch(/^link target ".+" \(alias "db"\): is not running \(state exited, exit code 0\)/);
    expect(created).toBe(0);
    expect(sessionDelta).toBe(0);
  });

  it('a removed link target and an unknown name: "is not running: no such container"', async () => {
    for (const target of [removedName, `no-such-container-${randomBytes(4).toString('hex')}`]) {
      const { error, created, sessionDelta } = await failedStart(new Probe(DEBIAN).withLink(target, 'db'));
      expect(error).toBeInstanceOf(ResourceStateError);
      expect((error as Error).message).toContain(`link target "${target.replace(/^\//, '')}" (alias "db"): is not running: no such container`);
      expect(created).toBe(0);
      expect(sessionDelta).toBe(0);
    }
  });

  it('a volumes-from source that does not exist fails; a stopped one is fine', async () => {
    const { error, created, sessionDelta } = await failedStart(new Probe(DEBIAN).withVolumesFrom(removedName, 'ro'));
    expect(error).toBeInstanceOf(ResourceStateError);
    expect((error as Error).message).toContain(`volumes-from source "${removedName.replace(/^\//, '')}": does not exist`);
    expect(created).toBe(0);
    expect(sessionDelta).toBe(0);

    await using ok = await new GenericContainer(DEBIAN).withVolumesFrom(stopped).withCommand(['sleep', 'infinity']).start();
    expect((await ok.inspect()).state.running).toBe(true);
  });
});
