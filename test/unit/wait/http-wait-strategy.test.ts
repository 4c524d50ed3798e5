import { createServer } from 'node:http';
import type { AddressInfo, Socket } from 'node:net';
import type { Server } from 'node:http';
import { InvalidArgumentError, WaitStrategyError } from '../../../src/errors';
import { Wait } from '../../../src/wait/wait';
import { FakeTarget } from './fake-target';

let server: Server;
let target: FakeTarget;
const requests: { method: string; url: string; headers: Record<string, unknown> }[] = [];
let hits = 0;
const sockets = new Set<Socket>();

beforeAll(async () => {
  server = createServer((req, res) => {
    requests.push({ method: req.method ?? '', url: req.url ?? '', headers: req.headers });
    hits += 1;
    const status = /^\/status\/(\d+)/.exec(req.url ?? '');
    if (status) return res.writeHead(Number(status[1])).end(`status ${status[1]}`);
    if (req.url === '/warmup') return res.writeHead(hits % 3 === 0 ? 200 : 503).end('warming');
    if (req.url === '/slow') return void setTimeout(() => res.writeHead(200).end('late'), 300);
    if (req.url === '/auth') {
      const ok = req.headers.authorization === `Basic ${Buffer.from('user:password').toString('base64')}`;
      return res.writeHead(ok ? 200 : 401).end(ok ? 'welcome' : 'denied');
    }
    res.writeHead(200).end('{"status":"UP"}');
  });
  server.on('connection', (s) => (sockets.add(s), s.on('close', () => sockets.delete(s))));
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  target = new FakeTarget().withPort(8080, (server.address() as AddressInfo).port);
});
afterAll(async () => {
  for (const s of sockets) s.destroy();
  await new Promise((r) => server.close(r));
});
beforeEach(() => {
  requests.length = 0;
  hits = 0;
});

const signal = () => new AbortController().signal;
const failsWithin = async (strategy: ReturnType<typeof Wait.forHttp>, ms: number) => {
  const controller = new AbortController();
  setTimeout(() => controller.abort(new Error('gave up')), ms);
  await expect(strategy.waitUntilReady(target, controller.signal)).rejects.toThrow('gave up');
};

describe('HttpWaitStrategy', () => {
  it('accepts 2xx by default and retries until then', async () => {
    await Wait.forHttp('/warmup', 8080).waitUntilReady(target, signal());
    expect(hits).toBe(3);
  });

  it('keeps polling on a bad status', async () => {
    await failsWithin(Wait.forHttp('/status/500', 8080), 150);
    expect(hits).toBeGreaterThan(1);
  });

  it('forStatusCode accepts the listed codes only', async () => {
    await Wait.forHttp('/status/404', 8080).forStatusCode(200).forStatusCode(404).waitUntilReady(target, signal());
    await failsWithin(Wait.forHttp('/status/200', 8080).forStatusCode(204), 100);
  });

  it('forStatusCodeMatching and forResponsePredicate', async () => {
    await Wait.forHttp('/status/418', 8080).forStatusCodeMatching((s) => s === 418).waitUntilReady(target, signal());
    // A response predicate alone replaces the 2xx default
    await Wait.forHttp('/status/503', 8080).forResponsePredicate((b) => b === 'status 503').waitUntilReady(target, signal());
    // Status and body predicates are both required
    await failsWithin(Wait.forHttp('/', 8080).forStatusCode(200).forResponsePredicate((b) => b.includes('DOWN')), 100);
    await Wait.forHttp('/', 8080).forStatusCode(200).forResponsePredicate((b) => b.includes('UP')).waitUntilReady(target, signal());
  });

  it('sends the method, headers and basic credentials', async () => {
    await Wait.forHttp('/auth', 8080)
      .withMethod('post')
      .withHeaders({ 'X-One': '1' })
      .withHeaders({ 'X-Two': '2' })
      .withBasicCredentials('user', 'password')
      .waitUntilReady(target, signal());
    expect(requests[0]).toMatchObject({ method: 'POST', headers: { 'x-one': '1', 'x-two': '2' } });
    await failsWithin(Wait.forHttp('/auth', 8080).withBasicCredentials('user', 'wrong'), 100);
  });

  it('honours the read timeout', async () => {
    await failsWithin(Wait.forHttp('/slow', 8080).withReadTimeout(100), 450);
    await Wait.forHttp('/slow', 8080).withReadTimeout(1_000).waitUntilReady(target, signal());
  });

  it('abortOnContainerExit fails when the container exited', async () => {
    const dead = new FakeTarget().withPort(8080, 1);
    dead.setState({ status: 'exited', running: false, exitCode: 1 });
    await expect(
      Wait.forHttp('/', 8080, { abortOnContainerExit: true }).waitUntilReady(dead, signal()),
    ).rejects.toBeInstanceOf(WaitStrategyError);
  });

  it('validates its arguments', () => {
    expect(() => Wait.forHttp('health', 8080)).toThrow(InvalidArgumentError);
    expect(() => Wait.forHttp('/', 0)).toThrow(InvalidArgumentError);
    expect(() => Wait.forHttp('/', 80).withReadTimeout(0)).toThrow(InvalidArgumentError);
    expect(Wait.forHttp('/health', 8443).usingTls().describe()).toBe('HTTPS GET /health on port 8443');
  });
});

describe('HttpWaitStrategy on a port the container does not publish', () => {
  it('fails at once instead of retrying until the startup timeout', async () => {
    const unpublished = new FakeTarget();
    const started = Date.now();
    await expect(Wait.forHttp('/health', 9999).waitUntilReady(unpublished, new AbortController().signal)).rejects.toThrow(
      /9999/,
    );
    expect(Date.now() - started).toBeLessThan(500);
  });
});
