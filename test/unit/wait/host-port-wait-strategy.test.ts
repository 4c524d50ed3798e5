import { createServer } from 'node:net';
import type { AddressInfo, Server, Socket } from 'node:net';
import { probeTcp } from '../../../src/wait/tcp-probe';
import { Wait } from '../../../src/wait/wait';
import { FakeTarget } from './fake-target';

/** A loopback server; `mode` decides what it does with each connection. */
async function listen(mode: 'hold' | 'close-at-once'): Promise<{ server: Server; port: number; sockets: Set<Socket> }> {
  const sockets = new Set<Socket>();
  const server = createServer((socket) => {
    sockets.add(socket);
    socket.on('close', () => sockets.delete(socket));
    socket.on('error', () => undefined);
    if (mode === 'close-at-once') socket.destroy(); // what docker-proxy does with nothing behind it
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return { server, port: (server.address() as AddressInfo).port, sockets };
}

async function close(s: { server: Server; sockets: Set<Socket> }): Promise<void> {
  for (const socket of s.sockets) socket.destroy();
  await new Promise((r) => s.server.close(r));
}

async function freePort(): Promise<number> {
  const s = await listen('hold');
  await close(s);
  return s.port;
}

const signal = () => new AbortController().signal;

describe('probeTcp', () => {
  it('tells open, proxy-closed and refused apart', async () => {
    const open = await listen('hold');
    const proxy = await listen('close-at-once');
    const refused = await freePort();
    try {
      const opts = { connectTimeoutMs: 1_000, holdMs: 100, signal: signal() };
      await expect(probeTcp('127.0.0.1', open.port, opts)).resolves.toBe('open');
      await expect(probeTcp('127.0.0.1', proxy.port, opts)).resolves.toBe('refused');
      await expect(probeTcp('127.0.0.1', refused, opts)).resolves.toBe('refused');
      // Without the hold, an accepting proxy looks open: the reason for the hold.
      await expect(probeTcp('127.0.0.1', proxy.port, { ...opts, holdMs: 0 })).resolves.toBe('open');
    } finally {
      await close(open);
      await close(proxy);
    }
  });
});

describe('HostPortWaitStrategy', () => {
  it('resolves when every published TCP port listens and skips UDP', async () => {
    const a = await listen('hold');
    const b = await listen('hold');
    try {
      const target = new FakeTarget().withPort(80, a.port).withPort(81, b.port).withPort(53, 1, 'udp');
      await Wait.forListeningPorts().waitUntilReady(target, signal());
    } finally {
      await close(a);
      await close(b);
    }
  });

  it('waits for a port that starts listening later', async () => {
    const port = await freePort();
    const target = new FakeTarget().withPort(6379, port);
    const wait = Wait.forListeningPorts().waitUntilReady(target, signal());
    await new Promise((r) => setTimeout(r, 80));
    const late = createServer((s) => s.on('error', () => undefined));
    await new Promise<void>((resolve) => late.listen(port, '127.0.0.1', resolve));
    try {
      await wait;
    } finally {
      late.close();
    }
  });

  it('never reports ready through a proxy that accepts and closes', async () => {
    const proxy = await listen('close-at-once');
    const controller = new AbortController();
    try {
      const target = new FakeTarget().withPort(8080, proxy.port);
      const wait = Wait.forListeningPorts().waitUntilReady(target, controller.signal);
      setTimeout(() => controller.abort(new Error('gave up')), 600);
      await expect(wait).rejects.toThrow('gave up');
    } finally {
      await close(proxy);
    }
  });

  it('connects to the container address directly on a local engine (bypassing the proxy)', async () => {
    const proxy = await listen('close-at-once');
    const backend = await listen('hold');
    try {
      const target = new FakeTarget().withPort(backend.port, proxy.port);
      target.engineIsLocal = true;
      target.ips = ['127.0.0.1'];
      await Wait.forListeningPorts().waitUntilReady(target, signal());
    } finally {
      await close(proxy);
      await close(backend);
    }
  });

  it('on a local engine, does not pass on the proxy when the container port is closed', async () => {
    const proxy = await listen('hold'); // even a proxy that holds the connection open
    const closed = await freePort();
    const controller = new AbortController();
    try {
      const target = new FakeTarget().withPort(closed, proxy.port);
      target.engineIsLocal = true;
      target.ips = ['127.0.0.1'];
      const wait = Wait.forListeningPorts().waitUntilReady(target, controller.signal);
      setTimeout(() => controller.abort(new Error('gave up')), 300);
      await expect(wait).rejects.toThrow('gave up');
    } finally {
      await close(proxy);
    }
  });

  it('resolves at once without published TCP ports', async () => {
    await Wait.forListeningPorts().waitUntilReady(new FakeTarget(), signal());
  });
});
