// The floor (raw Engine API through dockerode) and berth's contenders of bench/startup.ts.
import type Dockerode from 'dockerode';
import { GenericContainer, Wait } from 'berth';
import type { StartedTestContainer, WaitStrategy } from 'berth';
import { pingUntilPong } from './redis-ping';

/** Labels every container the bench starts, so leftovers can be found. */
export const BENCH_LABEL = { 'berth.bench': 'startup' };

/** Floor: create, start, inspect for the port, PING until +PONG. Resolves the elapsed ms. */
export async function floorRedis(docker: Dockerode, count: number): Promise<number> {
  const containers: Dockerode.Container[] = [];
  try {
    const t0 = performance.now();
    await Promise.all(
      Array.from({ length: count }, async () => {
        const container = await docker.createContainer({
          Image: 'redis:7',
          Labels: BENCH_LABEL,
          ExposedPorts: { '6379/tcp': {} },
          HostConfig: { PortBindings: { '6379/tcp': [{ HostIp: '127.0.0.1', HostPort: '' }] } },
        });
        containers.push(container);
        await container.start();
        const inspect = await container.inspect();
        const port = Number(inspect.NetworkSettings.Ports['6379/tcp']?.[0]?.HostPort);
        await pingUntilPong('127.0.0.1', port);
      }),
    );
    return performance.now() - t0;
  } finally {
    await Promise.all(containers.map((c) => c.remove({ force: true, v: true }).catch(() => undefined)));
  }
}

/**
 * Floor: create, then what `docker run` does: register a wait for the NEXT exit before start, start,
 * and block until the echo exits 0. (The default `not-running` condition would answer at once for a
 * created container, before it ever ran, and measure create+start only.)
 */
export async function floorEcho(docker: Dockerode): Promise<number> {
  const t0 = performance.now();
  const container = await docker.createContainer({ Image: 'debian:bookworm', Cmd: ['echo', 'hello'], Labels: BENCH_LABEL });
  try {
    const exited = container.wait({ condition: 'next-exit' }) as Promise<{ StatusCode: number }>;
    await container.start();
    const { StatusCode } = await exited;
    if (StatusCode !== 0) throw new Error(`echo exited ${StatusCode}`);
    return performance.now() - t0;
  } finally {
    await container.remove({ force: true, v: true }).catch(() => undefined);
  }
}

/** berth: start `count` Redis containers with `wait` (undefined: the default), PING each. */
export async function berthRedis(count: number, wait?: () => WaitStrategy): Promise<number> {
  const started: StartedTestContainer[] = [];
  try {
    const t0 = performance.now();
    await Promise.all(
      Array.from({ length: count }, async () => {
        const builder = new GenericContainer('redis:7').withExposedPorts(6379).withLabels(BENCH_LABEL);
        const container = await (wait ? builder.withWaitStrategy(wait()) : builder).start();
        started.push(container);
        await pingUntilPong(container.getHost(), container.getMappedPort(6379));
      }),
    );
    return performance.now() - t0;
  } finally {
    await Promise.all(started.map((c) => c.stop({ timeout: 0 }).catch(() => undefined)));
  }
}

/** berth: the echo container with `wait`, until it has run to completion. */
export async function berthEcho(wait: () => WaitStrategy): Promise<number> {
  const t0 = performance.now();
  const container = await new GenericContainer('debian:bookworm')
    .withCommand(['echo', 'hello'])
    .withLabels(BENCH_LABEL)
    .withWaitStrategy(wait())
    .start();
  const ms = performance.now() - t0;
  await container.stop({ timeout: 0 }).catch(() => undefined);
  return ms;
}

/** The waits berth's contenders use. */
export const waits = {
  redisLog: () => Wait.forLogMessage('Ready to accept connections'),
  echoOneShot: () => Wait.forOneShotStartup(),
  echoLog: () => Wait.forLogMessage('hello'),
};
