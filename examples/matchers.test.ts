// berth/jest matchers on a running container (docs/containers.md, "Jest matchers").
import { GenericContainer, type StartedTestContainer } from 'berth';
import 'berth/jest';

describe('berth/jest matchers', () => {
  let container: StartedTestContainer;

  beforeAll(async () => {
    container = await new GenericContainer('debian:bookworm')
      .withCommand(['sh', '-c', 'echo "Ready to accept connections"; touch /tmp/made; for i in 1 2 3; do echo tick; sleep 0.1; done; exec sleep infinity'])
      .start();
  });
  afterAll(async () => {
    await container?.stop();
  });

  it('checks logs and file changes', async () => {
    // --- matchers ---
    await expect(container).toHaveLogged('Ready to accept connections');
    await expect(container).toHaveLogged(/^tick$/, { times: 3, timeoutMs: 5000 }); // default: once, 5000 ms
    await expect(container).not.toHaveLogged('panic'); // checks what is logged now, without waiting
    await expect(container).toHaveFileChanges([{ path: '/tmp/made', kind: 'added' }]); // each listed change is in diff()
    // --- end ---
  });
});
