import { setTimeout as sleep } from 'node:timers/promises';

/**
 * Retries an async call until a predicate accepts its result or a timeout passes (testcontainers
 * `Retry`). `T` is the call's result, `U` what `onTimeout` returns.
 */
export interface Retry<T, U> {
  /**
   * Calls `fn` until `predicate(result)` is true and resolves that result; once `timeoutMs` has
   * passed, resolves `onTimeout()` instead (which may throw to reject).
   */
  retryUntil(
    fn: (attempt: number) => Promise<T>,
    predicate: (result: T) => boolean | Promise<boolean>,
    onTimeout: () => U,
    timeoutMs: number,
  ): Promise<T | U>;
}

/**
 * A {@link Retry} that waits a fixed interval between attempts (testcontainers `IntervalRetry`):
 * `await new IntervalRetry<number, never>(100).retryUntil(() => count(), (n) => n > 0, () => { throw … }, 5000)`.
 * The first attempt runs at once.
 */
export class IntervalRetry<T, U> implements Retry<T, U> {
  /** @param intervalMs Milliseconds between the end of one attempt and the start of the next. */
  constructor(private readonly intervalMs: number) {}

  async retryUntil(
    fn: (attempt: number) => Promise<T>,
    predicate: (result: T) => boolean | Promise<boolean>,
    onTimeout: () => U,
    timeoutMs: number,
  ): Promise<T | U> {
    const startedAt = Date.now();
    let attempt = 0;
    let result = await fn(attempt++);
    while (!(await predicate(result))) {
      if (Date.now() - startedAt > timeoutMs) return onTimeout();
      await sleep(this.intervalMs);
      result = await fn(attempt++);
    }
    return result;
  }
}
