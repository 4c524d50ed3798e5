import type { WaitStrategy } from './wait-strategy';
import type { WaitTarget } from './wait-target';

/** How the start pipeline runs a wait. */
export interface RunWaitOptions {
  /** The startup timeout for this start, in ms (the strategy's own, else the container's, else 60000). */
  startupTimeoutMs: number;
  /** Cancels the wait (from `start({ signal })`). */
  signal?: AbortSignal;
  /** When the (re)start began; elapsed time in errors counts from here. */
  startedAt: number;
}

/**
 * Runs a wait strategy against a started container: bounded by the startup timeout, racing the
 * container's death, cancellable. Rejects with `WaitTimeoutError`, `ContainerStartError` (the
 * container exited, with its exit code and last log lines) or `OperationAbortedError`.
 * (Stub: the readiness issue implements the race, the timeout and the error details.)
 */
export async function runWait(strategy: WaitStrategy, target: WaitTarget, options: RunWaitOptions): Promise<void> {
  const controller = new AbortController();
  const timer = setTimeout(() => controller.abort(new Error('startup timeout')), options.startupTimeoutMs);
  timer.unref();
  try {
    await strategy.waitUntilReady(target, controller.signal);
  } finally {
    clearTimeout(timer);
  }
}
