import { InvalidArgumentError, WaitStrategyError } from '../errors';
import { AbstractWaitStrategy } from './abstract-wait-strategy';
import { throwIfAborted } from './abort';
import type { WaitTarget } from './wait-target';

/**
 * Waits until the container has logged a line matching `message` `times` times since its
 * (re)start. Event-driven: reads the container's shared log stream line by line (a string matches
 * when a line contains it, a RegExp when it tests true), no polling.
 */
export class LogWaitStrategy extends AbstractWaitStrategy {
  constructor(
    private readonly message: string | RegExp,
    private readonly times = 1,
  ) {
    super();
    if (typeof message === 'string' ? message.length === 0 : !(message instanceof RegExp)) {
      throw new InvalidArgumentError('log message', message, 'a non-empty string or a RegExp');
    }
    if (!Number.isInteger(times) || times < 1) {
      throw new InvalidArgumentError('log message count', times, 'a positive integer');
    }
  }

  /** Resolves on the `times`-th matching line; rejects if the log stream ends first. */
  async waitUntilReady(target: WaitTarget, signal: AbortSignal): Promise<void> {
    throwIfAborted(signal);
    let seen = 0;
    for await (const line of target.logLines(signal)) {
      if (this.matches(line.text) && ++seen >= this.times) return;
    }
    throwIfAborted(signal);
    throw new WaitStrategyError(
      this.describe(),
      `log stream ended and message was not received${this.times > 1 ? ` (${seen} of ${this.times} times)` : ''}`,
    );
  }

  /** e.g. `log message "Ready" (2 times)`. */
  describe(): string {
    const what = typeof this.message === 'string' ? JSON.stringify(this.message) : String(this.message);
    return `log message ${what}${this.times > 1 ? ` (${this.times} times)` : ''}`;
  }

  private matches(text: string): boolean {
    if (typeof this.message === 'string') return text.includes(this.message);
    this.message.lastIndex = 0; // g and y flags keep state between test() calls
    return this.message.test(text);
  }
}
