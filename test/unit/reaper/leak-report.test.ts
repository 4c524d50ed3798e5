import { formatLeakReport, leakedAtExit } from '../../../src/reaper/leak-report';
import { creationSite, userFrame } from '../../../src/reaper/tracker';

it('lists each leaked resource with the line that created it', () => {
  const text = formatLeakReport(
    [
      { kind: 'container', id: 'a'.repeat(64), name: 'web', createdBy: '/app/test/web.test.ts:12' },
      { kind: 'volume', id: 'data', name: 'data' },
    ],
    'abc123def456',
    'watchdog',
  );
  expect(text).toContain('2 resources were still present when the process exited (session abc123def456); the watchdog removes them now.');
  expect(text).toContain(`  - container ${'a'.repeat(12)} (web) created at /app/test/web.test.ts:12`);
  expect(text).toContain('  - volume data created at an unknown place');
  expect(text).toContain('BERTH_LEAK_REPORT=false');
});

it('names the calling test file line as the creation site', () => {
  expect(creationSite()).toBe(`${__filename}:${20}`);
});

it('does not count deleteOnExit images as leaks: the session cleanup removes them by design', () => {
  const leaked = leakedAtExit([
    { kind: 'image', id: 'sha256:0123456789abcdef', createdBy: 'a.ts:1' },
    { kind: 'container', id: 'c0ffee0123456789', createdBy: 'a.ts:2' },
    { kind: 'volume', id: 'v1', createdBy: 'a.ts:3' },
  ]);
  expect(leaked.map((r) => r.kind)).toEqual(['container', 'volume']);
});

describe('userFrame', () => {
  const stack = (...files: string[]): string => ['Error', ...files.map((f) => `    at fn (${f}:7:3)`)].join('\n');

  it("skips Node, dependencies and berth's own src/ and dist/, and keeps a user's src/*.spec.ts", () => {
    // Before: every path containing /src/ (but no .test.) was taken for berth's own, so a NestJS-style
    // src/orders.spec.ts was skipped and the leak report said "an unknown place".
    expect(userFrame(stack('/berth/src/network/network.ts', 'node:internal/x', '/app/node_modules/jest/a.js', '/app/src/orders.spec.ts'), '/berth')).toBe(
      '/app/src/orders.spec.ts:7',
    );
    expect(userFrame(stack('/berth/dist/container/start.js', 'file:///app/src/db/setup.ts'), '/berth')).toBe('/app/src/db/setup.ts:7');
    expect(userFrame(stack('/berth/src/a.ts'), '/berth')).toBeUndefined();
  });
});
