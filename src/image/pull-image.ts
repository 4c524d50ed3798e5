import type { Engine } from '../engine/engine';
import { pullImageStream, TransferError } from '../engine/registry';
import { ImagePullError, OperationAbortedError } from '../errors';
import type { ImageName } from './image-name';
import { progressMode, TransferProgress } from './pull-progress';
import { getRegistryAuth } from './registry-auth';

/** Options of {@link pullImage}. */
export interface PullOptions {
  platform?: string;
  signal?: AbortSignal;
  timeoutMs?: number;
}

/**
 * Pulls one image with the registry's credentials, showing progress. Every failure (an error in
 * the engine's progress stream, a refused request, a timeout) rejects with {@link ImagePullError}
 * carrying the engine's message; an abort rejects with {@link OperationAbortedError}.
 */
export async function pullImage(engine: Engine, image: ImageName, options: PullOptions = {}): Promise<void> {
  const registry = image.effectiveRegistry;
  const auth = image.isImageId ? undefined : await getRegistryAuth(registry);
  const progress = new TransferProgress(image.string, progressMode());
  let ok = false;
  try {
    await pullImageStream(engine, image.repository, image.digest ?? image.tag, {
      auth,
      platform: options.platform,
      signal: options.signal,
      timeoutMs: options.timeoutMs,
      onEvent: (event) => progress.onEvent(event),
    });
    ok = true;
  } catch (error) {
    if (error instanceof TransferError && error.kind === 'aborted') {
      throw new OperationAbortedError(`pull ${image.string}`, { cause: error });
    }
    const message = error instanceof Error ? error.message : String(error);
    throw new ImagePullError(image.string, registry, message, { cause: error });
  } finally {
    progress.finish(ok);
  }
}
