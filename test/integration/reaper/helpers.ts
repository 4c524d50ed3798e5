import { spawn, type ChildProcess } from 'node:child_process';
import path from 'node:path';
import { getEngine } from '../../../src/engine/engine';
import type { LabelledResource, ResourceStore } from '../../../src/engine/prune';
import { resourceStoreOf } from '../../../src/engine/prune';
import { LABEL_TESTCONTAINERS_SESSION_ID } from '../../../src/labels';
import { listResources } from '../../../src/reaper/reap';

export const ROOT = path.resolve(__dirname, '../../..');
export const CHILD = path.join(__dirname, 'fixtures', 'child.ts');

/** What the child printed: its session, pid and the ids of what it created. */
export interface ChildReport {
  session: string;
  pid: number;
  ids: { container: string[]; network: string[]; volume: string[] };
}

/** A running child test process. */
export interface Child {
  process: ChildProcess;
  report: Promise<ChildReport>;
  stderr: () => string;
  exited: Promise<number | null>;
}

/** Starts the child script directly under node (so SIGKILL hits the process that holds the session). */
export function startChild(args: string[], env: NodeJS.ProcessEnv = {}): Child {
  const child = spawn(process.execPath, ['--import', 'tsx', CHILD, ...args], {
    cwd: ROOT,
    env: { ...process.env, ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let out = '';
  let err = '';
  child.stderr.on('data', (d: Buffer) => (err += d.toString()));
  const exited = new Promise<number | null>((resolve) => child.once('close', (code) => resolve(code)));
  const report = new Promise<ChildReport>((resolve, reject) => {
    child.stdout.on('data', (d: Buffer) => {
      out += d.toString();
      const line = out.split('\n').find((l) => l.startsWith('{'));
      if (line && out.includes('\n')) resolve(JSON.parse(line) as ChildReport);
    });
    void exited.then((code) => reject(new Error(`child exited (${code}) before reporting: ${err}`)));
  });
  report.catch(() => undefined);
  return { process: child, report, stderr: () => err, exited };
}

export async function store(): Promise<ResourceStore> {
  return resourceStoreOf(await getEngine());
}

/** Everything still labelled with a session. */
export async function sessionResources(sessionId: string): Promise<LabelledResource[]> {
  return listResources(await store(), [`${LABEL_TESTCONTAINERS_SESSION_ID}=${sessionId}`]);
}

/** Polls until the session has nothing left; resolves with the elapsed ms, rejects after `limitMs`. */
export async function waitUntilGone(sessionId: string, limitMs: number, since = Date.now()): Promise<number> {
  for (;;) {
    const left = await sessionResources(sessionId);
    const elapsed = Date.now() - since;
    if (left.length === 0) return elapsed;
    if (elapsed > limitMs) throw new Error(`still present after ${elapsed} ms: ${left.map((r) => `${r.kind} ${r.name}`).join(', ')}`);
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
}
