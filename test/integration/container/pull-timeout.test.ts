// The image pull of a start is bounded by the container's startup timeout, not the global default.
import { createServer, type Server, type Socket } from 'node:net';
import { GenericContainer, ImagePullError, OperationAbortedError, Wait } from 'berth';

describe('pull bounded by the startup timeout', () => {
  let server: Server;
  let port: number;
  const sockets = new Set<Socket>();

  beforeAll(async () => {
    // A "registry" that accepts connections and never answers: a pull from it hangs.
    server = createServer((socket) => {
      sockets.add(socket);
      socket.on('close', () => sockets.delete(socket));
      socket.on('error', () => undefined);
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    port = (server.address() as { port: number }).port;
  });

  afterAll(async () => {
    for (const socket of sockets) socket.destroy();
    await new Promise((resolve) => server.close(resolve));
  });

  it('gives up the pull after withStartupTimeout', async () => {
    const started = Date.now();
    const start = new GenericContainer(`127.0.0.1:${port}/berth-hang/none:1`).withStartupTimeout(1_500).start();
    await expect(start).rejects.toBeInstanceOf(ImagePullError);
    expect(Date.now() - started).toBeLessThan(8_000);
  });

  it("gives up the pull after the wait strategy's own timeout", async () => {
    const started = Date.now();
    const start = new GenericContainer(`127.0.0.1:${port}/berth-hang/none:2`)
      .withWaitStrategy(Wait.forLogMessage('never').withStartupTimeout(1_500))
      .start();
    await expect(start).rejects.toBeInstanceOf(ImagePullError);
    expect(Date.now() - started).toBeLessThan(8_000);
  });

  it('cancels the pull when the signal aborts', async () => {
    const started = Date.now();
    const start = new GenericContainer(`127.0.0.1:${port}/berth-hang/none:3`).start({ signal: AbortSignal.timeout(1_000) });
    await expect(start).rejects.toBeInstanceOf(OperationAbortedError);
    expect(Date.now() - started).toBeLessThan(8_000);
  });
});
