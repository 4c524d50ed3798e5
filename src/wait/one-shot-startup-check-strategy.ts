import { WaitStrategyError } from '../errors';
import { hasExited, waitForExit } from './container-events';
import { StartupCheckStrategy } from './startup-check-strategy';
import type { StartupStatus } from './startup-check-strategy';
import type { TargetState, WaitTarget } from './wait-target';

function hasRunToCompletion(state: TargetState): boolean {
  return hasExited(state) && state.startedAt !== undefined && state.startedAt.getTime() > 0;
}

/**
 * Waits for the container to run to completion: ready when it exits with code 0, failed for any
 * other exit code. Event-driven (the `die` event reconciled with one inspect), not polled.
 */
export class OneShotStartupCheckStrategy extends StartupCheckStrategy {
  /** Poll-style check, kept for parity: `SUCCESS` after exit 0, `FAIL` after another exit. */
  async checkStartupState(target: WaitTarget, signal: AbortSignal): Promise<StartupStatus> {
    const state = await target.state(signal);
    if (!hasRunToCompletion(state)) return 'PENDING';
    return state.exitCode === 0 ? 'SUCCESS' : 'FAIL';
  }

  /** Resolves when the container exits with code 0; rejects on another exit code. */
  override async waitUntilReady(target: WaitTarget, signal: AbortSignal): Promise<void> {
    const exit = await waitForExit(target, signal);
    if (exit.exitCode === 0) return;
    throw new WaitStrategyError(
      this.describe(),
      `the container exited with code ${exit.exitCode ?? 'unknown'}${exit.oomKilled ? ' (OOM-killed)' : ''}`,
    );
  }

  /** `one-shot startup`. */
  override describe(): string {
    return 'one-shot startup';
  }

  /** The container is expected to exit: its exit is the outcome, not a failure. */
  expectsExit(): boolean {
    return true;
  }
}
