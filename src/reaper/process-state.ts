import { EventEmitter } from 'node:events';
import type { TrackedResource } from './tracker';

/** What berth keeps per OS process (not per module instance: Jest loads src once per test file). */
export interface ProcessState {
  sessionId?: string;
  tracked: Map<string, TrackedResource>;
  /** Cleanup-on-crash arming, per watchdog address / Ryuk engine. */
  armed: Map<string, Promise<void>>;
  exitHookInstalled: boolean;
  /** Who removes the session's resources when this process ends. */
  cleanup?: 'watchdog' | 'ryuk' | 'disabled';
  /** Connections kept open for the life of the process (watchdog / Ryuk). */
  held: Array<{ destroy(): void }>;
}

const KEY = Symbol.for('dev.berth.reaper.state');

/**
 * The real `process` object. Jest gives each test file a copy of `process` whose `on('exit')` never
 * fires; the outer realm's `Function` (reached through a core module) returns the real one.
 */
export function realProcess(): NodeJS.Process {
  try {
    const OuterFunction = EventEmitter.constructor as (body: string) => () => NodeJS.Process | undefined;
    const outer = OuterFunction('return process')();
    if (outer && typeof outer.on === 'function' && outer.pid === process.pid) return outer;
  } catch {
    // fall through
  }
  return process;
}

/** The process-wide reaper state, shared by every copy of berth's modules loaded in this process. */
export function processState(): ProcessState {
  const holder = realProcess() as unknown as Record<symbol, ProcessState | undefined>;
  let state = holder[KEY];
  if (!state) {
    state = { tracked: new Map(), armed: new Map(), exitHookInstalled: false, held: [] };
    holder[KEY] = state;
  }
  return state;
}
