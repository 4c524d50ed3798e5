// Jest exits by itself after suites that start containers: the per-test and per-file example specs
// run as a Jest subprocess with --detectOpenHandles, which must report nothing and exit 0. Inside
// Jest, a forgotten container still gets its leak report (naming the spec line) and is removed.
import { spawn } from 'node:child_process';
import path from 'node:path';
import { LABEL_TESTCONTAINERS_SESSION_ID } from '../../../src/labels';
import { ROOT, store, waitUntilGone } from './helpers';

function jest(args: string[]): Promise<{ code: number | null; output: string }> {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, [require.resolve('jest/bin/jest'), ...args], { cwd: ROOT, stdio: ['ignore', 'pipe', 'pipe'] });
    let output = '';
    child.stdout.on('data', (d: Buffer) => (output += d.toString()));
    child.stderr.on('data', (d: Buffer) => (output += d.toString()));
    const timer = setTimeout(() => child.kill('SIGKILL'), 100_000);
    child.once('close', (exitCode) => {
      clearTimeout(timer);
      resolve({ code: exitCode, output });
    });
  });
}

it('exits on its own with --detectOpenHandles clean', async () => {
  const { code, output } = await jest([
    '--selectProjects', 'integration', '--detectOpenHandles',
    'examples/jest-container-per-test.test.ts', 'examples/jest-container-per-file.test.ts',
  ]);
  expect(output).toContain('Tests:       4 passed, 4 total');
  expect(output).not.toMatch(/open handle|did not exit|failed to exit gracefully|still present when the process exited/i);
  expect(code).toBe(0);
});

it('prints the leak report of a Jest test that forgets its container, which is then removed', async () => {
  const spec = path.join(__dirname, 'fixtures', 'leaky.spec.ts');
  const config = {
    rootDir: ROOT,
    testEnvironment: 'node',
    testMatch: [spec],
    transform: { '^.+\\.ts$': ['ts-jest', { tsconfig: 'tsconfig.json' }] },
    moduleNameMapper: { '^berth$': '<rootDir>/src/index.ts' },
  };
  const { code, output } = await jest(['--config', JSON.stringify(config)]);
  expect(code).toBe(0);
  const id = /LEAKED ([0-9a-f]{64})/.exec(output)?.[1] ?? '';
  expect(output).toContain(`container ${id.slice(0, 12)} created at ${spec}:5`);
  const [leaked] = (await (await store()).list('container', [])).filter((c) => c.id === id);
  if (leaked) await waitUntilGone(leaked.labels[LABEL_TESTCONTAINERS_SESSION_ID] ?? '', 15_000);
});
