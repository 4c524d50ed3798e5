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
