import { formatLeakReport } from '../../../src/reaper/leak-report';
import { creationSite } from '../../../src/reaper/tracker';

it('lists each leaked resource with the line that created it', () => {
  const text = formatLeakReport(
    [
      { kind: 'container', id: 'a'.repeat(64), name: 'web', createdBy: '/app/test/web.test.ts:12' },
      { kind: 'volume', id: 'data', name: 'data' },
    ],
    'abc123def456',
    'watchdog',
  );
  expect(text).toContain('2 resources were still running when the process exited (session abc123def456); the watchdog removes them now.');
  expect(text).toContain(`  - container ${'a'.repeat(12)} (web) created at /app/test/web.test.ts:12`);
  expect(text).toContain('  - volume data created at an unknown place');
  expect(text).toContain('BERTH_LEAK_REPORT=false');
});

it('names the calling test file line as the creation site', () => {
  expect(creationSite()).toBe(`${__filename}:${20}`);
});
