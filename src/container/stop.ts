import type { Engine } from '../engine/engine';
import { removeContainer, stopContainer } from '../engine/containers';
import { createLogger } from '../logger';
import { untrackResource } from '../reaper/tracker';
import { forgetContainer } from './registry';
import { StoppedGenericContainer } from './stopped-generic-container';
import type { StopOptions } from './types';

const log = createLogger('berth:container');

/** Removes a container with its anonymous volumes and forgets it. Already gone is fine. */
export async function removeAndForget(engine: Engine, id: string, removeVolumes = true): Promise<void> {
  await removeContainer(engine, id, removeVolumes);
  untrackResource('container', id);
  forgetContainer(id);
}

/**
 * Stops (and by default removes) a started container. `timeout` is in ms, truncated to seconds.
 * A removal without a grace period is one forced remove (it kills the container first, as a stop
 * with timeout 0 would): no separate stop call.
 */
export async function stopStartedContainer(
  engine: Engine,
  id: string,
  closeLogs: () => void,
  options: StopOptions,
): Promise<StoppedGenericContainer> {
  const seconds = Math.max(0, Math.trunc(options.timeout / 1000));
  log.info(`Stopping container (timeout ${seconds} s${options.remove ? ', then removing it' : ''})`, { containerId: id });
  if (!options.remove || seconds > 0) await stopContainer(engine, id, seconds);
  if (options.remove) await removeAndForget(engine, id, options.removeVolumes);
  closeLogs();
  return new StoppedGenericContainer(engine, id);
}
