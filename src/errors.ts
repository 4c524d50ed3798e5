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

/** One place berth looked for a Docker engine, and why it did not answer. */
export interface EngineAttempt {
  /** Where the candidate came from, e.g. `DOCKER_HOST`, `docker context "x"`, `/var/run/docker.sock`. */
  source: string;
  /** The address tried, e.g. `unix:///var/run/docker.sock` or `tcp://127.0.0.1:2375`. */
  address: string;
  /** Why it failed. */
  reason: string;
}

/** No Docker (or Podman) engine answered. Lists every place berth tried and why each failed. */
export class EngineUnavailableError extends BerthError {
  readonly attempts: readonly EngineAttempt[];
  constructor(attempts: readonly EngineAttempt[], options: BerthErrorOptions = {}) {
    const lines = attempts.length
      ? attempts.map((a) => `  - ${a.source}: ${a.address} (${a.reason})`).join('\n')
      : '  (no candidate address: DOCKER_HOST is unset and no socket exists)';
    super(
      `No Docker engine answered. Tried:\n${lines}\n` +
        'Start a Docker engine (on Debian as root: `bash scripts/testbed.sh up`), or set DOCKER_HOST to one that runs.',
      options,
    );
    this.attempts = attempts;
  }
}

/** The engine answered a request with an error. */
export class EngineRequestError extends BerthError {
  constructor(
    readonly operation: string,
    readonly statusCode: number | undefined,
    readonly engineMessage: string,
    options: BerthErrorOptions = {},
  ) {
    super(`${operation} failed: ${engineMessage}${statusCode ? ` (HTTP ${statusCode})` : ''}`, options);
  }
}

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

/** Pulling an image failed (not found, unauthorized, registry unreachable, or `neverPull` with a missing image). */
export class ImagePullError extends BerthError {
  constructor(
    readonly image: string,
    readonly registry: string,
    readonly engineMessage: string,
    options: BerthErrorOptions = {},
  ) {
    super(`Pull failed: ${image} from ${registry} (${engineMessage})`, options);
  }
}

/** Building an image failed. Names the failing step, its last output lines and its exit code. */
export class ImageBuildError extends BerthError {
  constructor(
    readonly image: string,
    readonly step: string | undefined,
    readonly exitCode: number | undefined,
    readonly outputLines: readonly string[],
    readonly engineMessage: string,
    options: BerthErrorOptions = {},
  ) {
    super(
      `Build failed: ${image}${step ? ` at step "${step}"` : ''}` +
        `${exitCode !== undefined ? ` (exit code ${exitCode})` : ''}: ${engineMessage}` +
        (outputLines.length ? `\nLast output:\n${outputLines.map((l) => `  ${l}`).join('\n')}` : ''),
      options,
    );
  }
}

/** Logging in to a registry, or using credentials with it, failed. */
export class RegistryAuthError extends BerthError {
  constructor(
    readonly registry: string,
    readonly engineMessage: string,
    options: BerthErrorOptions = {},
  ) {
    super(`Registry authentication failed: ${registry} (${engineMessage})`, options);
  }
}

/** What a failed start knew about the container. */
export interface ContainerFailureDetails {
  /** The container id, when a container was created. */
  containerId?: string;
  /** The image the container runs. */
  image: string;
  /** The engine's state name at the time of failure (`exited`, `running`, ...). */
  state?: string;
  /** The exit code, when the container exited. */
  exitCode?: number;
  /** Whether the kernel OOM-killed the container. */
  oomKilled?: boolean;
  /** The container's last log lines (at most 50). */
  logLines?: readonly string[];
}

function describeFailure(d: ContainerFailureDetails): string {
  const parts = [d.containerId ? `container ${d.containerId.slice(0, 12)}` : undefined, `image ${d.image}`];
  if (d.state) parts.push(`state ${d.state}`);
  if (d.exitCode !== undefined) parts.push(`exit code ${d.exitCode}`);
  if (d.oomKilled) parts.push('OOM-killed');
  const logs = d.logLines?.length ? `\nLast log lines:\n${d.logLines.map((l) => `  ${l}`).join('\n')}` : '';
  return `${parts.filter(Boolean).join(', ')}${logs}`;
}

/** A container could not be started, or died while berth waited for it to be ready. */
export class ContainerStartError extends BerthError {
  readonly details: ContainerFailureDetails;
  constructor(reason: string, details: ContainerFailureDetails, options: BerthErrorOptions = {}) {
    super(`Container start failed: ${reason} (${describeFailure(details)})`, options);
    this.details = details;
  }
  get containerId(): string | undefined {
    return this.details.containerId;
  }
  get exitCode(): number | undefined {
    return this.details.exitCode;
  }
  get logLines(): readonly string[] {
    return this.details.logLines ?? [];
  }
}

/** A wait strategy did not see the container become ready within the startup timeout. */
export class WaitTimeoutError extends BerthError {
  readonly details: ContainerFailureDetails;
  constructor(
    /** A description of the strategy, e.g. `log message "Ready"`. */
    readonly strategy: string,
    /** How long berth waited, in milliseconds. */
    readonly elapsedMs: number,
    details: ContainerFailureDetails,
    options: BerthErrorOptions = {},
  ) {
    super(`Wait timed out: ${strategy} not satisfied after ${elapsedMs} ms (${describeFailure(details)})`, options);
    this.details = details;
  }
  get containerId(): string | undefined {
    return this.details.containerId;
  }
  get logLines(): readonly string[] {
    return this.details.logLines ?? [];
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

/** A command run inside a container (e.g. `redis-cli`) failed. */
export class ExecFailedError extends BerthError {
  constructor(
    readonly containerId: string,
    readonly command: readonly string[],
    readonly exitCode: number,
    readonly output: string,
    options: BerthErrorOptions = {},
  ) {
    super(
      `Command failed: ${command.join(' ')} in container ${containerId.slice(0, 12)} (exit code ${exitCode}): ${output.trim().slice(0, 2000)}`,
      options,
    );
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

function formatValue(value: unknown): string {
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
