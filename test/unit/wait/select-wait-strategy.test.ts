import { InvalidArgumentError } from '../../../src/errors';
import { HealthCheckWaitStrategy } from '../../../src/wait/health-check-wait-strategy';
import { HostPortWaitStrategy } from '../../../src/wait/host-port-wait-strategy';
import { selectWaitStrategy } from '../../../src/wait/select-wait-strategy';
import { DEFAULT_STARTUP_TIMEOUT_MS } from '../../../src/wait/wait-strategy';
import { Wait } from '../../../src/wait/wait';

const none = { containerHealthCheck: false, imageHealthCheck: false, healthCheckDisabled: false };

describe('selectWaitStrategy (API-COMPAT 1.8)', () => {
  it.each([
    ['nothing configured', none, HostPortWaitStrategy],
    ['container health check', { ...none, containerHealthCheck: true }, HealthCheckWaitStrategy],
    ['image health check', { ...none, imageHealthCheck: true }, HealthCheckWaitStrategy],
    ['image health check disabled (NONE)', { ...none, imageHealthCheck: true, healthCheckDisabled: true }, HostPortWaitStrategy],
    ['both health checks', { ...none, imageHealthCheck: true, containerHealthCheck: true }, HealthCheckWaitStrategy],
  ])('%s', (_name, input, expected) => {
    expect(selectWaitStrategy(input)).toBeInstanceOf(expected);
  });

  it('prefers the explicit strategy', () => {
    const explicit = Wait.forLogMessage('x');
    expect(selectWaitStrategy({ ...none, containerHealthCheck: true, explicit })).toBe(explicit);
  });
});

describe('AbstractWaitStrategy timeouts', () => {
  it('defaults to 60 s and records an explicit timeout', () => {
    const strategy = Wait.forListeningPorts();
    expect([strategy.getStartupTimeout(), strategy.isStartupTimeoutSet()]).toEqual([DEFAULT_STARTUP_TIMEOUT_MS, false]);
    expect(strategy.withStartupTimeout(1_234)).toBe(strategy);
    expect([strategy.getStartupTimeout(), strategy.isStartupTimeoutSet()]).toEqual([1_234, true]);
    expect(() => strategy.withStartupTimeout(-1)).toThrow(InvalidArgumentError);
  });
});
