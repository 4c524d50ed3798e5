// GenericContainer.runToCompletion(): `docker run --rm` for one-shot commands.
import { GenericContainer, WaitTimeoutError, Wait } from 'berth';
import { engineInspect } from './helpers';

const DEBIAN = 'debian:bookworm';

/** Remembers the ids the start pipeline created for it. */
class Probe extends GenericContainer {
  readonly createdIds: string[] = [];
  protected override containerCreated(containerId: string): Promise<void> {
    this.createdIds.push(containerId);
    return Promise.resolve();
  }
}

describe('GenericContainer.runToCompletion', () => {
  it('resolves the exit code and the output per stream, does not throw on a non-zero exit, removes the container', async () => {
    const probe = new Probe(DEBIAN)
      .withCommand(['sh', '-c', 'echo out 1; echo err >&2; sleep 0.1; echo "out 2"; exit 3'])
      .withAutoRemove(false) // runToCompletion always removes (docker run --rm)
      .withWaitStrategy(Wait.forLogMessage('never logged')); // replaced: the exit is the outcome
    const result = await probe.runToCompletion();
    expect(result).toEqual({ exitCode: 3, stdout: 'out 1\nout 2\n', stderr: 'err\n', output: expect.any(String) as string });
    expect(result.output.split('\n').sort()).toEqual(['', 'err', 'out 1', 'out 2']);
    expect(result.output.endsWith('out 2\n')).toBe(true);
    expect(probe.createdIds).toHaveLength(1);
    expect(await engineInspect(probe.createdIds[0]!)).toBeUndefined();
  });

  it('a TTY container: everything is stdout', async () => {
    const result = await new GenericContainer(DEBIAN).withTty().withCommand(['sh', '-c', 'echo hi; echo there >&2']).runToCompletion();
    expect(result).toEqual({ exitCode: 0, stdout: 'hi\nthere\n', stderr: '', output: 'hi\nthere\n' });
  });

  it('is bounded by the startup timeout, and the container is removed', async () => {
    const probe = new Probe(DEBIAN).withCommand(['sleep', '30']).withStartupTimeout(700);
    await expect(probe.runToCompletion()).rejects.toBeInstanceOf(WaitTimeoutError);
    expect(await engineInspect(probe.createdIds[0]!)).toBeUndefined();
  });
});
