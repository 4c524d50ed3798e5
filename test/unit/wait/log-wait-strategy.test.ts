import { InvalidArgumentError, WaitStrategyError } from '../../../src/errors';
import { LogWaitStrategy } from '../../../src/wait/log-wait-strategy';
import { Wait } from '../../../src/wait/wait';
import { FakeTarget } from './fake-target';

const signal = () => new AbortController().signal;

describe('LogWaitStrategy', () => {
  it('matches a substring in lines logged before and after the wait began', async () => {
    const target = new FakeTarget();
    target.log('starting');
    const ready = Wait.forLogMessage('Ready to accept').waitUntilReady(target, signal());
    setTimeout(() => target.log('* Ready to accept connections tcp'), 10);
    await ready;
    expect(target.openStreams).toBe(0);
  });

  it('counts `times` matches and ignores non-matching lines', async () => {
    const target = new FakeTarget();
    let done = false;
    const wait = Wait.forLogMessage(/listening on port \d+/, 2)
      .waitUntilReady(target, signal())
      .then(() => (done = true));
    target.log('listening on port 1');
    target.log('other');
    await new Promise((r) => setTimeout(r, 10));
    expect(done).toBe(false);
    target.log('listening on port 2');
    await wait;
    expect(done).toBe(true);
  });

  it('resets lastIndex of global regexps between lines', async () => {
    const target = new FakeTarget();
    target.log('ready');
    target.log('ready');
    await Wait.forLogMessage(/ready/g, 2).waitUntilReady(target, signal());
  });

  it('rejects with WaitStrategyError when the log stream ends first', async () => {
    const target = new FakeTarget();
    target.log('Ready once');
    target.logFeed.end();
    const error = (await Wait.forLogMessage('Ready', 2)
      .waitUntilReady(target, signal())
      .catch((e: unknown) => e)) as WaitStrategyError;
    expect(error).toBeInstanceOf(WaitStrategyError);
    expect(error.message).toBe('Wait failed: log message "Ready" (2 times) (log stream ended and message was not received (1 of 2 times))');
  });

  it('stops reading when aborted', async () => {
    const target = new FakeTarget();
    const controller = new AbortController();
    const wait = Wait.forLogMessage('never').waitUntilReady(target, controller.signal);
    await new Promise((r) => setTimeout(r, 5));
    expect(target.openStreams).toBe(1);
    controller.abort(new Error('stop'));
    await expect(wait).rejects.toThrow('stop');
    expect(target.openStreams).toBe(0);
  });

  it('validates its arguments before anything runs', () => {
    expect(() => new LogWaitStrategy('')).toThrow(InvalidArgumentError);
    expect(() => Wait.forLogMessage('x', 0)).toThrow(InvalidArgumentError);
    expect(Wait.forLogMessage(/a.b/).describe()).toBe('log message /a.b/');
  });
});
