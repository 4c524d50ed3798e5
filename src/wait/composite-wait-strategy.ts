import { InvalidArgumentError, WaitTimeoutError } from '../errors';
import { AbstractWaitStrategy } from './abstract-wait-strategy';
import { childController } from './abort';
import type { WaitStrategy } from './wait-strategy';
import type { WaitTarget } from './wait-target';

/**
 * Runs several strategies in parallel and resolves when all are satisfied; the first failure
 * stops the others. `withStartupTimeout` passes to children without their own timeout;
 * `withDeadline` bounds the whole composite.
 */
export class CompositeWaitStrategy extends AbstractWaitStrategy {
  private deadlineMs: number | undefined;

  constructor(private readonly waitStrategies: readonly WaitStrategy[]) {
    super();
    if (!Array.isArray(waitStrategies) || waitStrategies.length === 0) {
      throw new InvalidArgumentError('wait strategies', waitStrategies, 'at least one wait strategy');
    }
  }

  /** Sets this timeout, and passes it to each child that has no timeout of its own. */
  override withStartupTimeout(startupTimeoutMs: number): this {
    super.withStartupTimeout(startupTimeoutMs);
    for (const child of this.waitStrategies) {
      if (!child.isStartupTimeoutSet()) child.withStartupTimeout(startupTimeoutMs);
    }
    return this;
  }

  /** Fails the whole wait when it has not completed within `deadlineMs`. */
  withDeadline(deadlineMs: number): this {
    if (!Number.isFinite(deadlineMs) || deadlineMs <= 0) {
      throw new InvalidArgumentError('wait deadline', deadlineMs, 'a positive number of milliseconds');
    }
    this.deadlineMs = deadlineMs;
    return this;
  }

  /** Resolves when every child is ready; rejects with the first child failure or at the deadline. */
  async waitUntilReady(target: WaitTarget, signal: AbortSignal): Promise<void> {
    const { controller, dispose } = childController(signal);
    const started = Date.now();
    let deadline: NodeJS.Timeout | undefined;
    const deadlinePassed = new Promise<never>((_, reject) => {
      if (this.deadlineMs === undefined) return;
      deadline = setTimeout(
        () => reject(new WaitTimeoutError(this.describe(), Date.now() - started, { image: target.image, containerId: target.id })),
        this.deadlineMs,
      );
    });
    try {
      await Promise.race([
        Promise.all(this.waitStrategies.map((child) => this.runChild(child, target, controller.signal))),
        deadlinePassed,
      ]);
    } finally {
      if (deadline) clearTimeout(deadline);
      controller.abort();
      dispose();
    }
  }

  /** e.g. `all of [log message "Ready", listening ports]`. */
  describe(): string {
    return `all of [${this.waitStrategies.map((child) => child.describe()).join(', ')}]`;
  }

  /** True when any child waits for the container to exit. */
  expectsExit(): boolean {
    return this.waitStrategies.some((child) => child.expectsExit?.() === true);
  }

  private async runChild(child: WaitStrategy, target: WaitTarget, signal: AbortSignal): Promise<void> {
    // A child timeout shorter than the composite's is enforced here; the runner enforces the rest.
    if (!child.isStartupTimeoutSet() || child.getStartupTimeout() >= this.getStartupTimeout()) {
      return child.waitUntilReady(target, signal);
    }
    const started = Date.now();
    let timer: NodeJS.Timeout | undefined;
    const timedOut = new Promise<never>((_, reject) => {
      timer = setTimeout(
        () => reject(new WaitTimeoutError(child.describe(), Date.now() - started, { image: target.image, containerId: target.id })),
        child.getStartupTimeout(),
      );
    });
    try {
      await Promise.race([child.waitUntilReady(target, signal), timedOut]);
    } finally {
      clearTimeout(timer);
    }
  }
}
