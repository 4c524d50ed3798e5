import { getConfig, type BerthConfig } from '../config';
import type { Engine } from '../engine/engine';
import { displayUrl } from '../engine/endpoint';
import { inspectImage } from '../engine/images';
import { resourceStoreOf } from '../engine/prune';
import { ReaperError } from '../errors';
import { createLogger } from '../logger';
import { installExitHook } from './leak-report';
import { processState } from './process-state';
import { sweepStaleSessions } from './reap';
import { armRyuk } from './ryuk';
import { getSessionId } from './session';
import { localHostFacts } from './stale';
import { spawnWatchdog } from './spawn-watchdog';
import { watchdogAddress } from './watchdog-address';
import { holdSession } from './watchdog-client';
import { encodeMessage } from './watchdog-protocol';

const log = createLogger('berth:reaper');

/** A watchdog with no connections and nothing left to clean up exits after this long. */
export const WATCHDOG_IDLE_EXIT_MS = 30_000;
/** How long a test process waits for a new watchdog to answer. */
export const WATCHDOG_START_TIMEOUT_MS = 20_000;

/** The key of an engine's armed cleanup in the process state (one per engine URL and TLS folder). */
export function reaperKey(engine: Engine): string {
  return `${engine.endpoint.url}\n${engine.endpoint.tls?.certPath ?? ''}`;
}

async function armWatchdog(engine: Engine, config: BerthConfig, key: string, onLost: () => void): Promise<void> {
  const address = watchdogAddress(engine.endpoint);
  const launch = {
    address,
    endpoint: engine.endpoint,
    apiVersion: engine.info.apiVersion,
    staleTtlMs: config.staleSessionTtlMs,
    idleExitMs: WATCHDOG_IDLE_EXIT_MS,
  };
  try {
    const socket = await holdSession(address, getSessionId(), {
      spawn: () => spawnWatchdog(launch),
      timeoutMs: WATCHDOG_START_TIMEOUT_MS,
      onLost,
    });
    const state = processState();
    state.held.push(socket);
    // One more hello on the held connection: the watchdog counts each session once per connection
    // and removes it when the connection closes and no other connection holds it.
    const link = {
      containerId: '',
      addSession: (session: string) => void socket.write(encodeMessage({ type: 'hello', session, pid: process.pid })),
    };
    for (const session of state.extraSessions) link.addSession(session);
    state.links.set(key, link);
  } catch (error) {
    throw new ReaperError(`watchdog for ${displayUrl(engine.endpoint.url)}`, (error as Error).message, { cause: error });
  }
}

async function arm(engine: Engine, key: string): Promise<void> {
  const config = getConfig();
  const state = processState();
  const onLost = (): void => {
    state.armed.delete(key);
    state.links.delete(key);
    setTimeout(() => void ensureReaper(engine).catch((e: unknown) => log.error(`Re-arming cleanup failed: ${String(e)}`)), 100).unref();
  };
  if (config.ryukContainerImage) {
    if (await inspectImage(engine, config.ryukContainerImage)) {
      state.links.set(key, await armRyuk(engine, config.ryukContainerImage, getSessionId(), onLost));
      state.cleanup = 'ryuk';
      // Without the watchdog, this process sweeps stale sessions itself (best effort), in the
      // background: the first resource start must not wait for other sessions' removal passes.
      void sweepStaleSessions(resourceStoreOf(engine), new Set([getSessionId()]), localHostFacts(), config.staleSessionTtlMs)
        .then((swept) => swept.forEach((s) => log.info(`Removed stale session ${s.sessionId} (${s.reason}): ${s.removed.length} resources`)))
        .catch((e: unknown) => log.warn(`Stale-session sweep failed: ${String(e)}`));
      return;
    }
    log.warn(`RYUK_CONTAINER_IMAGE ${config.ryukContainerImage} is not on the engine: using berth's watchdog instead`);
  }
  await armWatchdog(engine, config, key, onLost);
  state.cleanup = 'watchdog';
}

/**
 * Makes sure this session's cleanup-on-crash is armed before the first resource is created: registers
 * the session with the engine's watchdog (starting it when needed), or with Ryuk when
 * `RYUK_CONTAINER_IMAGE` names an image the engine has. Once per process and engine; later calls
 * return the same promise. `TESTCONTAINERS_RYUK_DISABLED=true` turns it off.
 */
export function ensureReaper(engine: Engine): Promise<void> {
  installExitHook(getSessionId);
  const state = processState();
  if (getConfig().ryukDisabled) {
    state.cleanup = 'disabled';
    return Promise.resolve();
  }
  const key = reaperKey(engine);
  let armed = state.armed.get(key);
  if (!armed) {
    armed = arm(engine, key);
    state.armed.set(key, armed);
    armed.catch(() => state.armed.delete(key));
  }
  return armed;
}
