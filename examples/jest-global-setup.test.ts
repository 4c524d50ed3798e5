// Pattern 3 runs under its own Jest configuration (examples/jest-global-setup/jest.config.js): one
// container started in globalSetup, shared by every worker. This spec runs that suite as a
// subprocess and checks it passes and that Jest exits on its own, with `--detectOpenHandles` clean.
import { spawn } from 'node:child_process';
import path from 'node:path';

const root = path.resolve(__dirname, '..');

function runJest(args: string[]): Promise<{ code: number | null; output: string; ms: number }> {
  const started = Date.now();
  return new Promise((resolve) => {
    const child = spawn(process.execPath, [require.resolve('jest/bin/jest'), '-c', 'examples/jest-global-setup/jest.config.js', ...args], {
      cwd: root,
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let output = '';
    child.stdout.on('data', (d: Buffer) => (output += d.toString()));
    child.stderr.on('data', (d: Buffer) => (output += d.toString()));
    // A Jest that does not exit on its own is killed here, and the test fails.
    const timer = setTimeout(() => child.kill('SIGKILL'), 90_000);
    child.once('exit', (code) => {
      clearTimeout(timer);
      resolve({ code, output, ms: Date.now() - started });
    });
  });
}

it('shares one container across workers and exits on its own (two workers)', async () => {
  const { code, output } = await runJest(['-w', '2']);
  expect(output).toContain('Tests:       2 passed, 2 total');
  expect(output).not.toMatch(/did not exit one second after|open handle|failed to exit gracefully/i);
  expect(code).toBe(0);
});

it('is clean under --detectOpenHandles', async () => {
  const { code, output } = await runJest(['--detectOpenHandles']);
  expect(output).toContain('Tests:       2 passed, 2 total');
  expect(output).not.toMatch(/open handle|did not exit|failed to exit gracefully/i);
  expect(code).toBe(0);
});
