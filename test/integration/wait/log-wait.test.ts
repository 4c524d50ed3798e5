// forLogMessage(): event-driven on the shared log stream; exit, timeout and restart behaviour.
import { AbstractWaitStrategy, ContainerStartError, GenericContainer, Wait, WaitTimeoutError } from 'berth';
import type { WaitTarget } from 'berth';
import { containersWith, removeAll, testLabel } from './helpers';

const label = testLabel('log');
afterAll(() => removeAll(label));

describe('Wait.forLogMessage()', () => {
  it('waits for a Redis log line, counting `times` on stdout and stderr', async () => {
    await using redis = await new GenericContainer('redis:7')
      .withExposedPorts(6379)
      .withLabels(label)
      .withWaitStrategy(Wait.forLogMessage(/Ready to accept connections/))
      .start();
    expect(redis.getMappedPort(6379)).toBeGreaterThan(0);

    const started = Date.now();
    await using _counted = await new GenericContainer('debian:bookworm')
      .withCommand(['sh', '-c', 'echo tick; sleep 0.3; echo tick >&2; sleep 0.3; echo tick; exec sleep infinity'])
      .withLabels(label)
      .withWaitStrategy(Wait.forLogMessage('tick', 3))
      .start();
    expect(Date.now() - started).toBeGreaterThanOrEqual(550);
  });

  it('fails fast with the exit code and the last log lines when the container exits during the wait', async () => {
    const started = Date.now();
    const error = await new GenericContainer('debian:bookworm')
      .withCommand(['sh', '-c', 'for i in $(seq 1 60); do echo "line $i"; done; sleep 0.2; echo "fatal: bad config" >&2; exit 3'])
      .withLabels(label)
      .withWaitStrategy(Wait.forLogMessage('Ready'))
      .start()
      .catch((e: unknown) => e);
    expect(Date.now() - started).toBeLessThan(10_000);
    expect(error).toBeInstanceOf(ContainerStartError);
    const failure = error as ContainerStartError;
    expect(failure.exitCode).toBe(3);
    expect(failure.logLines).toHaveLength(50);
    expect(failure.logLines.at(-1)).toBe('fatal: bad config');
    expect(failure.message).toContain('the container exited while waiting for log message "Ready"');
    expect(await containersWith(label)).toEqual([]);
  });

  it('reports an OOM kill during the wait at once', async () => {
    const error = await new GenericContainer('debian:bookworm')
      .withCommand(['sh', '-c', 'echo allocating; x=$(head -c 200000000 /dev/zero | tr "\\0" a); echo "$x" | wc -c'])
      .withResourcesQuota({ memory: 16 / 1024 }) // 16 MiB
      .withLabels(label)
      .withWaitStrategy(Wait.forLogMessage('Ready'))
      .start()
      .catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ContainerStartError);
    const failure = error as ContainerStartError;
    expect(failure.exitCode).toBe(137);
    expect(failure.details.oomKilled).toBe(true);
    expect(failure.message).toContain('OOM-killed');
    expect(failure.logLines).toContain('allocating');
  });

  it('times out with WaitTimeoutError naming the strategy, state and logs, and removes the container', async () => {
    const error = await new GenericContainer('debian:bookworm')
      .withCommand(['sh', '-c', 'echo still booting; exec sleep infinity'])
      .withLabels(label)
      .withWaitStrategy(Wait.forLogMessage('Ready'))
      .withStartupTimeout(1_500)
      .start()
      .catch((e: unknown) => e);
    expect(error).toBeInstanceOf(WaitTimeoutError);
    const timeout = error as WaitTimeoutError;
    expect(timeout.strategy).toBe('log message "Ready"');
    expect(timeout.elapsedMs).toBeGreaterThanOrEqual(1_400);
    expect(timeout.details.state).toBe('running');
    expect(timeout.logLines).toEqual(['still booting']);
    expect(await containersWith(label)).toEqual([]);
  });

  it('on restart, waits again and sees only the lines logged after the restart', async () => {
    const runs: string[][] = [];
    /** Records every line it sees until "ready". */
    class Recording extends AbstractWaitStrategy {
      async waitUntilReady(target: WaitTarget, signal: AbortSignal): Promise<void> {
        const seen: string[] = [];
        runs.push(seen);
        for await (const line of target.logLines(signal)) {
          seen.push(line.text);
          if (line.text === 'ready') return;
        }
      }
      describe(): string {
        return 'recording';
      }
    }
    await using container = await new GenericContainer('debian:bookworm')
      .withCommand(['sh', '-c', 'echo "boot $(cat /proc/sys/kernel/random/uuid)"; sleep 0.3; echo ready; exec sleep infinity'])
      .withLabels(label)
      .withWaitStrategy(new Recording())
      .start();
    await container.restart();
    expect(runs).toHaveLength(2);
    const [first, second] = runs as [string[], string[]];
    expect(first).toHaveLength(2);
    expect(second).toHaveLength(2);
    expect(second[0]).toMatch(/^boot /);
    expect(second[0]).not.toBe(first[0]);
  });
});
