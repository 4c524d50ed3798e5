import { WaitStrategyError } from '../../../src/errors';
import { OneShotStartupCheckStrategy } from '../../../src/wait/one-shot-startup-check-strategy';
import { StartupCheckStrategy } from '../../../src/wait/startup-check-strategy';
import type { StartupStatus } from '../../../src/wait/startup-check-strategy';
import { Wait } from '../../../src/wait/wait';
import type { WaitTarget } from '../../../src/wait/wait-target';
import { FakeTarget } from './fake-target';

const signal = () => new AbortController().signal;

describe('OneShotStartupCheckStrategy', () => {
  it('resolves when the container exits 0 (die event)', async () => {
    const target = new FakeTarget();
    const wait = Wait.forOneShotStartup().waitUntilReady(target, signal());
    setTimeout(() => target.die(0), 10);
    await wait;
    expect(target.openStreams).toBe(0);
  });

  it('fails with the exit code on a non-zero exit', async () => {
    const target = new FakeTarget();
    const wait = Wait.forOneShotStartup().waitUntilReady(target, signal());
    setTimeout(() => target.die(4), 10);
    await expect(wait).rejects.toThrow(new WaitStrategyError('one-shot startup', 'the container exited with code 4'));
  });

  it('resolves when the container had already completed', async () => {
    const target = new FakeTarget();
    target.setState({ status: 'exited', running: false, exitCode: 0, startedAt: new Date() });
    await Wait.forOneShotStartup().waitUntilReady(target, signal());
    expect(new OneShotStartupCheckStrategy().expectsExit()).toBe(true);
  });

  it('keeps the poll-style check for parity', async () => {
    const target = new FakeTarget();
    const strategy = new OneShotStartupCheckStrategy();
    await expect(strategy.checkStartupState(target, signal())).resolves.toBe('PENDING');
    target.setState({ status: 'exited', running: false, exitCode: 1, startedAt: new Date(1000) });
    await expect(strategy.checkStartupState(target, signal())).resolves.toBe('FAIL');
    target.setState({ exitCode: 0 });
    await expect(strategy.checkStartupState(target, signal())).resolves.toBe('SUCCESS');
  });
});

describe('StartupCheckStrategy (custom)', () => {
  class ReadyOnThird extends StartupCheckStrategy {
    calls = 0;
    constructor(private readonly last: StartupStatus) {
      super();
    }
    async checkStartupState(_target: WaitTarget, _signal: AbortSignal): Promise<StartupStatus> {
      this.calls += 1;
      return Promise.resolve(this.calls < 2 ? 'PENDING' : this.last);
    }
  }

  it('polls until SUCCESS', async () => {
    const strategy = new ReadyOnThird('SUCCESS');
    await strategy.waitUntilReady(new FakeTarget(), signal());
    expect(strategy.calls).toBe(2);
    expect(strategy.describe()).toBe('startup check ReadyOnThird');
  });

  it('fails on FAIL', async () => {
    await expect(new ReadyOnThird('FAIL').waitUntilReady(new FakeTarget(), signal())).rejects.toBeInstanceOf(WaitStrategyError);
  });
});
