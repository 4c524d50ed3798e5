import { InvalidArgumentError } from '../errors';
import { createLogger } from '../logger';
import { AbstractWaitStrategy } from './abstract-wait-strategy';
import { pollInterval, sleep, throwIfAborted } from './abort';
import type { WaitTarget } from './wait-target';

const logger = createLogger('berth:wait');

/**
 * Waits until `/bin/sh -c <command>` run in the container exits with code 0 (the image needs a
 * shell). Polled: every 50 ms for the first 5 s, then every 100 ms.
 */
export class ShellWaitStrategy extends AbstractWaitStrategy {
  constructor(private readonly command: string) {
    super();
    if (typeof command !== 'string' || command.trim() === '') {
      throw new InvalidArgumentError('wait command', command, 'a non-empty shell command');
    }
  }

  /** Resolves on the first successful run of the command. */
  async waitUntilReady(target: WaitTarget, signal: AbortSignal): Promise<void> {
    const started = Date.now();
    let lastOutput: string | undefined;
    for (;;) {
      throwIfAborted(signal);
      const result = await target.exec(['/bin/sh', '-c', this.command], signal);
      if (result.exitCode === 0) return;
      if (result.output !== lastOutput) {
        lastOutput = result.output;
        logger.trace(`${this.describe()}: exit code ${result.exitCode}: ${result.output.trim()}`, {
          containerId: target.id,
        });
      }
      await sleep(Math.max(50, pollInterval(Date.now() - started)), signal);
    }
  }

  /** e.g. `shell command "redis-cli ping"`. */
  describe(): string {
    return `shell command ${JSON.stringify(this.command)}`;
  }
}
