import type { WaitTarget } from './wait-target';

/** The default startup timeout, in milliseconds (as in testcontainers-node). */
export const DEFAULT_STARTUP_TIMEOUT_MS = 60_000;

/**
 * Decides when a started container is ready. Implement it for a custom wait; the start pipeline
 * calls {@link WaitStrategy.waitUntilReady} once per (re)start, racing it against the container's
 * death and the startup timeout, and aborts `signal` when either wins.
 */
export interface WaitStrategy {
  /**
   * Resolves when the container is ready; rejects with the reason it cannot become ready.
   * Must stop work and reject promptly when `signal` aborts.
   */
  waitUntilReady(target: WaitTarget, signal: AbortSignal): Promise<void>;
  /** Sets the startup timeout in milliseconds. Returns the strategy. */
  withStartupTimeout(startupTimeoutMs: number): WaitStrategy;
  /** Whether a timeout was set explicitly on this strategy. */
  isStartupTimeoutSet(): boolean;
  /** The startup timeout in milliseconds (default 60000). */
  getStartupTimeout(): number;
  /** A short description for errors and logs, e.g. `log message "Ready"`. */
  describe(): string;
  /**
   * Optional: true when readiness means the container ran to completion (as with
   * `Wait.forOneShotStartup()`), so the runner does not fail the start when the container exits.
   */
  expectsExit?(): boolean;
}
