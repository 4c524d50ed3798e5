import { waitForExit } from '../../../src/wait/container-events';
import type { TargetState } from '../../../src/wait/wait-target';
import { FakeTarget } from './fake-target';

/** A target whose inspect blocks until released, as the engine's does while it cleans up after an exit. */
class BlockedInspectTarget extends FakeTarget {
  release: (() => void) | undefined;
  override async state(signal: AbortSignal): Promise<TargetState> {
    await new Promise<void>((resolve) => (this.release = resolve));
    return super.state(signal);
  }
}

describe('waitForExit', () => {
  it('decides on the die event while the inspect is still blocked', async () => {
    const target = new BlockedInspectTarget();
    const exit = waitForExit(target, new AbortController().signal);
    setTimeout(() => target.die(3), 5);
    await expect(exit).resolves.toEqual({ status: 'exited', exitCode: 3, oomKilled: false });
    expect(target.stateCalls).toBe(0); // the inspect never returned, and was not needed
    target.release?.();
    expect(target.openStreams).toBe(0);
  });

  it('decides on the inspect when the container had already exited', async () => {
    const target = new FakeTarget();
    target.setState({ status: 'exited', running: false, exitCode: 0 });
    await expect(waitForExit(target, new AbortController().signal)).resolves.toEqual({ status: 'exited', exitCode: 0, oomKilled: false });
    expect(target.openStreams).toBe(0);
  });

  it('waits for the events when the inspect shows a running container', async () => {
    const target = new FakeTarget();
    const exit = waitForExit(target, new AbortController().signal);
    setTimeout(() => target.die(0, true), 20);
    await expect(exit).resolves.toEqual({ status: 'exited', exitCode: 0, oomKilled: true });
    expect(target.stateCalls).toBe(1);
  });
});
