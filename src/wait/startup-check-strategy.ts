import { WaitStrategyError } from '../errors';
import { AbstractWaitStrategy } from './abstract-wait-strategy';
import { sleep, throwIfAborted } from './abort';
import type { WaitTarget } from './wait-target';

/** What a {@link StartupCheckStrategy} poll found: keep waiting, ready, or failed for good. */
export type StartupStatus = 'PENDING' | 'SUCCESS' | 'FAIL';

/** How often {@link StartupCheckStrategy} polls (as in testcontainers-node). */
export const STARTUP_CHECK_INTERVAL_MS = 1_000;

/**
 * Base class for poll-style custom strategies: implement {@link StartupCheckStrategy.checkStartupState},
 * which is called every second until it returns `SUCCESS` (ready) or `FAIL` (the start fails).
 * Unlike testcontainers-node it receives the narrow {@link WaitTarget}, not a dockerode client.
 */
export abstract class StartupCheckStrategy extends AbstractWaitStrategy {
  /** Inspects the container once and says whether it is ready. */
  abstract checkStartupState(target: WaitTarget, signal: AbortSignal): Promise<StartupStatus>;

  /** Polls {@link StartupCheckStrategy.checkStartupState} until it decides. */
  async waitUntilReady(target: WaitTarget, signal: AbortSignal): Promise<void> {
    for (;;) {
      throwIfAborted(signal);
      const status = await this.checkStartupState(target, signal);
      if (status === 'SUCCESS') return;
      if (status === 'FAIL') throw new WaitStrategyError(this.describe(), 'the startup check reported FAIL');
      await sleep(STARTUP_CHECK_INTERVAL_MS, signal);
    }
  }

  /** The class name, e.g. `MyStartupCheck`. */
  describe(): string {
    return `startup check ${this.constructor.name}`;
  }
}
