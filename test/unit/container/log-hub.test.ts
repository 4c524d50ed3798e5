// LogHub.subscribe honours its AbortSignal while the log stream is still being opened (an engine
// that does not answer must not hang a wait's failure report, which reads the log within a budget).
import { openLogLines } from '../../../src/engine/logs';
import type { Engine } from '../../../src/engine/engine';
import { LogHub } from '../../../src/container/log-hub';

jest.mock('../../../src/engine/logs', () => ({ openLogLines: jest.fn() }));

describe('LogHub', () => {
  it('rejects a subscriber that aborts while the stream is opening', async () => {
    (openLogLines as jest.Mock).mockImplementation(() => new Promise(() => undefined)); // never answers
    const hub = new LogHub({} as Engine, 'c0ffee', 0, false);
    const controller = new AbortController();
    const next = hub.subscribe(controller.signal).next();
    setTimeout(() => controller.abort(new Error('budget spent')), 20);
    let timer: NodeJS.Timeout | undefined;
    const outcome = await Promise.race([
      next.then(
        () => 'resolved',
        (error: Error) => error.message,
      ),
      new Promise((r) => (timer = setTimeout(r, 500, 'still waiting'))),
    ]);
    clearTimeout(timer); // no timer outlives the test (it would hold the Jest worker open)
    expect(outcome).toBe('budget spent');
    hub.close();
  });
});
