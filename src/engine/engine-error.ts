import { EngineRequestError } from '../errors';

interface DockerodeLikeError {
  statusCode?: number;
  json?: { message?: string } | string | null;
  reason?: string;
  message?: string;
}

/** The engine's own message in a dockerode error, or the transport error's message. */
export function engineMessageOf(error: unknown): string {
  const e = error as DockerodeLikeError;
  if (e && typeof e === 'object') {
    if (e.json && typeof e.json === 'object' && typeof e.json.message === 'string') return e.json.message.trim();
    if (typeof e.json === 'string' && e.json.trim()) return e.json.trim();
    if (typeof e.message === 'string') return e.message.replace(/^\(HTTP code \d+\)\s*[a-z ]*-\s*/i, '').trim();
  }
  return String(error);
}

/** The HTTP status of a dockerode error, if it has one. */
export function statusCodeOf(error: unknown): number | undefined {
  const code = (error as DockerodeLikeError | undefined)?.statusCode;
  return typeof code === 'number' ? code : undefined;
}

/** Wraps an engine failure into {@link EngineRequestError} naming the operation and the engine's message. */
export function toEngineError(operation: string, error: unknown): EngineRequestError {
  if (error instanceof EngineRequestError) return error;
  return new EngineRequestError(operation, statusCodeOf(error), engineMessageOf(error), { cause: error });
}

/** Runs an engine call and converts its failure into {@link EngineRequestError}. */
export async function engineCall<T>(operation: string, call: () => Promise<T>): Promise<T> {
  try {
    return await call();
  } catch (error) {
    throw toEngineError(operation, error);
  }
}

/**
 * Runs an engine call whose failure with one of `statuses` is an expected answer (404 "no such
 * object", 304 "already in that state"): it resolves `undefined` then. Other failures reject
 * with {@link EngineRequestError}.
 */
export async function engineCallUnless<T>(
  operation: string,
  statuses: readonly number[],
  call: () => Promise<T>,
): Promise<T | undefined> {
  try {
    return await call();
  } catch (error) {
    const code = statusCodeOf(error);
    if (code !== undefined && statuses.includes(code)) return undefined;
    throw toEngineError(operation, error);
  }
}
