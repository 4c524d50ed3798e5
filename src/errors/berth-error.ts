/**
 * Every failure berth reports is a subclass of {@link BerthError}: a named class with the
 * subject it concerns (engine address, image, container id, ...) and the underlying `cause`.
 * Messages read "what failed: subject (detail)".
 */

/** Options shared by every berth error. */
export interface BerthErrorOptions {
  /** The error that caused this one, if any. */
  cause?: unknown;
}

/** Base class of every error berth throws. Use `instanceof` or the `is` guards below. */
export class BerthError extends Error {
  constructor(message: string, options: BerthErrorOptions = {}) {
    super(message, options.cause === undefined ? undefined : { cause: options.cause });
    this.name = new.target.name;
  }
}

/** @internal Renders a value for an error message. */
export function formatValue(value: unknown): string {
  if (typeof value === 'string') return JSON.stringify(value);
  try {
    return JSON.stringify(value) ?? String(value);
  } catch {
    return String(value);
  }
}

/** Type guard: is `error` any berth error? */
export function isBerthError(error: unknown): error is BerthError {
  return error instanceof BerthError;
}
