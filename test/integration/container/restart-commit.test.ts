import { randomBytes } from 'node:crypto';
import { connect } from 'node:net';
import { GenericContainer, LABEL_TESTCONTAINERS_SESSION_ID, Wait, type LogLine } from 'berth';
import { customWait, imageLabels, readAll, removeImage } from './helpers';

function redisPing(host: string, port: number): Promise<string> {
  return new Promise((resolve, reject) => {
    const socket = connect({ host, port }, () => socket.write('PING\r\n'));
    socket.setTimeout(3000, () => socket.destroy(new Error('timeout')));
    socket.once('data', (data) => {
      socket.end();
      resolve(data.toString().trim());
    });
    socket.once('error', reject);
  });
}

/** The wait below returns at the run marker, a moment before redis-server listens: retry briefly. */
async function redisPingSoon(host: string, port: number): Promise<string> {
  for (let attempt = 0; ; attempt++) {
    try {
      return await redisPing(host, port);
    } catch (error) {
      if (attempt >= 50) throw error;
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
  }
}

describe('restart', () => {
  it('re-reads the ports and re-runs the wait, which sees only the new run\'s logs', async () => {
    const runs: LogLine[][] = [];
    const recordUntilMarker = customWait(async (target, signal) => {
      const lines: LogLine[] = [];
      runs.push(lines);
      for await (const line of target.logLines(signal)) {
        lines.push(line);
        if (line.text.startsWith('run-')) return;
      }
    });
    const script = 'if [ -e /started ]; then echo run-2; else touch /started; echo run-1; fi; exec redis-server';
    await using redis = await new GenericContainer('redis:7')
      .withExposedPorts(6379)
      .withEntrypoint(['sh', '-c', script])
      .withWaitStrategy(recordUntilMarker)
      .start();
    expect(await redisPingSoon(redis.getHost(), redis.getMappedPort(6379))).toBe('+PONG');
    await redis.restart();
    expect(runs).toHaveLength(2);
    expect(runs[0]?.map((l) => l.text)).toContain('run-1');
    expect(runs[1]?.map((l) => l.text)).toEqual(['run-2']);
    expect(await redisPingSoon(redis.getHost(), redis.getMappedPort(6379))).toBe('+PONG');
    expect((await redis.inspect()).state.status).toBe('running');
  });
});

describe('wait target events', () => {
  it('yields the events of the current run only: create+start first, then restart-time events', async () => {
    const runs: string[][] = [];
    const untilStart = customWait(async (target, signal) => {
      const actions: string[] = [];
      runs.push(actions);
      for await (const event of target.events(signal)) {
        actions.push(event.action);
        if (event.action === 'start') return;
      }
    });
    await using container = await new GenericContainer('debian:bookworm').withCommand(['sleep', 'infinity']).withWaitStrategy(untilStart).start();
    await container.restart();
    expect(runs[0]).toEqual(['create', 'start']);
    expect(runs[1]).not.toContain('create');
    expect(runs[1]?.at(-1)).toBe('start');
  });
});

describe('commit', () => {
  const repo = 'berth-test/committed';
  const tag = randomBytes(4).toString('hex');
  afterAll(async () => {
    await removeImage(`${repo}:${tag}`);
    await removeImage(`${repo}:${tag}-keep`);
  });

  it('commits a changed container; a new container from the image sees the change, CMD and ENV', async () => {
    await using source = await new GenericContainer('debian:bookworm').withCommand(['sleep', 'infinity']).start();
    await source.exec(['sh', '-c', 'printf "#!/bin/sh\\necho tool says \\$GREETING\\n" > /usr/local/bin/mytool && chmod +x /usr/local/bin/mytool']);
    const imageId = await source.commit({ repo, tag, changes: ['ENV GREETING=hello', 'CMD ["mytool"]'], author: 'berth', comment: 'test' });
    expect(imageId).toMatch(/^sha256:[0-9a-f]{64}$/);
    expect((await imageLabels(`${repo}:${tag}`))?.[LABEL_TESTCONTAINERS_SESSION_ID]).toMatch(/^[0-9a-f]{12}$/);

    await using run = await new GenericContainer(`${repo}:${tag}`).withWaitStrategy(Wait.forOneShotStartup()).start();
    expect(await readAll(await run.logs({ follow: false }))).toBe('tool says hello\n');
  });

  it('deleteOnExit: false blanks the session label', async () => {
    await using source = await new GenericContainer('debian:bookworm').withCommand(['sleep', 'infinity']).start();
    await source.commit({ repo, tag: `${tag}-keep`, deleteOnExit: false });
    expect((await imageLabels(`${repo}:${tag}-keep`))?.[LABEL_TESTCONTAINERS_SESSION_ID] ?? '').toBe('');
  });
});
