/**
 * Small AbortSignal helpers shared by the wait strategies. Their timers keep the process alive
 * while a wait is in flight (a script must not exit mid-start) and are cleared when the signal
 * aborts, so none outlives the wait.
 */

/** The reason a signal aborted, as an Error. */
export function abortReason(signal: AbortSignal): Error {
  const reason: unknown = signal.reason;
  if (reason instanceof Error) return reason;
  const error = new Error(typeof reason === 'string' ? reason : 'The operation was aborted');
  error.name = 'AbortError';
  return error;
}

/** Throws the signal's reason when it has aborted. */
export function throwIfAborted(signal: AbortSignal): void {
  if (signal.aborted) throw abortReason(signal);
}

/** Resolves after `ms`, or rejects with the signal's reason as soon as it aborts. */
export function sleep(ms: number, signal: AbortSignal): Promise<void> {
  return new Promise<void>((resolve, reject) => {
    if (signal.aborted) {
      reject(abortReason(signal));
      return;
    }
    const onAbort = (): void => {
      clearTimeout(timer);
      reject(abortReason(signal));
    };
    const timer = setTimeout(() => {
      signal.removeEventListener('abort', onAbort);
      resolve();
    }, ms);
    signal.addEventListener('abort', onAbort, { once: true });
  });
}

/** A signal that aborts when `parent` aborts, plus its own abort(). Call `dispose()` when done. */
export function childController(parent: AbortSignal): { controller: AbortController; dispose: () => void } {
  const controller = new AbortController();
  const onAbort = (): void => controller.abort(parent.reason);
  if (parent.aborted) controller.abort(parent.reason);
  else parent.addEventListener('abort', onAbort, { once: true });
  return { controller, dispose: () => parent.removeEventListener('abort', onAbort) };
}

/**
 * The poll interval after `elapsedMs` of polling: fast at first (a container is often ready within
 * a few hundred ms), then easing off to `maxMs` so long waits stay cheap.
 */
export function pollInterval(elapsedMs: number, maxMs = 100): number {
  if (elapsedMs < 1_000) return Math.min(10, maxMs);
  if (elapsedMs < 5_000) return Math.min(50, maxMs);
  return maxMs;
}

/**
 * Resolves at the next call of the wakers in `wakers` (a reader of an append-only feed waiting for
 * its next item: the feed calls every waker when it grows or ends), or when `signal` aborts. The
 * waker removes itself either way.
 */
export function nextWake(wakers: Set<() => void>, signal: AbortSignal): Promise<void> {
  return new Promise<void>((resolve) => {
    const done = (): void => {
      wakers.delete(done);
      signal.removeEventListener('abort', done);
      resolve();
    };
    wakers.add(done);
    signal.addEventListener('abort', done, { once: true });
  });
}

/**
 * Settles as `promise` does, or rejects with the signal's reason as soon as it aborts (the work
 * behind `promise` goes on; its outcome is then ignored).
 */
export function untilAborted<T>(promise: Promise<T>, signal: AbortSignal): Promise<T> {
  if (signal.aborted) return Promise.reject(abortReason(signal));
  let onAbort: (() => void) | undefined;
  const aborted = new Promise<never>((_, reject) => {
    onAbort = () => reject(abortReason(signal));
    signal.addEventListener('abort', onAbort, { once: true });
  });
  return Promise.race([promise, aborted]).finally(() => signal.removeEventListener('abort', onAbort as () => void));
}
