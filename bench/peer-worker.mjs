// The testcontainers-node contender of bench/startup.ts, run in its own process (Node 22, as
// testcontainers 12.1+ requires) from bench/.peer. Reads one JSON request per stdin line
// ({ id, scenario }), answers one JSON line ({ id, ms } or { id, error }) on stdout.
import { createRequire } from 'node:module';
import { Socket } from 'node:net';
import { join } from 'node:path';
import { createInterface } from 'node:readline';

const peerDir = process.argv[2];
const require = createRequire(join(peerDir, 'package.json'));
const { GenericContainer, Wait } = require('testcontainers');
const version = require('testcontainers/package.json').version;

function pingOnce(host, port) {
  return new Promise((resolve) => {
    const socket = new Socket();
    let reply = '';
    const done = (ok) => {
      clearTimeout(timer);
      socket.removeAllListeners();
      socket.on('error', () => undefined);
      socket.destroy();
      resolve(ok);
    };
    const timer = setTimeout(() => done(false), 1000);
    socket.once('error', () => done(false));
    socket.once('close', () => done(false));
    socket.on('data', (chunk) => {
      reply += chunk.toString('latin1');
      if (reply.includes('\r\n')) done(reply.startsWith('+PONG'));
    });
    socket.connect({ host, port }, () => socket.write('PING\r\n'));
  });
}

async function pingUntilPong(host, port) {
  const end = Date.now() + 30000;
  while (Date.now() < end) {
    if (await pingOnce(host, port)) return;
    await new Promise((r) => setTimeout(r, 5));
  }
  throw new Error('no PONG');
}

async function redis(count) {
  const started = [];
  try {
    const t0 = performance.now();
    await Promise.all(
      Array.from({ length: count }, async () => {
        const c = await new GenericContainer('redis:7').withExposedPorts(6379).start();
        started.push(c);
        await pingUntilPong(c.getHost(), c.getMappedPort(6379));
      }),
    );
    return performance.now() - t0;
  } finally {
    await Promise.all(started.map((c) => c.stop({ timeout: 0 }).catch(() => undefined)));
  }
}

async function echo() {
  const t0 = performance.now();
  const c = await new GenericContainer('debian:bookworm')
    .withCommand(['echo', 'hello'])
    .withWaitStrategy(Wait.forOneShotStartup())
    .start();
  const ms = performance.now() - t0;
  await c.stop({ timeout: 0 }).catch(() => undefined);
  return ms;
}

const scenarios = { redis: () => redis(1), redis10: () => redis(10), echo };
process.stdout.write(`${JSON.stringify({ ready: true, version, node: process.version })}\n`);
for await (const line of createInterface({ input: process.stdin })) {
  const { id, scenario } = JSON.parse(line);
  try {
    const ms = await scenarios[scenario]();
    process.stdout.write(`${JSON.stringify({ id, ms })}\n`);
  } catch (error) {
    process.stdout.write(`${JSON.stringify({ id, error: String(error?.message ?? error) })}\n`);
  }
}
