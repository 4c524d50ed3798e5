import type { Engine } from '../engine/engine';

/**
 * Makes sure this session's cleanup-on-crash is armed before the first resource is created.
 * (Stub: the cleanup issue implements the watchdog.) Idempotent and cheap after the first call.
 */
export async function ensureReaper(_engine: Engine): Promise<void> {
  await Promise.resolve();
}
