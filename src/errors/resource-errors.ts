import { BerthError, formatValue, type BerthErrorOptions } from './berth-error';

/** A value given to berth is invalid. Thrown before any resource is created. */
export class InvalidArgumentError extends BerthError {
  constructor(
    /** What was invalid, e.g. `port`, `image name`, `bind mount mode`. */
    readonly subject: string,
    /** The value as given. */
    readonly value: unknown,
    /** What is expected or what to do instead. */
    readonly hint: string,
    options: BerthErrorOptions = {},
  ) {
    super(`Invalid ${subject}: ${formatValue(value)} (${hint})`, options);
  }
}

/** An operation was cancelled through its AbortSignal. Anything it created was removed. */
export class OperationAbortedError extends BerthError {
  constructor(
    readonly operation: string,
    options: BerthErrorOptions = {},
  ) {
    super(`Aborted: ${operation}`, options);
  }
}

/** A resource (container, network, volume) is not in a state that allows the operation. */
export class ResourceStateError extends BerthError {
  constructor(
    readonly resource: string,
    readonly detail: string,
    options: BerthErrorOptions = {},
  ) {
    super(`${resource}: ${detail}`, options);
  }
}

/** A backup could not be written, or a restore could not be read or applied. */
export class BackupError extends BerthError {
  constructor(
    readonly subject: string,
    readonly detail: string,
    options: BerthErrorOptions = {},
  ) {
    super(`Backup/restore failed: ${subject} (${detail})`, options);
  }
}

/** A resource could not be created because its name is taken. The existing resource is left untouched. */
export class NameConflictError extends BerthError {
  constructor(
    /** What kind of resource: `volume`, `network`, `container`. */
    readonly kind: string,
    /** The name that is taken. */
    readonly resourceName: string,
    options: BerthErrorOptions = {},
  ) {
    super(`Create ${kind} failed: ${resourceName} (the name is taken by an existing ${kind}; it was left untouched)`, options);
  }
}

/** Cleanup-on-crash could not be armed: the watchdog (or Ryuk) did not answer. Nothing was created. */
export class ReaperError extends BerthError {
  constructor(
    /** The engine (or Ryuk) address the reaper serves. */
    readonly subject: string,
    readonly detail: string,
    options: BerthErrorOptions = {},
  ) {
    super(
      `Cleanup-on-crash failed: ${subject} (${detail}). Set TESTCONTAINERS_RYUK_DISABLED=true to run without it.`,
      options,
    );
  }
}
