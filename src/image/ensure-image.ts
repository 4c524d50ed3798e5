import { getConfig } from '../config';
import type { Engine } from '../engine/engine';
import { inspectImage } from '../engine/images';
import { ImagePullError, OperationAbortedError } from '../errors';
import { createLogger } from '../logger';
import type { ImageName } from './image-name';
import { pullImage } from './pull-image';
import { withCrossProcessLock, LockTimeoutError } from '../lock/cross-process-lock';
import type { ImagePullPolicy } from './pull-policy';
import { SingleFlight } from './single-flight';

const log = createLogger('berth:pull');

/** How {@link ensureImage} gets an image. */
export interface EnsureImageOptions {
  pullPolicy: ImagePullPolicy;
  platform?: string;
  signal?: AbortSignal;
  /** Bound for the whole pull, in ms (default: the startup timeout). */
  timeoutMs?: number;
}

const flights = new SingleFlight();

function flightKey(engine: Engine, image: ImageName, platform: string | undefined): string {
  return `${engine.endpoint.url}|${image.canonical}|${platform ?? ''}`;
}

/**
 * Makes sure `image` is present on the engine, pulling it as the policy says:
 * `defaultPolicy` pulls only when missing, `alwaysPull` always, `neverPull` never (a missing
 * image rejects with {@link ImagePullError} at once).
 *
 * Single flight: concurrent calls for the same engine, image and platform share one pull in this
 * process (a caller's abort ends its own wait; the pull stops when every caller has aborted), and
 * a lock file in the OS temp folder makes other processes (Jest workers) wait for that pull
 * instead of pulling again.
 */
export async function ensureImage(engine: Engine, image: ImageName, options: EnsureImageOptions): Promise<void> {
  const decision = options.pullPolicy.shouldPull();
  if (decision !== true && (await inspectImage(engine, image.string))) return;
  if (decision === 'never') {
    throw new ImagePullError(image.string, image.effectiveRegistry, 'image is not present locally and the pull policy is neverPull');
  }
  if (image.isImageId) {
    throw new ImagePullError(image.string, image.effectiveRegistry, 'no image has this id, and an id cannot be pulled (use a name)');
  }
  const key = flightKey(engine, image, options.platform);
  const onJoin = (): void => log.debug('Joining a pull already running in this process', { image: image.string });
  await flights.run(key, `pull ${image.string}`, options.signal, (signal) => pullOnce(engine, image, { ...options, signal }, decision === true), onJoin);
}

async function pullOnce(engine: Engine, image: ImageName, options: EnsureImageOptions, always: boolean): Promise<void> {
  const timeoutMs = options.timeoutMs ?? getConfig().startupTimeoutMs;
  const started = Date.now();
  try {
    const lockOptions = { subject: `pull ${image.string}`, timeoutMs, signal: options.signal };
    await withCrossProcessLock(`pull ${flightKey(engine, image, options.platform)}`, lockOptions, async (waited) => {
      // Another process pulled while we waited: its pull was running when we asked, so it counts as
      // ours (as joining a pull in this process does), also for alwaysPull. Without alwaysPull, look
      // again even when we did not wait: another process may have pulled and released the lock
      // between our first look and our taking the lock.
      if ((waited || !always) && (await inspectImage(engine, image.string))) {
        log.debug(`Pulled by another process${always ? ' (alwaysPull satisfied)' : ''}`, { image: image.string });
        return;
      }
      // The bound is the caller's timeout, less the time spent waiting for another process.
      const bound = waited ? Math.max(1, timeoutMs - (Date.now() - started)) : timeoutMs;
      await pullImage(engine, image, { platform: options.platform, signal: options.signal, timeoutMs: bound });
    });
  } catch (error) {
    if (error instanceof LockTimeoutError) {
      throw new ImagePullError(image.string, image.effectiveRegistry, error.message, { cause: error });
    }
    if (options.signal?.aborted && !(error instanceof ImagePullError)) throw new OperationAbortedError(`pull ${image.string}`, { cause: error });
    throw error;
  }
}
