import { InvalidArgumentError, WaitTimeoutError } from '../../../src/errors';
import { Wait } from '../../../src/wait/wait';
import { FakeTarget } from './fake-target';

const signal = () => new AbortController().signal;

describe('CompositeWaitStrategy', () => {
  it('resolves when all children are ready', async () => {
    const target = new FakeTarget();
    target.setState({ health: 'starting' });
    const wait = Wait.forAll([Wait.forLogMessage('a'), Wait.forHealthCheck()]).waitUntilReady(target, signal());
    target.log('a');
    target.emit('health_status: healthy');
    await wait;
    expect(target.openStreams).toBe(0);
  });

  it('fails with the first failing child and stops the others', async () => {
    const target = new FakeTarget();
    target.setState({ health: 'unhealthy' });
    await expect(Wait.forAll([Wait.forLogMessage('never'), Wait.forHealthCheck()]).waitUntilReady(target, signal())).rejects.toThrow(
      'unhealthy',
    );
    await new Promise((r) => setImmediate(r));
    expect(target.openStreams).toBe(0);
  });

  it('withDeadline bounds the whole composite', async () => {
    const target = new FakeTarget();
    const error = await Wait.forAll([Wait.forLogMessage('never')])
      .withDeadline(50)
      .waitUntilReady(target, signal())
      .catch((e: unknown) => e);
    expect(error).toBeInstanceOf(WaitTimeoutError);
    expect((error as WaitTimeoutError).strategy).toBe('all of [log message "never"]');
  });

  it('enforces a child timeout shorter than its own', async () => {
    const target = new FakeTarget();
    const error = await Wait.forAll([Wait.forLogMessage('never').withStartupTimeout(50)])
      .waitUntilReady(target, signal())
      .catch((e: unknown) => e);
    expect((error as WaitTimeoutError).strategy).toBe('log message "never"');
  });

  it('passes its startup timeout to children without one', () => {
    const plain = Wait.forLogMessage('x');
    const own = Wait.forLogMessage('y').withStartupTimeout(5_000);
    const all = Wait.forAll([plain, own]).withStartupTimeout(20_000);
    expect([all.getStartupTimeout(), plain.getStartupTimeout(), own.getStartupTimeout()]).toEqual([20_000, 20_000, 5_000]);
    expect(plain.isStartupTimeoutSet()).toBe(true);
  });

  it('expects an exit when a child does', () => {
    expect(Wait.forAll([Wait.forOneShotStartup()]).expectsExit()).toBe(true);
    expect(Wait.forAll([Wait.forListeningPorts()]).expectsExit()).toBe(false);
    expect(() => Wait.forAll([])).toThrow(InvalidArgumentError);
  });
});
