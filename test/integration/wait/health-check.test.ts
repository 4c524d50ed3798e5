// forHealthCheck() and the default selection: event-driven health, fail fast on unhealthy.
import { ContainerStartError, GenericContainer, Wait } from 'berth';
import { containersWith, removeAll, testLabel } from './helpers';

const label = testLabel('health');
afterAll(() => removeAll(label));

describe('Wait.forHealthCheck()', () => {
  it("is the default for an image with a HEALTHCHECK and resolves once it is healthy", async () => {
    await using web = await new GenericContainer('berth-fixtures/http-server:healthy')
      .withExposedPorts(8080)
      .withLabels(label)
      .start();
    expect((await web.inspect()).healthCheckStatus).toBe('healthy');
  });

  it('fails at once on unhealthy (not at the timeout), with the probe output', async () => {
    const started = Date.now();
    const error = await new GenericContainer('berth-fixtures/http-server:unhealthy')
      .withExposedPorts(8080)
      .withLabels(label)
      .withStartupTimeout(60_000)
      .start()
      .catch((e: unknown) => e);
    expect(Date.now() - started).toBeLessThan(15_000);
    expect(error).toBeInstanceOf(ContainerStartError);
    expect((error as ContainerStartError).message).toContain('wait failed: health check: unhealthy');
    expect(await containersWith(label)).toEqual([]);
  });

  it('uses a health check configured on the container', async () => {
    await using redis = await new GenericContainer('redis:7')
      .withLabels(label)
      .withHealthCheck({ test: ['CMD', 'redis-cli', 'ping'], interval: 200, timeout: 1_000, retries: 5 })
      .start();
    expect(redis.getId()).toBeTruthy();
  });

  it('fails at once when the container has no health check', async () => {
    const error = await new GenericContainer('berth-fixtures/http-server:1')
      .withLabels(label)
      .withWaitStrategy(Wait.forHealthCheck())
      .start()
      .catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ContainerStartError);
    expect((error as Error).message).toContain('the container has no health check');
  });
});
