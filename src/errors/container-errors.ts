import { BerthError, type BerthErrorOptions } from './berth-error';

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
