// House rule 8: the examples the docs quote are executed code. Every script in examples/ (not a
// *.test.ts spec, which Jest runs itself, and not a helper module listed below) runs here as its own
// process, the way a reader runs it (`npx tsx examples/NAME.ts` from the repository root), at most
// two at a time. Each must exit 0 within its timeout and remove what it created: no berth leak report
// for a container, network or volume, and no container, network or volume labelled as created by it
// is left. Images it commits or builds are removed by the session's cleanup when it exits, so the
// leak report may list those.
import { execFile, spawn, type ChildProcess } from 'node:child_process';
import { readdirSync } from 'node:fs';
import path from 'node:path';
import { promisify } from 'node:util';

const root = path.resolve(__dirname, '../..');
const tsx = path.join(root, 'node_modules/.bin/tsx');

/** Modules under examples/ that other examples import and that do nothing when run on their own. */
const HELPER_MODULES = new Set<string>([]);
/** Per-example time limits; the default fits every example that starts a few containers. */
const DEFAULT_TIMEOUT_MS = 90_000;
const TIMEOUT_MS: Record<string, number> = { 'redis-backup-restore.ts': 180_000 };
/** The machine has 2 cores, shared with the other test files. */
const CONCURRENCY = 2;

const examples = readdirSync(path.join(root, 'examples'))
  .filter((name) => name.endsWith('.ts') && !name.endsWith('.test.ts') && !HELPER_MODULES.has(name))
  .sort();
const timeoutOf = (name: string): number => TIMEOUT_MS[name] ?? DEFAULT_TIMEOUT_MS;

interface Run {
  code: number | null;
  signal: NodeJS.Signals | null;
  timedOut: boolean;
  ms: number;
  stdout: string;
  stderr: string;
}

const running = new Set<ChildProcess>();

function runExample(name: string): Promise<Run> {
  const started = Date.now();
  return new Promise((resolve) => {
    const child = spawn(tsx, [path.join('examples', name)], {
      cwd: root,
      env: { ...process.env, BERTH_LEAK_REPORT: 'true' },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    running.add(child);
    let stdout = '';
    let stderr = '';
    let timedOut = false;
    child.stdout.on('data', (d: Buffer) => (stdout += d.toString()));
    child.stderr.on('data', (d: Buffer) => (stderr += d.toString()));
    let killTimer: NodeJS.Timeout | undefined;
    const timer = setTimeout(() => {
      timedOut = true;
      child.kill('SIGTERM');
      killTimer = setTimeout(() => child.kill('SIGKILL'), 5_000);
    }, timeoutOf(name));
    const finish = (code: number | null, signal: NodeJS.Signals | null): void => {
      clearTimeout(timer);
      clearTimeout(killTimer);
      running.delete(child);
      resolve({ code, signal, timedOut, ms: Date.now() - started, stdout, stderr });
    };
    child.once('error', (error) => {
      stderr += String(error);
      finish(null, null);
    });
    child.once('close', finish);
  });
}

/** Runs `task` for every item, at most `limit` at a time; one promise per item, none rejects. */
function pool<T>(items: readonly string[], limit: number, task: (item: string) => Promise<T>): Map<string, Promise<T>> {
  const queue = [...items];
  const results = new Map<string, Promise<T>>();
  const settle = new Map<string, (value: T) => void>();
  for (const item of items) results.set(item, new Promise<T>((resolve) => settle.set(item, resolve)));
  const worker = async (): Promise<void> => {
    for (let item = queue.shift(); item !== undefined; item = queue.shift()) settle.get(item)?.(await task(item));
  };
  for (let i = 0; i < Math.min(limit, items.length); i++) void worker();
  return results;
}

/** Containers, networks and volumes whose created-by label points into `examples/<name>`. */
async function leftovers(name: string): Promise<string[]> {
  const docker = promisify(execFile);
  const format = '{{.Label "dev.berth.created-by"}}';
  const lists = await Promise.all([
    docker('docker', ['ps', '-a', '--filter', 'label=dev.berth.created-by', '--format', `container {{.ID}} ${format}`]),
    docker('docker', ['network', 'ls', '--filter', 'label=dev.berth.created-by', '--format', `network {{.ID}} ${format}`]),
    docker('docker', ['volume', 'ls', '--filter', 'label=dev.berth.created-by', '--format', `volume {{.Name}} ${format}`]),
  ]);
  const source = `${path.join(root, 'examples', name)}:`;
  return lists.flatMap(({ stdout }) => stdout.split('\n').filter((line) => line.includes(source)));
}

describe('examples/*.ts run to completion', () => {
  let runs: Map<string, Promise<Run>>;
  const before = new Map<string, Set<string>>();

  beforeAll(async () => {
    // Resources an earlier, interrupted run left behind are not this run's fault.
    for (const name of examples) before.set(name, new Set(await leftovers(name)));
    runs = pool(examples, CONCURRENCY, runExample);
  });

  afterAll(() => {
    for (const child of running) child.kill('SIGKILL');
  });

  it('finds the examples', () => {
    expect(examples).toEqual(expect.arrayContaining(['hello-world.ts', 'quick-start.ts', 'private-registry.ts']));
  });

  // A test waits for its own run, which may queue behind the others: its limit covers them all.
  const budget = examples.reduce((sum, name) => sum + timeoutOf(name), 0) + 30_000;

  it.each(examples)(
    '%s exits 0 and leaves nothing behind',
    async (name) => {
      const run = await runs.get(name);
      if (!run) throw new Error(`no run for ${name}`);
      const tail = (text: string): string => text.split('\n').slice(-40).join('\n');
      const status = run.timedOut ? `timed out after ${timeoutOf(name)} ms` : `exited with ${run.code ?? run.signal}`;
      if (run.code !== 0 || run.timedOut) {
        throw new Error(`examples/${name} ${status} in ${run.ms} ms\n--- stdout\n${tail(run.stdout)}\n--- stderr\n${tail(run.stderr)}`);
      }
      const leaked = run.stderr.split('\n').filter((line) => /^ {2}- (container|network|volume) /.test(line));
      expect(leaked).toEqual([]);
      const known = before.get(name) ?? new Set<string>();
      expect((await leftovers(name)).filter((line) => !known.has(line))).toEqual([]);
    },
    budget,
  );
});
