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
  /** The armed cleanup per engine key (see {@link ReaperLink}); absent while arming or disabled. */
  links: Map<string, ReaperLink>;
  /** Sessions added with `getReaper().addSession()`: registered again whenever cleanup is re-armed. */
  extraSessions: Set<string>;
}

/** What an armed cleanup (watchdog connection or Ryuk) offers `getReaper()`. */
export interface ReaperLink {
  /** The Ryuk container's id; `''` for the watchdog (it is a process, not a container). */
  containerId: string;
  /** Also removes the resources of `sessionId` when this connection closes. */
  addSession(sessionId: string): void;
}

const KEY = Symbol.for('dev.berth.reaper.state');

/**
 * The real `process` object. Jest gives each test file a copy of `process` whose `on('exit')` never
 * fires; the outer realm's `Function` (reached through a core module) returns the real one.
 */
export function realProcess(): NodeJS.Process {
  cachedProcess ??= findRealProcess();
  return cachedProcess;
}

let cachedProcess: NodeJS.Process | undefined;
let cachedState: ProcessState | undefined;

function findRealProcess(): NodeJS.Process {
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
  // Cached per module instance (ensureReaper runs on every resource start); the object itself is
  // shared by every instance through the real process.
  cachedState ??= sharedState();
  return cachedState;
}

function sharedState(): ProcessState {
  const holder = realProcess() as unknown as Record<symbol, ProcessState | undefined>;
  let state = holder[KEY];
  if (!state) {
    state = { tracked: new Map(), armed: new Map(), exitHookInstalled: false, held: [], links: new Map(), extraSessions: new Set() };
    holder[KEY] = state;
  }
  return state;
}
