import { ContainerStartError, OperationAbortedError, WaitTimeoutError } from '../../../src/errors';
import { AbstractWaitStrategy } from '../../../src/wait/abstract-wait-strategy';
import { runWait } from '../../../src/wait/run-wait';
import { Wait } from '../../../src/wait/wait';
import type { WaitTarget } from '../../../src/wait/wait-target';
import { FakeTarget } from './fake-target';

/** A strategy that never finishes on its own and records whether it was told to stop. */
class Forever extends AbstractWaitStrategy {
  stopped = false;
  waitUntilReady(_target: WaitTarget, signal: AbortSignal): Promise<void> {
    return new Promise((_, reject) =>
      signal.addEventListener('abort', () => {
        this.stopped = true;
        reject(new Error('stopped'));
      }),
    );
  }
  describe(): string {
    return 'forever';
  }
}

const run = (strategy: Parameters<typeof runWait>[0], target: FakeTarget, timeout = 5_000, signal?: AbortSignal) =>
  runWait(strategy, target, { startupTimeoutMs: timeout, startedAt: Date.now(), signal });

describe('runWait', () => {
  it('resolves when the strategy is ready and leaves no stream open', async () => {
    const target = new FakeTarget();
    target.log('booting');
    target.log('Ready to accept connections');
    await run(Wait.forLogMessage('Ready'), target);
    await new Promise((r) => setImmediate(r));
    expect(target.openStreams).toBe(0);
  });

  it('times out with WaitTimeoutError naming the strategy, state and last log lines, and stops the strategy', async () => {
    const target = new FakeTarget();
    for (let i = 1; i <= 60; i++) target.log(`line ${i}`);
    const strategy = new Forever();
    const started = Date.now();
    const error = await run(strategy, target, 150).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(WaitTimeoutError);
    const timeout = error as WaitTimeoutError;
    expect(timeout.strategy).toBe('forever');
    expect(timeout.elapsedMs).toBeGreaterThanOrEqual(140);
    expect(timeout.details.state).toBe('running');
    expect(timeout.logLines).toHaveLength(50);
    expect(timeout.logLines[49]).toBe('line 60');
    expect(timeout.message).toMatch(/^Wait timed out: forever not satisfied after \d+ ms \(container fakecontain/);
    expect(Date.now() - started).toBeLessThan(1_500);
    expect(strategy.stopped).toBe(true);
    await new Promise((r) => setImmediate(r));
    expect(target.openStreams).toBe(0);
  });

  it("uses the strategy's own timeout over the one passed in", async () => {
    const target = new FakeTarget();
    const error = await run(new Forever().withStartupTimeout(50), target, 60_000).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(WaitTimeoutError);
    expect((error as WaitTimeoutError).elapsedMs).toBeLessThan(1_000);
  });

  it('counts the timeout from startedAt', async () => {
    const target = new FakeTarget();
    const started = Date.now();
    const error = await runWait(new Forever(), target, { startupTimeoutMs: 1_000, startedAt: Date.now() - 950 }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(WaitTimeoutError);
    expect(Date.now() - started).toBeLessThan(500);
  });

  it('fails fast with ContainerStartError, exit code and logs when the container dies', async () => {
    const target = new FakeTarget();
    target.log('fatal: no config');
    const strategy = new Forever();
    setTimeout(() => target.die(3), 30);
    const started = Date.now();
    const error = await run(strategy, target, 30_000).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ContainerStartError);
    const failure = error as ContainerStartError;
    expect(failure.exitCode).toBe(3);
    expect(failure.logLines).toEqual(['fatal: no config']);
    expect(failure.message).toContain('the container exited while waiting for forever');
    expect(failure.message).toContain('exit code 3');
    expect(Date.now() - started).toBeLessThan(2_000);
    expect(strategy.stopped).toBe(true);
  });

  it('lets the strategy settle on a line that arrives just after the die event', async () => {
    const target = new FakeTarget();
    const wait = run(Wait.forLogMessage('hello'), target);
    setTimeout(() => {
      target.setState({ status: 'exited', running: false, exitCode: 0 });
      target.emit('die', { exitCode: '0' });
      setTimeout(() => target.log('hello'), 50);
    }, 10);
    await wait;
  });

  it('reports an OOM kill', async () => {
    const target = new FakeTarget();
    setTimeout(() => target.die(137, true), 20);
    const error = (await run(new Forever(), target).catch((e: unknown) => e)) as ContainerStartError;
    expect(error).toBeInstanceOf(ContainerStartError);
    expect(error.details.oomKilled).toBe(true);
    expect(error.message).toContain('OOM-killed');
  });

  it('fails at once when the container had already exited (state reconciliation)', async () => {
    const target = new FakeTarget();
    target.setState({ status: 'exited', running: false, exitCode: 1 });
    target.logFeed.end();
    const error = (await run(new Forever(), target).catch((e: unknown) => e)) as ContainerStartError;
    expect(error).toBeInstanceOf(ContainerStartError);
    expect(error.exitCode).toBe(1);
  });

  it('still detects death by polling when the event stream is unavailable', async () => {
    const target = new FakeTarget();
    target.eventsError = new Error('events not supported');
    setTimeout(() => target.setState({ status: 'exited', running: false, exitCode: 2 }), 30);
    const error = (await run(new Forever(), target).catch((e: unknown) => e)) as ContainerStartError;
    expect(error).toBeInstanceOf(ContainerStartError);
    expect(error.exitCode).toBe(2);
  });

  it('is cancelled by its signal with OperationAbortedError', async () => {
    const target = new FakeTarget();
    const controller = new AbortController();
    const strategy = new Forever();
    setTimeout(() => controller.abort(new Error('test over')), 20);
    const error = await run(strategy, target, 30_000, controller.signal).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(OperationAbortedError);
    expect((error as OperationAbortedError).message).toContain('wait for container fakecontaine');
    expect(strategy.stopped).toBe(true);
    await new Promise((r) => setImmediate(r));
    expect(target.openStreams).toBe(0);
  });

  it('rejects at once when the signal was already aborted', async () => {
    const target = new FakeTarget();
    const controller = new AbortController();
    controller.abort();
    await expect(run(new Forever(), target, 30_000, controller.signal)).rejects.toBeInstanceOf(OperationAbortedError);
    expect(target.stateCalls).toBe(0);
  });

  it('wraps a strategy failure in ContainerStartError with the details', async () => {
    const target = new FakeTarget();
    target.setState({ health: 'unhealthy', lastHealthOutput: 'probe said no' });
    const error = (await run(Wait.forHealthCheck(), target).catch((e: unknown) => e)) as ContainerStartError;
    expect(error).toBeInstanceOf(ContainerStartError);
    expect(error.message).toContain('wait failed: health check: unhealthy: probe said no');
    expect(error.details.state).toBe('running');
  });

  it('does not treat the exit as death for a one-shot wait', async () => {
    const target = new FakeTarget();
    setTimeout(() => target.die(0), 20);
    await run(Wait.forOneShotStartup(), target);
  });
});
