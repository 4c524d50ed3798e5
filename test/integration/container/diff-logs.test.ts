import { GenericContainer, Wait, type LogLine, type StartedTestContainer } from 'berth';
import { customWait, readAll } from './helpers';

const DEBIAN = 'debian:bookworm';

describe('diff', () => {
  it('reports exactly the added, changed and deleted paths of the writable layer', async () => {
    await using container = await new GenericContainer(DEBIAN).withCommand(['sleep', 'infinity']).start();
    expect(await container.diff()).toEqual([]);
    await container.exec(['sh', '-c', 'touch /tmp/new && echo x > /etc/debian_version && rm /etc/issue']);
    expect(await container.diff()).toEqual([
      { path: '/etc', kind: 'changed' },
      { path: '/etc/debian_version', kind: 'changed' },
      { path: '/etc/issue', kind: 'deleted' },
      { path: '/tmp', kind: 'changed' },
      { path: '/tmp/new', kind: 'added' },
    ]);
  });
});

describe('logs', () => {
  let container: StartedTestContainer;
  const script = [
    'printf "out-partial"',
    'echo "err-1" >&2',
    'echo " done"',
    'echo "err-2" >&2',
    'echo "second"',
    'sleep 1.2',
    'echo "late"',
    'sleep infinity',
  ].join('; ');
  beforeAll(async () => {
    container = await new GenericContainer(DEBIAN)
      .withCommand(['sh', '-c', script])
      .withWaitStrategy(Wait.forLogMessage('second'))
      .start();
  });
  afterAll(async () => {
    await container.stop();
  });

  it('{ follow: false } ends with whole lines, never merged across stdout and stderr', async () => {
    const text = await readAll(await container.logs({ follow: false }));
    const lines = text.split('\n');
    expect(lines).toEqual(expect.arrayContaining(['out-partial done', 'err-1', 'err-2', 'second']));
  });

  it('selects stdout or stderr only', async () => {
    expect(await readAll(await container.logs({ follow: false, stderr: false }))).not.toContain('err-');
    const errOnly = await readAll(await container.logs({ follow: false, stdout: false }));
    expect(errOnly.split('\n').slice(0, 2)).toEqual(['err-1', 'err-2']);
  });

  it('tail and since', async () => {
    await new Promise((r) => setTimeout(r, 1500));
    expect(await readAll(await container.logs({ follow: false, tail: 1 }))).toBe('late\n');
    const future = Date.now() / 1000 + 60;
    expect(await readAll(await container.logs({ follow: false, since: future }))).toBe('');
  });

  it('follows by default: new lines arrive, and destroying the stream closes it', async () => {
    await using follower = await new GenericContainer(DEBIAN)
      .withCommand(['sh', '-c', 'echo first; sleep 0.5; echo after-start; sleep infinity'])
      .withWaitStrategy(customWait(() => Promise.resolve()))
      .start();
    const stream = await follower.logs();
    const seen: string[] = [];
    for await (const chunk of stream) {
      seen.push(...String(chunk).split('\n').filter(Boolean));
      if (seen.includes('after-start')) break; // breaking destroys the stream
    }
    expect(seen).toEqual(['first', 'after-start']);
    expect(stream.destroyed).toBe(true);
  });

  it('the log consumer receives whole lines', async () => {
    const received: string[] = [];
    await using consumed = await new GenericContainer(DEBIAN)
      .withCommand(['sh', '-c', 'echo one; echo two >&2; echo ready; sleep infinity'])
      .withLogConsumer((stream) => stream.on('data', (chunk: string) => received.push(...chunk.split('\n').filter(Boolean))))
      .withWaitStrategy(Wait.forLogMessage('ready'))
      .start();
    await new Promise((r) => setTimeout(r, 100));
    expect(received).toEqual(expect.arrayContaining(['one', 'two', 'ready']));
    expect(consumed.getId()).toBeTruthy();
  });

  it('the wait target sees lines with their stream', async () => {
    const lines: LogLine[] = [];
    await using c = await new GenericContainer(DEBIAN)
      .withCommand(['sh', '-c', 'echo a; echo b >&2; echo c; sleep infinity'])
      .withWaitStrategy(
        customWait(async (target, signal) => {
          for await (const line of target.logLines(signal)) {
            lines.push(line);
            if (lines.length === 3) return;
          }
        }),
      )
      .start();
    expect(lines).toEqual(
      expect.arrayContaining([
        { text: 'a', stream: 'stdout' },
        { text: 'b', stream: 'stderr' },
        { text: 'c', stream: 'stdout' },
      ]),
    );
    expect(c.getId()).toBeTruthy();
  });
});
