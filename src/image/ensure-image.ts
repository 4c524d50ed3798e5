import type { Engine } from '../engine/engine';
import { inspectImage } from '../engine/images';
import { ImagePullError } from '../errors';
import type { ImageName } from './image-name';
import type { ImagePullPolicy } from './pull-policy';

/** How {@link ensureImage} gets an image. */
export interface EnsureImageOptions {
  pullPolicy: ImagePullPolicy;
  platform?: string;
  signal?: AbortSignal;
  /** Bound for the whole pull, in ms. */
  timeoutMs?: number;
}

/**
 * Makes sure `image` is present on the engine, pulling it as the policy says.
 * (Minimal version: the images issue adds pulls with auth, progress and single flight.)
 */
export async function ensureImage(engine: Engine, image: ImageName, options: EnsureImageOptions): Promise<void> {
  const decision = options.pullPolicy.shouldPull();
  if (decision !== true && (await inspectImage(engine, image.string))) return;
  throw new ImagePullError(
    image.string,
    image.registry ?? 'docker.io',
    decision === 'never' ? 'image is not present locally and the pull policy is neverPull' : 'pulling is not implemented yet',
  );
}
