import { EngineRequestError, ResourceStateError } from '../errors';
import { untrackResource, type TrackedResource } from './tracker';

/**
 * Memoizes an idempotent removal (`stop()`, `remove()`, `await using`): concurrent and later calls
 * share the first call's promise; a call that failed is forgotten, so the removal may be retried.
 */
export class RemoveOnce<T> {
  private running: Promise<T> | undefined;

  constructor(private readonly work: () => Promise<T>) {}

  /** Runs the removal, or joins the one running or done. */
  run(): Promise<T> {
    if (!this.running) {
      const running = this.work();
      running.catch(() => {
        if (this.running === running) this.running = undefined;
      });
      this.running = running;
    }
    return this.running;
  }
}

/**
 * Removes a network or volume through `remove` and forgets it in the leak tracker. The engine's
 * "in use" answers (409, and 403 for a network with active endpoints) become
 * {@link ResourceStateError} naming the resource and `inUse` (what to remove first).
 */
export async function removeTracked(
  kind: Extract<TrackedResource['kind'], 'network' | 'volume'>,
  id: string,
  name: string,
  inUse: string,
  remove: () => Promise<void>,
): Promise<void> {
  try {
    await remove();
  } catch (error) {
    if (error instanceof EngineRequestError && (error.statusCode === 409 || (kind === 'network' && error.statusCode === 403))) {
      throw new ResourceStateError(`${kind} ${name}`, `cannot be removed while ${inUse} (${error.engineMessage})`, { cause: error });
    }
    throw error;
  }
  untrackResource(kind, id);
}
