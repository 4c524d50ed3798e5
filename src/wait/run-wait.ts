import { ContainerStartError, OperationAbortedError, WaitStrategyError, WaitTimeoutError } from '../errors';
import { createLogger } from '../logger';
import { waitForExit } from './container-events';
import type { ExitInfo } from './container-events';
import { failureDetails } from './failure-details';
import type { WaitStrategy } from './wait-strategy';
import type { WaitTarget } from './wait-target';

const logger = createLogger('berth:wait');

/** How the start pipeline runs a wait. */
export interface RunWaitOptions {
  /** The startup timeout for this start, in ms (the strategy's own, else the container's, else 60000). */
  startupTimeoutMs: number;
  /** Cancels the wait (from `start({ signal })`). */
  signal?: AbortSignal;
  /** When the (re)start began; elapsed time in errors counts from here. */
  startedAt: number;
}

type Outcome =
  | { kind: 'ready' }
  | { kind: 'failed'; error: unknown }
  | { kind: 'died'; exit: ExitInfo }
  | { kind: 'timeout' }
  | { kind: 'aborted' };

const never = new Promise<never>(() => undefined);

/**
 * After the container died, how long the strategy may still settle on what it already received
 * (a log wait whose line and the container's exit arrive together).
 */
const DEATH_GRACE_MS = 300;

/** `promise`, or `fallback` when it has not settled within `ms`. The timer never outlives it. */
async function within<T>(promise: Promise<T>, ms: number, fallback: T): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  try {
    return await Promise.race([promise, new Promise<T>((resolve) => (timer = setTimeout(resolve, ms, fallback)))]);
  } finally {
    clearTimeout(timer);
  }
}

/**
 * Runs a wait strategy against a started container: bounded by the startup timeout (the
 * strategy's own when set, else `options.startupTimeoutMs`, counted from `options.startedAt`),
 * racing the container's death, cancellable. Rejects with `WaitTimeoutError`, `ContainerStartError`
 * (the container exited, or the strategy failed, with its exit code and last 50 log lines) or
 * `OperationAbortedError`. Whatever loses the race is aborted; nothing keeps running.
 */
export async function runWait(strategy: WaitStrategy, target: WaitTarget, options: RunWaitOptions): Promise<void> {
  const description = strategy.describe();
  const subject = `wait for container ${target.id.slice(0, 12)} (${description})`;
  const outer = options.signal;
  if (outer?.aborted) throw new OperationAbortedError(subject, { cause: outer.reason });
  const timeoutMs = strategy.isStartupTimeoutSet() ? strategy.getStartupTimeout() : options.startupTimeoutMs;
  const controller = new AbortController();
  let timer: NodeJS.Timeout | undefined;
  let onAbort: (() => void) | undefined;
  logger.debug(`Waiting for ${description} (timeout ${timeoutMs} ms)`, { containerId: target.id, image: target.image });

  const strategyOutcome = strategy.waitUntilReady(target, controller.signal).then(
    (): Outcome => ({ kind: 'ready' }),
    (error: unknown): Outcome => ({ kind: 'failed', error }),
  );
  const contenders: Promise<Outcome>[] = [
    strategyOutcome,
    new Promise<Outcome>((resolve) => {
      timer = setTimeout(() => resolve({ kind: 'timeout' }), Math.max(0, timeoutMs - (Date.now() - options.startedAt)));
    }),
  ];
  if (outer) {
    contenders.push(
      new Promise<Outcome>((resolve) => {
        onAbort = () => resolve({ kind: 'aborted' });
        outer.addEventListener('abort', onAbort, { once: true });
      }),
    );
  }
  if (strategy.expectsExit?.() !== true) {
    contenders.push(
      waitForExit(target, controller.signal).then(
        (exit): Outcome => ({ kind: 'died', exit }),
        () => never, // the watcher was stopped or could not watch: the other contenders decide
      ),
    );
  }

  let outcome: Outcome;
  try {
    outcome = await Promise.race(contenders);
    if (outcome.kind === 'died') {
      // What the container did before it died may still be on its way (its last log lines):
      // let the strategy settle on it for a moment before reporting the death.
      outcome = await within(strategyOutcome, DEATH_GRACE_MS, outcome);
    }
  } finally {
    clearTimeout(timer);
    if (onAbort) outer?.removeEventListener('abort', onAbort);
    controller.abort(new Error(`${subject} is over`));
  }
  const elapsedMs = Date.now() - options.startedAt;
  switch (outcome.kind) {
    case 'ready':
      logger.debug(`Ready: ${description} after ${elapsedMs} ms`, { containerId: target.id, image: target.image });
      return;
    case 'aborted':
      throw new OperationAbortedError(subject, { cause: outer?.reason });
    case 'timeout':
      throw new WaitTimeoutError(description, elapsedMs, await failureDetails(target));
    case 'died': {
      const details = await failureDetails(target, outcome.exit);
      const how = outcome.exit.oomKilled ? 'was OOM-killed' : 'exited';
      throw new ContainerStartError(`the container ${how} while waiting for ${description}`, details);
    }
    case 'failed':
      throw await strategyFailure(outcome.error, strategy, elapsedMs, target);
  }
}

/** Maps a strategy's own rejection to the error the start reports, with the container's details. */
async function strategyFailure(error: unknown, strategy: WaitStrategy, elapsedMs: number, target: WaitTarget): Promise<Error> {
  const description = strategy.describe();
  if (error instanceof WaitTimeoutError) {
    return new WaitTimeoutError(error.strategy, elapsedMs, await failureDetails(target), { cause: error });
  }
  if (error instanceof ContainerStartError || error instanceof OperationAbortedError) return error;
  const details = await failureDetails(target);
  if (details.exitCode !== undefined && strategy.expectsExit?.() !== true) {
    // e.g. the log stream ended because the container exited: report the exit, not its symptom
    const how = details.oomKilled ? 'was OOM-killed' : 'exited';
    return new ContainerStartError(`the container ${how} while waiting for ${description}`, details, { cause: error });
  }
  const detail =
    error instanceof WaitStrategyError
      ? `${error.strategy}: ${error.detail}`
      : `${description}: ${error instanceof Error ? error.message : String(error)}`;
  return new ContainerStartError(`wait failed: ${detail}`, details, { cause: error });
}
