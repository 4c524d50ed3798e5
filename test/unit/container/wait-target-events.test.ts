// The container's WaitTarget.events(): a wait that is aborted while the event stream is still
// being opened must close the stream once it opens, not leave it following (it keeps the process alive).
import { PassThrough } from 'node:stream';
import type { ContainerEventStream } from '../../../src/engine/events';
import { followContainerEvents } from '../../../src/engine/events';
import { createWaitTarget, type ContainerRunView } from '../../../src/container/container-wait-target';

jest.mock('../../../src/engine/events', () => ({ followContainerEvents: jest.fn() }));

function fakeStream(): ContainerEventStream & { closed: boolean } {
  const events = new PassThrough({ objectMode: true });
  const stream = {
    events,
    closed: false,
    keepAlive: jest.fn(),
    close(): void {
      stream.closed = true;
      events.end();
    },
  };
  return stream;
}

describe('container WaitTarget events', () => {
  it('closes a stream that opens after the wait was aborted', async () => {
    const stream = fakeStream();
    let open!: () => void;
    (followContainerEvents as jest.Mock).mockImplementation(
      () => new Promise((resolve) => (open = () => resolve(stream))),
    );
    const run = { engine: { host: 'localhost', isLocal: true }, id: 'c0ffee', eventsSince: 0 } as unknown as ContainerRunView;
    const controller = new AbortController();
    const next = createWaitTarget(run).events(controller.signal)[Symbol.asyncIterator]().next();
    await Promise.resolve();
    controller.abort(new Error('wait over'));
    open();
    let timer: NodeJS.Timeout | undefined;
    const outcome = await Promise.race([
      next.then(
        () => 'resolved',
        () => 'rejected',
      ),
      new Promise((r) => (timer = setTimeout(r, 500, 'still open'))),
    ]);
    clearTimeout(timer); // no timer outlives the test (it would hold the Jest worker open)
    expect(outcome).toBe('rejected');
    expect(stream.closed).toBe(true);
  });

  it('rejects at once when aborted while the stream is opening, and closes it once it opens', async () => {
    const stream = fakeStream();
    let open!: () => void;
    (followContainerEvents as jest.Mock).mockImplementation(
      () => new Promise((resolve) => (open = () => resolve(stream))),
    );
    const run = { engine: { host: 'localhost', isLocal: true }, id: 'c0ffee', eventsSince: 0 } as unknown as ContainerRunView;
    const controller = new AbortController();
    const next = createWaitTarget(run).events(controller.signal)[Symbol.asyncIterator]().next();
    controller.abort(new Error('wait over'));
    await expect(next).rejects.toThrow('wait over');
    open();
    await new Promise((r) => setImmediate(r));
    expect(stream.closed).toBe(true);
  });
});
