import { decodeTrace } from '../../../src/engine/buildkit-trace';
import { exitCodeOf } from '../../../src/engine/build';

// Captured from Docker 20.10's BuildKit for `RUN exit 100` and `RUN echo hello`.
const FAILED_VERTEX =
  'CoACCkdzaGEyNTY6ZDEwOTIyNDUyOGVhMWYzZDUwYjcwMzVkNDgzNThlODJlNDM1OGFiMmE0YzcyNGNmOTMyZmQyMjUxZDNkMTdlMxJHc2hhMjU2OmY3NTljZmY2ZTVhMTJhNzcxNzMwZTY2OGEyMTJmNTYwMDViMDYxNjhmYTc4YTE3MDcwNjhlNzk5YjA0OGE1ZDMaElszLzNdIFJVTiBleGl0IDEwMCoLCPfPqtgGEJHUvVcyDAj3z6rYBhC/psyUAjo9ZXhlY3V0b3IgZmFpbGVkIHJ1bm5pbmcgWy9iaW4vc2ggLWMgZXhpdCAxMDBdOiBleGl0IGNvZGU6IDEwMA==';
const LOG = 'GmAKR3NoYTI1NjpmNzU5Y2ZmNmU1YTEyYTc3MTczMGU2NjhhMjEyZjU2MDA1YjA2MTY4ZmE3OGExNzA3MDY4ZTc5OWIwNDhhNWQzEgsI98+q2AYQ5s3FSRgBIgZoZWxsbwo=';

describe('BuildKit trace decoding', () => {
  it('reads a failed vertex: digest, name, error', () => {
    const { vertexes, logs } = decodeTrace(FAILED_VERTEX);
    expect(logs).toEqual([]);
    expect(vertexes).toHaveLength(1);
    expect(vertexes[0]).toMatchObject({
      digest: 'sha256:d109224528ea1f3d50b7035d48358e82e4358ab2a4c724cf932fd2251d3d17e3',
      name: '[3/3] RUN exit 100',
      started: true,
      completed: true,
      error: 'executor failed running [/bin/sh -c exit 100]: exit code: 100',
    });
  });

  it('reads a log line with its vertex', () => {
    expect(decodeTrace(LOG).logs).toEqual([{ vertex: 'sha256:f759cff6e5a12a771730e668a212f56005b06168fa78a1707068e799b048a5d3', message: 'hello\n' }]);
  });

  it('yields nothing for garbage instead of throwing', () => {
    expect(decodeTrace('////')).toEqual({ vertexes: [], logs: [] });
  });

  it.each([
    [{ errorDetail: { code: 100, message: 'x' } }, 'x', 100],
    [undefined, "The command '/bin/sh -c exit 3' returned a non-zero code: 3", 3],
    [undefined, 'executor failed running [/bin/sh -c exit 100]: exit code: 100', 100],
    [undefined, 'dockerfile parse error line 1: unknown instruction: FRM', undefined],
  ])('finds the exit code in %j / %s', (event, message, code) => {
    expect(exitCodeOf(event, message)).toBe(code);
  });
});
