import { getEngine } from '../engine/engine';
import { InvalidArgumentError } from '../errors';
import { createLogger } from '../logger';
import { processState } from './process-state';
import { ensureReaper, reaperKey } from './reaper';
import { getSessionId } from './session';

const log = createLogger('berth:reaper');
const SESSION_ID = /^[0-9a-zA-Z_-]{1,64}$/;

/**
 * The session's cleanup-on-crash, in the shape of testcontainers' `Reaper`. berth's reaper is the
 * watchdog process (or Ryuk when `RYUK_CONTAINER_IMAGE` names an image the engine has); see
 * docs/reaper.md.
 */
export interface Reaper {
  /** This process's session id (the same as {@link getSessionId}). */
  readonly sessionId: string;
  /** The Ryuk container's id when Ryuk is used; `''` with the watchdog or with cleanup disabled. */
  readonly containerId: string;
  /**
   * Also removes everything labelled `org.testcontainers.session-id=<sessionId>` when this process's
   * session ends. With the watchdog, a session another live process still holds is kept until that
   * process ends too; Ryuk removes it when this process's connection drops. Registered again if the
   * connection to the watchdog or Ryuk is re-established. No-op when cleanup-on-crash is disabled
   * (`TESTCONTAINERS_RYUK_DISABLED=true`). An id that is not 1-64 of `[0-9a-zA-Z_-]` throws
   * {@link InvalidArgumentError}.
   */
  addSession(sessionId: string): void;
  /**
   * A no-op in berth, kept for compatibility: berth does not run Docker Compose, so it never creates
   * a Compose project; resources a Compose project created are left to the tool that started it.
   */
  addComposeProject(projectName: string): void;
}

/**
 * testcontainers' `getReaper()`: arms this session's cleanup-on-crash on the default engine (as the
 * first resource start would) and resolves the {@link Reaper}. Later calls are cheap. The argument
 * (testcontainers' container runtime client) is accepted and ignored: berth discovers the engine itself.
 */
export async function getReaper(_client?: unknown): Promise<Reaper> {
  const engine = await getEngine();
  await ensureReaper(engine);
  const key = reaperKey(engine);
  const state = processState();
  return {
    sessionId: getSessionId(),
    get containerId(): string {
      return state.links.get(key)?.containerId ?? '';
    },
    addSession(sessionId: string): void {
      if (typeof sessionId !== 'string' || !SESSION_ID.test(sessionId)) {
        throw new InvalidArgumentError('session id', sessionId, 'expected 1 to 64 of [0-9a-zA-Z_-]');
      }
      if (sessionId === getSessionId() || state.extraSessions.has(sessionId)) return;
      state.extraSessions.add(sessionId);
      state.links.get(key)?.addSession(sessionId);
    },
    addComposeProject(projectName: string): void {
      log.debug(`addComposeProject(${projectName}) ignored: berth does not run Docker Compose`);
    },
  };
}
