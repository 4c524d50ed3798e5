import { BerthError, type BerthErrorOptions } from './berth-error';

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
