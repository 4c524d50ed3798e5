// forHttp(): status, predicates, method, headers, basic auth, read timeout, HTTPS, abortOnContainerExit.
import { ContainerStartError, GenericContainer, Wait, WaitTimeoutError } from 'berth';
import type { HttpWaitStrategy, StartedTestContainer } from 'berth';
import { runWait } from '../../../src/wait/run-wait';
import type { FakeTarget } from '../../unit/wait/fake-target';
import { containersWith, remoteView, removeAll, testLabel } from './helpers';

const label = testLabel('http');
let web: StartedTestContainer;
let view: FakeTarget; // the running fixture, reached through its published ports

beforeAll(async () => {
  // Started with the HTTPS wait: self-signed certificate, accepted with allowInsecure().
  web = await new GenericContainer('berth-fixtures/http-server:1')
    .withExposedPorts(8080, 8443)
    .withEnvironment({ STARTUP_DELAY_MS: '300' })
    .withLabels(label)
    .withWaitStrategy(Wait.forHttp('/hello', 8443).usingTls().allowInsecure())
    .start();
  view = remoteView(web, [{ containerPort: 8080 }, { containerPort: 8443 }]);
});
afterAll(async () => {
  await web?.stop();
  await removeAll(label);
});

const passes = (strategy: HttpWaitStrategy) => runWait(strategy, view, { startupTimeoutMs: 5_000, startedAt: Date.now() });
const timesOut = async (strategy: HttpWaitStrategy) => {
  const error = await runWait(strategy, view, { startupTimeoutMs: 800, startedAt: Date.now() }).catch((e: unknown) => e);
  expect(error).toBeInstanceOf(WaitTimeoutError);
  return error as WaitTimeoutError;
};

describe('Wait.forHttp()', () => {
  it('defaults to 2xx; a bad status times out with the strategy named', async () => {
    await passes(Wait.forHttp('/status/204', 8080));
    const error = await timesOut(Wait.forHttp('/status/500', 8080));
    expect(error.strategy).toBe('HTTP GET /status/500 on port 8080');
  });

  it('forStatusCode, forStatusCodeMatching, forResponsePredicate', async () => {
    await passes(Wait.forHttp('/status/404', 8080).forStatusCode(404));
    await passes(Wait.forHttp('/status/418', 8080).forStatusCodeMatching((code) => code >= 400 && code < 500));
    await passes(Wait.forHttp('/hello', 8080).forResponsePredicate((body) => body.includes('hello world')));
    await timesOut(Wait.forHttp('/hello', 8080).forStatusCode(200).forResponsePredicate((body) => body.includes('goodbye')));
  });

  it('sends POST, headers and basic credentials', async () => {
    await passes(Wait.forHttp('/echo', 8080).withMethod('POST'));
    await passes(
      Wait.forHttp('/headers', 8080)
        .withHeaders({ 'X-Berth': 'yes' })
        .forResponsePredicate((body) => (JSON.parse(body) as Record<string, string>)['x-berth'] === 'yes'),
    );
    await passes(Wait.forHttp('/auth', 8080).withBasicCredentials('user', 'password'));
    await timesOut(Wait.forHttp('/auth', 8080).withBasicCredentials('user', 'wrong'));
  });

  it('honours the read timeout', async () => {
    await timesOut(Wait.forHttp('/delay?ms=600', 8080).withReadTimeout(200));
    await passes(Wait.forHttp('/delay?ms=300', 8080).withReadTimeout(2_000));
  });

  it('rejects a self-signed certificate unless allowInsecure()', async () => {
    await timesOut(Wait.forHttp('/hello', 8443).usingTls());
    await passes(Wait.forHttp('/hello', 8443).usingTls().allowInsecure());
  });

  it('fails fast when the container exits during the wait (abortOnContainerExit), with exit code and logs', async () => {
    const started = Date.now();
    const error = await new GenericContainer('berth-fixtures/http-server:1')
      .withCommand(['sh', '-c', 'echo "cannot bind" >&2; sleep 0.5; exit 3'])
      .withExposedPorts(8080)
      .withLabels(label)
      .withWaitStrategy(Wait.forHttp('/hello', 8080, { abortOnContainerExit: true }))
      .start()
      .catch((e: unknown) => e);
    expect(Date.now() - started).toBeLessThan(10_000);
    expect(error).toBeInstanceOf(ContainerStartError);
    expect((error as ContainerStartError).exitCode).toBe(3);
    expect((error as ContainerStartError).logLines).toEqual(['cannot bind']);
    expect(await containersWith(label)).toEqual([web.getId()]);
  });
});
