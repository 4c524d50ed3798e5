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
 * Picks the wait strategy for a start: the explicit one, else the health check when the container
 * or image has one, else listening ports. (Stub: the readiness issue fills in the strategies.)
 */
export function selectWaitStrategy(input: WaitSelectionInput): WaitStrategy {
  if (input.explicit) return input.explicit;
  let timeout = 60_000;
  let set = false;
  const ready: WaitStrategy = {
    waitUntilReady: () => Promise.resolve(),
    withStartupTimeout: (ms) => ((timeout = ms), (set = true), ready),
    isStartupTimeoutSet: () => set,
    getStartupTimeout: () => timeout,
    describe: () => 'no wait (stub)',
  };
  return ready;
}
