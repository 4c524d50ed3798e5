import { writeSync } from 'node:fs';
import { getConfig } from '../config';
import { processState, realProcess } from './process-state';
import type { TrackedResource } from './tracker';

/** What happens to leaked resources, per cleanup mode. */
const FATE: Record<string, string> = {
  watchdog: 'the watchdog removes them now',
  ryuk: 'Ryuk removes them in about 10 s',
  disabled: 'cleanup-on-crash is disabled (TESTCONTAINERS_RYUK_DISABLED=true), so they are LEFT BEHIND: run `npx berth prune`',
};

/** The leak report: each resource still held at exit, and the line of code that created it. */
export function formatLeakReport(resources: readonly TrackedResource[], sessionId: string, cleanup: string): string {
  const lines = resources.map((r) => {
    const label = r.kind === 'volume' ? r.id : r.id.replace(/^sha256:/, '').slice(0, 12);
    const name = r.name && r.name !== r.id ? ` (${r.name})` : '';
    return `  - ${r.kind} ${label}${name} created at ${r.createdBy ?? 'an unknown place'}`;
  });
  const n = resources.length;
  return (
    `berth: ${n} resource${n === 1 ? ' was' : 's were'} still present when the process exited (session ${sessionId}); ` +
    `${FATE[cleanup] ?? FATE['watchdog']}.\n${lines.join('\n')}\n` +
    'Stop them with `await using`, `stop()` in afterEach/afterAll, or a globalTeardown. BERTH_LEAK_REPORT=false silences this report.\n'
  );
}

/**
 * What the leak report lists: containers, networks and volumes still held. Images built or committed
 * with deleteOnExit live until the session ends by design (the session cleanup removes them), so they
 * are not leaks.
 */
export function leakedAtExit(tracked: Iterable<TrackedResource>): TrackedResource[] {
  return [...tracked].filter((r) => r.kind !== 'image');
}

/** Prints the leak report at process exit (once per process, synchronously, to stderr). */
export function installExitHook(sessionId: () => string): void {
  const state = processState();
  if (state.exitHookInstalled) return;
  state.exitHookInstalled = true;
  realProcess().on('exit', () => {
    const leaked = leakedAtExit(state.tracked.values());
    if (leaked.length === 0) return;
    let enabled = true;
    try {
      enabled = getConfig().leakReport;
    } catch {
      // a broken configuration already failed elsewhere
    }
    if (!enabled) return;
    try {
      writeSync(2, formatLeakReport(leaked, sessionId(), state.cleanup ?? 'watchdog'));
    } catch {
      // stderr is gone
    }
  });
}
