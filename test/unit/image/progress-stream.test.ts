import { PassThrough } from 'node:stream';
import { followProgress, ProgressStreamError } from '../../../src/engine/progress-stream';

function feed(lines: string[], end = true): PassThrough {
  const s = new PassThrough();
  setImmediate(() => {
    for (const l of lines) s.write(l);
    if (end) s.end();
  });
  return s;
}

describe('followProgress', () => {
  it('resolves every message, also split across chunks', async () => {
    const events = await followProgress(feed(['{"status":"a"}\n{"sta', 'tus":"b"}\n', '{"status":"c"}']));
    expect(events.map((e) => e.status)).toEqual(['a', 'b', 'c']);
  });

  it('rejects on an error message inside the stream', async () => {
    const stream = feed(['{"status":"Pulling"}\n', '{"errorDetail":{"message":"manifest unknown"},"error":"manifest unknown"}\n']);
    const error = (await followProgress(stream).catch((e: unknown) => e)) as ProgressStreamError;
    expect(error).toBeInstanceOf(ProgressStreamError);
    expect(error).toMatchObject({ kind: 'stream', message: 'manifest unknown' });
  });

  it('rejects on a timeout and destroys the stream', async () => {
    const stream = feed(['{"status":"waiting"}\n'], false);
    await expect(followProgress(stream, { timeoutMs: 50 })).rejects.toMatchObject({ kind: 'timeout' });
    expect(stream.destroyed).toBe(true);
  });

  it('rejects on abort', async () => {
    const controller = new AbortController();
    const promise = followProgress(feed([], false), { signal: controller.signal });
    controller.abort();
    await expect(promise).rejects.toMatchObject({ kind: 'aborted' });
  });

  it('rejects a stream that ends without a result when asked to check', async () => {
    await expect(followProgress(feed(['{"status":"x"}\n']), { isComplete: () => false })).rejects.toMatchObject({ kind: 'truncated' });
  });

  it('rejects a broken connection', async () => {
    const s = new PassThrough();
    setImmediate(() => s.destroy(new Error('socket hang up')));
    await expect(followProgress(s)).rejects.toMatchObject({ kind: 'transport', message: 'socket hang up' });
  });
});
