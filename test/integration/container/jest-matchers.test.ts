import 'berth/jest';
import { GenericContainer, Wait, type StartedTestContainer } from 'berth';

describe('berth/jest matchers', () => {
  let container: StartedTestContainer;
  beforeAll(async () => {
    container = await new GenericContainer('debian:bookworm')
      .withCommand(['sh', '-c', 'echo tick; echo tick; echo ready; sleep 0.5; echo tick; sleep infinity'])
      .withWaitStrategy(Wait.forLogMessage('ready'))
      .start();
  });
  afterAll(async () => {
    await container.stop();
  });

  it('toHaveLogged waits for a pattern, counting times', async () => {
    await expect(container).toHaveLogged('ready');
    await expect(container).toHaveLogged(/^tick$/, { times: 3, timeoutMs: 5000 });
    await expect(container).not.toHaveLogged('never printed');
  });

  it('toHaveLogged fails with the last log lines', async () => {
    await expect(expect(container).toHaveLogged('missing line', { timeoutMs: 300 })).rejects.toThrow(
      /saw 0 matching line\(s\) within 300 ms[\s\S]*Last log lines:[\s\S]*ready/,
    );
  });

  it('toHaveFileChanges checks the diff, and shows the actual diff on failure', async () => {
    await container.exec(['sh', '-c', 'touch /tmp/made && rm /etc/issue']);
    await expect(container).toHaveFileChanges([
      { path: '/tmp/made', kind: 'added' },
      { path: '/etc/issue', kind: 'deleted' },
    ]);
    await expect(expect(container).toHaveFileChanges([{ path: '/nope', kind: 'added' }])).rejects.toThrow(
      /missing:\n {2}added {3}\/nope\nActual diff:[\s\S]*added {3}\/tmp\/made/,
    );
  });
});
