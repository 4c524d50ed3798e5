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

/**
 * No Docker (or Podman) engine answered. Lists every place berth tried and why each failed:
 * `Docker engine unavailable: tcp://127.0.0.1:1 (DOCKER_HOST: connection refused: ...)`, or one line
 * per place when several were tried.
 */
export class EngineUnavailableError extends BerthError {
  /** Every place berth looked, in the order it looked, with the reason each failed. */
  readonly attempts: readonly EngineAttempt[];
  constructor(attempts: readonly EngineAttempt[], options: BerthErrorOptions = {}) {
    const hint =
      'Start a Docker engine, or point DOCKER_HOST (or a Docker context, or docker.host in ~/.testcontainers.properties) at one that runs.';
    const [only] = attempts;
    const head =
      attempts.length === 1 && only
        ? `Docker engine unavailable: ${only.address} (${only.source}: ${only.reason})`
        : attempts.length === 0
          ? 'Docker engine unavailable: no place to look (DOCKER_HOST is unset and no engine socket exists)'
          : `Docker engine unavailable: none of ${attempts.length} places answered\n` +
            attempts.map((a) => `  - ${a.source}: ${a.address} (${a.reason})`).join('\n');
    super(`${head}\n${hint}`, options);
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

/**
 * A wait strategy decided the container cannot become ready (health check `unhealthy`, log stream
 * ended before the message, one-shot container exited non-zero, ...). The start pipeline reports it
 * as the `cause` of a {@link ContainerStartError} carrying the exit code and last log lines.
 */
export class WaitStrategyError extends BerthError {
  constructor(
    /** A description of the strategy, e.g. `health check`. */
    readonly strategy: string,
    /** Why it failed. */
    readonly detail: string,
    options: BerthErrorOptions = {},
  ) {
    super(`Wait failed: ${strategy} (${detail})`, options);
  }
}

/** Pushing an image to a registry failed (unauthorized, registry unreachable, no such image, ...). */
export class ImagePushError extends BerthError {
  constructor(
    readonly image: string,
    readonly registry: string,
    readonly engineMessage: string,
    options: BerthErrorOptions = {},
  ) {
    super(`Push failed: ${image} to ${registry} (${engineMessage})`, options);
  }
}

/** A request berth sent to a registry itself (not through the engine), e.g. its catalog, failed. */
export class RegistryRequestError extends BerthError {
  constructor(
    readonly registry: string,
    readonly operation: string,
    readonly detail: string,
    options: BerthErrorOptions = {},
  ) {
    super(`${operation} failed: ${registry} (${detail})`, options);
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
