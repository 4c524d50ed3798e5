// forOneShotStartup(), forSuccessfulCommand(), forAll() with withDeadline, against the real engine.
import { ContainerStartError, GenericContainer, Wait, WaitTimeoutError } from 'berth';
import { containersWith, removeAll, testLabel } from './helpers';

const label = testLabel('misc');
afterAll(() => removeAll(label));

describe('Wait.forOneShotStartup()', () => {
  it('resolves once the container ran to completion with exit code 0', async () => {
    await using done = await new GenericContainer('debian:bookworm')
      .withCommand(['sh', '-c', 'sleep 0.3; echo done'])
      .withLabels(label)
      .withWaitStrategy(Wait.forOneShotStartup())
      .start();
    expect((await done.inspect()).state.exitCode).toBe(0);
  });

  it('fails with the exit code and logs on a non-zero exit', async () => {
    const error = await new GenericContainer('debian:bookworm')
      .withCommand(['sh', '-c', 'echo "migration failed"; exit 2'])
      .withLabels(label)
      .withWaitStrategy(Wait.forOneShotStartup())
      .start()
      .catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ContainerStartError);
    expect((error as ContainerStartError).exitCode).toBe(2);
    expect((error as ContainerStartError).logLines).toEqual(['migration failed']);
    expect(await containersWith(label)).toEqual([]);
  });
});

describe('Wait.forSuccessfulCommand()', () => {
  it('runs the shell command until it exits 0', async () => {
    const started = Date.now();
    await using _ready = await new GenericContainer('debian:bookworm')
      .withCommand(['sh', '-c', 'sleep 0.5; touch /tmp/ready; exec sleep infinity'])
      .withLabels(label)
      .withWaitStrategy(Wait.forSuccessfulCommand('test -f /tmp/ready'))
      .start();
    expect(Date.now() - started).toBeGreaterThanOrEqual(500);
  });
});

describe('Wait.forAll()', () => {
  it('waits for every strategy (log line and listening port) on Redis', async () => {
    await using redis = await new GenericContainer('redis:7')
      .withExposedPorts(6379)
      .withLabels(label)
      .withWaitStrategy(Wait.forAll([Wait.forLogMessage('Ready to accept connections'), Wait.forListeningPorts()]))
      .start();
    expect(redis.getMappedPort(6379)).toBeGreaterThan(0);
  });

  it('withDeadline fails the start with WaitTimeoutError before the startup timeout', async () => {
    const started = Date.now();
    const error = await new GenericContainer('debian:bookworm')
      .withCommand(['sleep', 'infinity'])
      .withLabels(label)
      .withWaitStrategy(Wait.forAll([Wait.forLogMessage('never')]).withDeadline(800))
      .start()
      .catch((e: unknown) => e);
    expect(error).toBeInstanceOf(WaitTimeoutError);
    expect((error as WaitTimeoutError).strategy).toBe('all of [log message "never"]');
    expect(Date.now() - started).toBeLessThan(10_000);
    expect(await containersWith(label)).toEqual([]);
  });
});

describe('start({ signal })', () => {
  it('cancelling during the wait rejects with OperationAbortedError and leaves nothing behind', async () => {
    const controller = new AbortController();
    setTimeout(() => controller.abort(new Error('test cancelled')), 700);
    const started = Date.now();
    const error = await new GenericContainer('debian:bookworm')
      .withCommand(['sleep', 'infinity'])
      .withLabels(label)
      .withWaitStrategy(Wait.forLogMessage('never'))
      .start({ signal: controller.signal })
      .catch((e: unknown) => e);
    expect((error as Error).name).toBe('OperationAbortedError');
    expect(Date.now() - started).toBeLessThan(5_000);
    expect(await containersWith(label)).toEqual([]);
  });
});
