import { InvalidArgumentError } from '../errors';
import { DEFAULT_STARTUP_TIMEOUT_MS } from './wait-strategy';
import type { WaitStrategy } from './wait-strategy';
import type { WaitTarget } from './wait-target';

/**
 * Base class of berth's strategies and a convenient base for custom ones: holds the startup
 * timeout (default 60 s) and whether it was set explicitly. Subclasses implement
 * {@link AbstractWaitStrategy.waitUntilReady} and {@link AbstractWaitStrategy.describe}.
 */
export abstract class AbstractWaitStrategy implements WaitStrategy {
  /** The startup timeout in milliseconds. */
  protected startupTimeoutMs = DEFAULT_STARTUP_TIMEOUT_MS;
  /** Whether {@link AbstractWaitStrategy.withStartupTimeout} was called. */
  protected startupTimeoutSet = false;

  /** Resolves when the container is ready; rejects promptly when `signal` aborts. */
  abstract waitUntilReady(target: WaitTarget, signal: AbortSignal): Promise<void>;

  /** A short description for errors and logs. */
  abstract describe(): string;

  /** Sets the startup timeout in milliseconds (a positive finite number). */
  withStartupTimeout(startupTimeoutMs: number): this {
    if (!Number.isFinite(startupTimeoutMs) || startupTimeoutMs <= 0) {
      throw new InvalidArgumentError('startup timeout', startupTimeoutMs, 'a positive number of milliseconds');
    }
    this.startupTimeoutMs = startupTimeoutMs;
    this.startupTimeoutSet = true;
    return this;
  }

  /** Whether a timeout was set explicitly on this strategy. */
  isStartupTimeoutSet(): boolean {
    return this.startupTimeoutSet;
  }

  /** The startup timeout in milliseconds (default 60000). */
  getStartupTimeout(): number {
    return this.startupTimeoutMs;
  }
}
