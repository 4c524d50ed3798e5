// forListeningPorts(): shell-free, and never fooled by the engine's port proxy.
import { GenericContainer, Wait, WaitTimeoutError } from 'berth';
import type { StartedTestContainer } from 'berth';
import { runWait } from '../../../src/wait/run-wait';
import { probeTcp } from '../../../src/wait/tcp-probe';
import { containersWith, remoteView, removeAll, testLabel } from './helpers';

const label = testLabel('ports');
let idle: StartedTestContainer; // exposes 6000 where nothing listens

beforeAll(async () => {
  idle = await new GenericContainer('debian:bookworm')
    .withCommand(['sh', '-c', 'echo up; exec sleep infinity'])
    .withExposedPorts(6000)
    .withLabels(label)
    .withWaitStrategy(Wait.forLogMessage('up'))
    .start();
});
afterAll(async () => {
  await idle?.stop();
  await removeAll(label);
});

describe('Wait.forListeningPorts()', () => {
  it('passes on an image without a shell (FROM scratch, static busybox httpd)', async () => {
    await using web = await new GenericContainer('berth-fixtures/scratch-listener:1')
      .withExposedPorts(8080)
      .withLabels(label)
      .withWaitStrategy(Wait.forListeningPorts().withStartupTimeout(20_000))
      .start();
    const response = await fetch(`http://${web.getHost()}:${web.getMappedPort(8080)}/`);
    expect(response.status).toBe(200);
  });

  it('is the default wait and waits until every port really listens (delayed server)', async () => {
    const started = Date.now();
    await using web = await new GenericContainer('berth-fixtures/http-server:1')
      .withExposedPorts(8080, 8443)
      .withEnvironment({ STARTUP_DELAY_MS: '1500' })
      .withLabels(label)
      .start();
    expect(Date.now() - started).toBeGreaterThanOrEqual(1_500);
    const response = await fetch(`http://${web.getHost()}:${web.getMappedPort(8080)}/hello`);
    expect(await response.text()).toContain('hello');
  });

  it('does not pass on a published port nothing listens on (local engine: direct to the container)', async () => {
    const error = await new GenericContainer('debian:bookworm')
      .withCommand(['sleep', 'infinity'])
      .withExposedPorts(6000)
      .withLabels(label)
      .withWaitStrategy(Wait.forListeningPorts().withStartupTimeout(1_500))
      .start()
      .catch((e: unknown) => e);
    expect(error).toBeInstanceOf(WaitTimeoutError);
    expect((error as WaitTimeoutError).message).toContain('listening ports not satisfied after');
    expect(await containersWith(label)).toEqual([idle.getId()]);
  });

  it('the port proxy does accept connections to such a port (what a naive check would trust)', async () => {
    const port = idle.getMappedPort(6000);
    const signal = new AbortController().signal;
    await expect(probeTcp(idle.getHost(), port, { connectTimeoutMs: 1_000, holdMs: 0, signal })).resolves.toBe('open');
    await expect(probeTcp(idle.getHost(), port, { connectTimeoutMs: 1_000, holdMs: 150, signal })).resolves.toBe('refused');
  });

  it('through the proxy only (remote engine): not ready while nothing listens, ready once it does', async () => {
    const target = remoteView(idle, [{ containerPort: 6000 }]);
    const wait = Wait.forListeningPorts().withStartupTimeout(1_200);
    await expect(runWait(wait, target, { startupTimeoutMs: 1_200, startedAt: Date.now() })).rejects.toBeInstanceOf(WaitTimeoutError);

    await using redis = await new GenericContainer('redis:7').withExposedPorts(6379).withLabels(label).start();
    const viaProxy = remoteView(redis, [{ containerPort: 6379 }]);
    await runWait(Wait.forListeningPorts(), viaProxy, { startupTimeoutMs: 5_000, startedAt: Date.now() });
  });
});
