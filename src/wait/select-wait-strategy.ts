import { HealthCheckWaitStrategy } from './health-check-wait-strategy';
import { HostPortWaitStrategy } from './host-port-wait-strategy';
import type { WaitStrategy } from './wait-strategy';

/** What the default wait selection looks at (API-COMPAT 1.8). */
export interface WaitSelectionInput {
  /** A strategy set with `withWaitStrategy`. */
  explicit?: WaitStrategy;
  /** `withHealthCheck(...)` was configured. */
  containerHealthCheck: boolean;
  /** The image defines a HEALTHCHECK (and it is not `NONE`). */
  imageHealthCheck: boolean;
  /** The health check was explicitly disabled (`NONE`). */
  healthCheckDisabled: boolean;
}

/**
 * Picks the wait strategy for a start, as testcontainers-node 12 does: the explicit one; else the
 * health check when the container has one; else listening ports when the health check was
 * disabled (`NONE`); else the health check when the image has one; else listening ports.
 */
export function selectWaitStrategy(input: WaitSelectionInput): WaitStrategy {
  if (input.explicit) return input.explicit;
  if (input.containerHealthCheck && !input.healthCheckDisabled) return new HealthCheckWaitStrategy();
  if (input.healthCheckDisabled) return new HostPortWaitStrategy();
  if (input.imageHealthCheck) return new HealthCheckWaitStrategy();
  return new HostPortWaitStrategy();
}
