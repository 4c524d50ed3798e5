import { OperationAbortedError } from 'berth';
import { SingleFlight } from '../../../src/image/single-flight';

function deferredWork(): { work: (signal: AbortSignal) => Promise<void>; runs: () => number; finish: () => void; signals: AbortSignal[] } {
  let runs = 0;
  let finish: () => void = () => undefined;
  const signals: AbortSignal[] = [];
  return {
    runs: () => runs,
    finish: () => finish(),
    signals,
    work: (signal) => {
      runs += 1;
      signals.push(signal);
      return new Promise<void>((resolve, reject) => {
        finish = resolve;
        signal.addEventListener('abort', () => reject(new Error('work aborted')));
      });
    },
  };
}

describe('SingleFlight', () => {
  it('runs concurrent calls with one key once, and again after it settles', async () => {
    const flights = new SingleFlight();
    const w = deferredWork();
    let joins = 0;
    const calls = [0, 1, 2].map(() => flights.run('k', 'pull x', undefined, w.work, () => (joins += 1)));
    w.finish();
    await Promise.all(calls);
    expect(w.runs()).toBe(1);
    expect(joins).toBe(2);
    const again = flights.run('k', 'pull x', undefined, w.work);
    w.finish();
    await again;
    expect(w.runs()).toBe(2);
  });

  it('lets one caller abort its wait without stopping the work for the others', async () => {
    const flights = new SingleFlight();
    const w = deferredWork();
    const a = new AbortController();
    const first = flights.run('k', 'pull x', a.signal, w.work);
    const second = flights.run('k', 'pull x', undefined, w.work);
    a.abort();
    await expect(first).rejects.toBeInstanceOf(OperationAbortedError);
    expect(w.signals[0]!.aborted).toBe(false);
    w.finish();
    await expect(second).resolves.toBeUndefined();
  });

  it('aborts the work when every caller has aborted', async () => {
    const flights = new SingleFlight();
    const w = deferredWork();
    const a = new AbortController();
    const b = new AbortController();
    const calls = [flights.run('k', 'pull x', a.signal, w.work), flights.run('k', 'pull x', b.signal, w.work)];
    a.abort();
    expect(w.signals[0]!.aborted).toBe(false);
    b.abort();
    expect(w.signals[0]!.aborted).toBe(true);
    for (const c of calls) await expect(c).rejects.toThrow(/Aborted: pull x/);
  });
});

describe('SingleFlight after every waiter aborted', () => {
  it('starts new work for a caller that arrives while the aborted work winds down', async () => {
    const flights = new SingleFlight();
    let runs = 0;
    const finishers: Array<() => void> = [];
    const slowToStop = (signal: AbortSignal): Promise<void> => {
      runs += 1;
      return new Promise<void>((resolve, reject) => {
        finishers.push(resolve);
        // Like a pull: the abort takes a while to reach the engine and come back.
        signal.addEventListener('abort', () => setTimeout(() => reject(new Error('work aborted')), 20));
      });
    };
    const first = new AbortController();
    const aborted = flights.run('k', 'pull x', first.signal, slowToStop);
    first.abort();
    await expect(aborted).rejects.toBeInstanceOf(OperationAbortedError);
    const later = flights.run('k', 'pull x', undefined, slowToStop);
    expect(runs).toBe(2);
    finishers[1]!();
    await expect(later).resolves.toBeUndefined();
  });
});
