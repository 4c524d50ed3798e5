import { CompositeWaitStrategy } from './composite-wait-strategy';
import { HealthCheckWaitStrategy } from './health-check-wait-strategy';
import { HostPortWaitStrategy } from './host-port-wait-strategy';
import { HttpWaitStrategy } from './http-wait-strategy';
import type { HttpWaitStrategyOptions } from './http-wait-strategy';
import { LogWaitStrategy } from './log-wait-strategy';
import { OneShotStartupCheckStrategy } from './one-shot-startup-check-strategy';
import { ShellWaitStrategy } from './shell-wait-strategy';
import type { WaitStrategy } from './wait-strategy';

/**
 * Factory of the built-in wait strategies (the same names as testcontainers-node). Every strategy
 * defaults to a 60 s startup timeout, changed with `withStartupTimeout(ms)`.
 */
export class Wait {
  private constructor() {}

  /** Every published TCP port accepts connections from the container (no shell needed). */
  static forListeningPorts(): WaitStrategy {
    return new HostPortWaitStrategy();
  }

  /** The container logged a line containing `message` (or matching the RegExp) `times` times. */
  static forLogMessage(message: string | RegExp, times = 1): WaitStrategy {
    return new LogWaitStrategy(message, times);
  }

  /** The container's health check reports `healthy` (fails at once on `unhealthy`). */
  static forHealthCheck(): WaitStrategy {
    return new HealthCheckWaitStrategy();
  }

  /** An HTTP request to `path` on container port `port` succeeds; configure it with the builder. */
  static forHttp(
    path: string,
    port: number,
    options: HttpWaitStrategyOptions = { abortOnContainerExit: false },
  ): HttpWaitStrategy {
    return new HttpWaitStrategy(path, port, options);
  }

  /** `/bin/sh -c <command>` exits 0 in the container. */
  static forSuccessfulCommand(command: string): ShellWaitStrategy {
    return new ShellWaitStrategy(command);
  }

  /** The container runs to completion and exits with code 0. */
  static forOneShotStartup(): WaitStrategy {
    return new OneShotStartupCheckStrategy();
  }

  /** All of the strategies, in parallel. */
  static forAll(waitStrategies: WaitStrategy[]): CompositeWaitStrategy {
    return new CompositeWaitStrategy(waitStrategies);
  }
}
