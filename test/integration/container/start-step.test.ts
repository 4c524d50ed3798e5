// The start step (src/container/start-step.ts): a new container that publishes nothing, whose wait
// expects an exit or reads its log, is waited on without first inspecting it after `start` (the
// engine blocks that inspect while it cleans up after an exit), and its output is attached before
// the start when it is read during the start. What the started container reports must still be
// right, no line may be missed, and lifecycle hooks must still see the container as started.
import type { Readable } from 'node:stream';
import { GenericContainer, Wait } from 'berth';
import type { InspectResult, StartedTestContainer } from 'berth';
import { getEngine } from '../../../src/engine/engine';
import { containersWithLabel, engineInspect } from './helpers';

const label = { 'berth.test': 'start-step' };
afterAll(async () => {
  const engine = await getEngine();
  const ids = await containersWithLabel('berth.test', 'start-step');
  await Promise.all(ids.map((id) => engine.api.getContainer(id).remove({ force: true, v: true }).catch(() => undefined)));
});

function readAll(stream: Readable): Promise<string> {
  return new Promise((resolve, reject) => {
    let out = '';
    stream.on('data', (chunk: Buffer | string) => (out += String(chunk)));
    stream.on('end', () => resolve(out));
    stream.on('error', reject);
  });
}

describe('one-shot start without published ports', () => {
  it('reports the real name, hostname, labels and networks, and its output', async () => {
    await using done = await new GenericContainer('debian:bookworm')
      .withCommand(['echo', 'hello'])
      .withLabels({ ...label, extra: 'yes' })
      .withWaitStrategy(Wait.forOneShotStartup())
      .start();
    const engine = await engineInspect(done.getId());
    expect(engine?.State.Status).toBe('exited');
    expect(engine?.State.ExitCode).toBe(0);
    expect(done.getName()).toBe(engine?.Name);
    expect(done.getHostname()).toBe(engine?.Config.Hostname);
    expect(done.getLabels()).toMatchObject({ extra: 'yes' });
    expect(done.getNetworkNames()).toEqual(Object.keys(engine?.NetworkSettings.Networks ?? {}));
    expect(await readAll(await done.logs({ follow: false }))).toBe('hello\n');
  });

  it('still gives containerStarting / containerStarted an inspect from after the start', async () => {
    const seen: string[] = [];
    class Hooked extends GenericContainer {
      protected override containerStarting(inspect: InspectResult): Promise<void> {
        seen.push(`starting:${inspect.state.status}`);
        return Promise.resolve();
      }
      protected override containerStarted(_container: StartedTestContainer, inspect: InspectResult): Promise<void> {
        seen.push(`started:${inspect.state.status}`);
        return Promise.resolve();
      }
    }
    await using _done = await new Hooked('debian:bookworm')
      .withCommand(['sh', '-c', 'sleep 0.5'])
      .withLabels(label)
      .withWaitStrategy(Wait.forOneShotStartup())
      .start();
    expect(seen).toEqual(['starting:running', 'started:running']);
  });
});

describe('log wait without published ports', () => {
  it('sees a line logged just before a quick exit, on either stream, and every line reaches a log consumer', async () => {
    const consumed: string[] = [];
    await using done = await new GenericContainer('debian:bookworm')
      .withCommand(['sh', '-c', 'echo one; echo two >&2; echo three'])
      .withLabels(label)
      .withLogConsumer((stream) => stream.on('data', (line: Buffer | string) => consumed.push(String(line))))
      .withWaitStrategy(Wait.forLogMessage('two'))
      .start();
    expect(done.getName()).toBe((await engineInspect(done.getId()))?.Name);
    // stdout and stderr are separate pipes: their relative order is not kept
    const sorted = (text: string): string[] => text.split('\n').filter(Boolean).sort();
    expect(sorted(await readAll(await done.logs({ follow: false })))).toEqual(['one', 'three', 'two']);
    await new Promise((resolve) => setTimeout(resolve, 100));
    expect(sorted(consumed.join(''))).toEqual(['one', 'three', 'two']);
  });

  it('reports the addresses of a container that keeps running (the inspect after the start)', async () => {
    await using running = await new GenericContainer('debian:bookworm')
      .withCommand(['sh', '-c', 'echo ready; exec sleep 30'])
      .withLabels(label)
      .withWaitStrategy(Wait.forLogMessage('ready'))
      .start();
    const engine = await engineInspect(running.getId());
    expect(running.getIpAddress('bridge')).toBe(engine?.NetworkSettings.Networks?.['bridge']?.IPAddress);
    expect(running.getIpAddress('bridge')).toMatch(/^\d+\.\d+\.\d+\.\d+$/);
  });

  it('reads a TTY container\'s attached output as lines', async () => {
    await using done = await new GenericContainer('debian:bookworm')
      .withCommand(['sh', '-c', 'echo tty-line; sleep 0.2'])
      .withTty()
      .withLabels(label)
      .withWaitStrategy(Wait.forLogMessage('tty-line'))
      .start();
    expect(done.getId()).toHaveLength(64);
  });
});
