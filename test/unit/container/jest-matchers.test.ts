import { Readable } from 'node:stream';
import { toHaveFileChanges, toHaveLogged } from '../../../src/jest/matchers';
import type { ContainerChange, LogsOptions } from '../../../src/index';

const context = (isNot = false) => ({ isNot, utils: { printExpected: (v: unknown) => JSON.stringify(String(v)), printReceived: String } });

function fakeLogs(lines: string[], keepOpen: boolean) {
  const calls: LogsOptions[] = [];
  return {
    calls,
    logs: (options: LogsOptions = {}) => {
      calls.push(options);
      const stream = new Readable({ read: () => undefined, encoding: 'utf8' });
      for (const line of lines) stream.push(`${line}\n`);
      if (!keepOpen || options.follow === false) stream.push(null);
      return Promise.resolve(stream);
    },
  };
}

describe('toHaveLogged', () => {
  it('passes once enough lines match, counting times', async () => {
    const c = fakeLogs(['a', 'tick', 'b', 'tick'], true);
    expect((await toHaveLogged.call(context(), c, 'tick', { times: 2 })).pass).toBe(true);
    expect((await toHaveLogged.call(context(), c, /^t.ck$/g, { times: 2 })).pass).toBe(true);
    expect(c.calls[0]).toEqual({ follow: true });
  });

  it('fails after the timeout with the last log lines', async () => {
    const result = await toHaveLogged.call(context(), fakeLogs(['one', 'two'], true), 'three', { timeoutMs: 50 });
    expect(result.pass).toBe(false);
    expect(result.message()).toMatch(/saw 0 matching line\(s\) within 50 ms[\s\S]*Last log lines:\n {2}one\n {2}two/);
  });

  it('fails when the log ends first; .not reads without following', async () => {
    const ended = await toHaveLogged.call(context(), fakeLogs(['x'], false), 'y', { timeoutMs: 5000 });
    expect(ended.message()).toContain('before the log ended');
    const c = fakeLogs(['x'], true);
    const negated = await toHaveLogged.call(context(true), c, 'y');
    expect(negated.pass).toBe(false);
    expect(c.calls[0]).toEqual({ follow: false });
  });
});

describe('toHaveFileChanges', () => {
  const diff: ContainerChange[] = [
    { path: '/tmp', kind: 'changed' },
    { path: '/tmp/a', kind: 'added' },
  ];
  const c = { diff: () => Promise.resolve(diff) };
  it('passes when every listed change is in the diff', async () => {
    expect((await toHaveFileChanges.call(context(), c, [{ path: '/tmp/a', kind: 'added' }])).pass).toBe(true);
  });
  it('fails with the missing entries and the actual diff', async () => {
    const result = await toHaveFileChanges.call(context(), c, [{ path: '/tmp/a', kind: 'deleted' }]);
    expect(result.pass).toBe(false);
    expect(result.message()).toBe(
      'expected the container to have file changes that are missing:\n  deleted /tmp/a\nActual diff:\n  changed /tmp\n  added   /tmp/a',
    );
  });
});

describe('toHaveLogged and a log whose last line has no newline', () => {
  it('counts that last line', async () => {
    const container = {
      logs: () => Promise.resolve(Readable.from(['first\nready (no newline)'])),
    };
    expect((await toHaveLogged.call(context(), container, 'ready')).pass).toBe(true);
  });
});
