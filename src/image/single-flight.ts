import { OperationAbortedError } from '../errors';

interface Flight {
  promise: Promise<void>;
  controller: AbortController;
  waiters: number;
}

/**
 * Runs one piece of work per key at a time: later callers with the same key join the running
 * work instead of starting it again. Each caller may cancel its own wait with its AbortSignal;
 * the shared work is aborted only when every caller waiting for it has aborted.
 */
export class SingleFlight {
  private readonly flights = new Map<string, Flight>();

  /** Runs or joins `work` for `key`; `onJoin` is called when a running flight is joined. */
  run(key: string, what: string, signal: AbortSignal | undefined, work: (signal: AbortSignal) => Promise<void>, onJoin?: () => void): Promise<void> {
    let flight = this.flights.get(key);
    if (flight) {
      onJoin?.();
    } else {
      const controller = new AbortController();
      const created: Flight = { controller, waiters: 0, promise: Promise.resolve() };
      created.promise = work(controller.signal).finally(() => {
        if (this.flights.get(key) === created) this.flights.delete(key);
      });
      created.promise.catch(() => undefined); // callers that stayed get the rejection; none is unhandled
      this.flights.set(key, created);
      flight = created;
    }
    flight.waiters += 1;
    return this.wait(key, flight, what, signal);
  }

  private wait(key: string, flight: Flight, what: string, signal: AbortSignal | undefined): Promise<void> {
    if (!signal) return flight.promise;
    return new Promise<void>((resolve, reject) => {
      const onAbort = (): void => {
        flight.waiters -= 1;
        if (flight.waiters === 0) {
          // Forget it at once: a caller arriving while the aborted work winds down starts afresh
          // instead of joining work that is about to fail with an abort it never asked for.
          if (this.flights.get(key) === flight) this.flights.delete(key);
          flight.controller.abort(signal.reason);
        }
        reject(new OperationAbortedError(what, { cause: signal.reason }));
      };
      if (signal.aborted) return onAbort();
      signal.addEventListener('abort', onAbort, { once: true });
      flight.promise.then(resolve, reject).finally(() => signal.removeEventListener('abort', onAbort));
    });
  }
}
