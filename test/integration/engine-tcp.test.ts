import { execFile, spawn, type ChildProcess } from 'node:child_process';
import { once } from 'node:events';
import { createServer, connect, type AddressInfo, type Server, type Socket } from 'node:net';
import path from 'node:path';
import { promisify } from 'node:util';
import { EngineUnavailableError } from 'berth';
import { readConfig, type BerthConfig } from '../../src/config';
import { connectEngine } from '../../src/engine/engine';

const run = promisify(execFile);
const ROOT = path.join(__dirname, '..', '..');
const SOCKET = '/var/run/docker.sock';

function config(env: NodeJS.ProcessEnv): BerthConfig {
  return readConfig(env, {}, '/nonexistent-home');
}

/** A loopback TCP server; `onSocket` decides what each connection does. Closes every socket on close(). */
async function tcpServer(onSocket: (socket: Socket) => void): Promise<{ port: number; close: () => Promise<void> }> {
  const sockets = new Set<Socket>();
  const server: Server = createServer((socket) => {
    sockets.add(socket);
    socket.on('close', () => sockets.delete(socket));
    socket.on('error', () => undefined);
    onSocket(socket);
  });
  server.listen(0, '127.0.0.1');
  await once(server, 'listening');
  return {
    port: (server.address() as AddressInfo).port,
    close: async () => {
      for (const s of sockets) s.destroy();
      server.close();
      await once(server, 'close');
    },
  };
}

describe('engine over TCP (real)', () => {
  it('talks to the engine through tcp://127.0.0.1:<port> (a loopback forwarder to the unix socket)', async () => {
    const forwarder = await tcpServer((client) => {
      const engine = connect(SOCKET);
      engine.on('error', () => client.destroy());
      client.pipe(engine).pipe(client);
      client.on('close', () => engine.destroy());
    });
    try {
      const engine = await connectEngine(config({ DOCKER_HOST: `tcp://127.0.0.1:${forwarder.port}` }));
      expect(engine.endpoint).toMatchObject({ source: 'DOCKER_HOST', url: `tcp://127.0.0.1:${forwarder.port}` });
      expect(engine.host).toBe('127.0.0.1');
      expect(engine.isLocal).toBe(true);
      expect(engine.info.apiVersion).toMatch(/^1\.\d+$/);
      const containers = await engine.api.listContainers({ all: true, limit: 1 });
      expect(Array.isArray(containers)).toBe(true);
    } finally {
      await forwarder.close();
    }
  });

  it('TESTCONTAINERS_HOST_OVERRIDE wins over the engine URL host', async () => {
    const engine = await connectEngine(config({ DOCKER_HOST: `unix://${SOCKET}`, TESTCONTAINERS_HOST_OVERRIDE: 'docker.internal' }));
    expect(engine.host).toBe('docker.internal');
  });

  it('DOCKER_HOST=tcp://127.0.0.1:1: the first engine call fails within 5 s naming the address and the reason', async () => {
    // A fresh process, so the env var goes the way users set it: through process.env and getConfig().
    const script = `
      const { getEngineInfo } = require('./src/index.ts');
      const started = Date.now();
      getEngineInfo().then(
        () => { console.log(JSON.stringify({ ok: true })); },
        (e) => { console.log(JSON.stringify({ ms: Date.now() - started, name: e.name, message: e.message })); },
      );`;
    const { stdout } = await run('npx', ['tsx', '-e', script], {
      cwd: ROOT,
      env: { ...process.env, DOCKER_HOST: 'tcp://127.0.0.1:1' },
      timeout: 60_000,
    });
    const result = JSON.parse(stdout.trim().split('\n').pop() ?? '{}') as { ms: number; name: string; message: string };
    expect(result.name).toBe('EngineUnavailableError');
    expect(result.message).toMatch(/^Docker engine unavailable: tcp:\/\/127\.0\.0\.1:1 \(DOCKER_HOST: connection refused: connect ECONNREFUSED 127\.0\.0\.1:1\)/);
    expect(result.ms).toBeLessThan(5_000);
  });

  it('a server that accepts but never answers is bounded by the engine timeout (plain HTTP and TLS handshake)', async () => {
    const silent = await tcpServer(() => undefined);
    try {
      const started = Date.now();
      const [plain, tls] = await Promise.all([
        connectEngine({ ...config({ DOCKER_HOST: `tcp://127.0.0.1:${silent.port}` }), engineTimeoutMs: 1000 }).catch((e: unknown) => e),
        connectEngine({
          ...config({ DOCKER_HOST: `https://127.0.0.1:${silent.port}` }),
          engineTimeoutMs: 1000,
        }).catch((e: unknown) => e),
      ]);
      expect(Date.now() - started).toBeLessThan(2_500);
      for (const error of [plain, tls]) {
        expect(error).toBeInstanceOf(EngineUnavailableError);
        expect((error as Error).message).toContain('no answer within 1000 ms');
      }
    } finally {
      await silent.close();
    }
  });

  it('a blackholed address (connect never completes) fails within 5 s with the default timeout', async () => {
    // A listener that never accepts, with its accept queue full: the kernel drops further SYNs, so
    // connect() hangs exactly like a firewalled remote host, while all traffic stays on loopback.
    const holder: ChildProcess = spawn(
      'python3',
      [
        '-c',
        [
          'import socket, sys, time',
          's = socket.socket(); s.bind(("127.0.0.1", 0)); s.listen(0)',
          'port = s.getsockname()[1]; fill = []',
          'for _ in range(4):',
          '    c = socket.socket(); c.setblocking(False)',
          '    try: c.connect(("127.0.0.1", port))',
          '    except BlockingIOError: pass',
          '    fill.append(c)',
          'print(port, flush=True)',
          'sys.stdin.read()',
        ].join('\n'),
      ],
      { stdio: ['pipe', 'pipe', 'inherit'] },
    );
    try {
      const [line] = (await once(holder.stdout!, 'data')) as [Buffer];
      const port = Number(line.toString().trim());
      const started = Date.now();
      const error = await connectEngine(config({ DOCKER_HOST: `tcp://127.0.0.1:${port}` })).catch((e: unknown) => e);
      const elapsed = Date.now() - started;
      expect(error).toBeInstanceOf(EngineUnavailableError);
      expect((error as Error).message).toMatch(new RegExp(`tcp://127\\.0\\.0\\.1:${port} \\(DOCKER_HOST: no answer within 4000 ms`));
      expect(elapsed).toBeGreaterThanOrEqual(3_900);
      expect(elapsed).toBeLessThan(5_000);
    } finally {
      holder.stdin!.end();
      holder.kill();
      if (holder.exitCode === null) await once(holder, 'exit');
    }
  });
});
