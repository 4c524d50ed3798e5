// Time-to-first-PONG: one RESP PING over a fresh TCP connection, retried until Redis answers +PONG.
import { Socket } from 'node:net';

/** One PING attempt: true when Redis answered +PONG. */
function pingOnce(host: string, port: number, timeoutMs: number): Promise<boolean> {
  return new Promise((resolve) => {
    const socket = new Socket();
    let reply = '';
    const done = (ok: boolean): void => {
      clearTimeout(timer);
      socket.removeAllListeners();
      socket.on('error', () => undefined);
      socket.destroy();
      resolve(ok);
    };
    const timer = setTimeout(() => done(false), timeoutMs);
    socket.once('error', () => done(false));
    socket.once('close', () => done(false));
    socket.on('data', (chunk: Buffer) => {
      reply += chunk.toString('latin1');
      if (reply.includes('\r\n')) done(reply.startsWith('+PONG'));
    });
    socket.connect({ host, port }, () => socket.write('PING\r\n'));
  });
}

/** Retries PING every `intervalMs` until +PONG; rejects after `deadlineMs`. */
export async function pingUntilPong(host: string, port: number, deadlineMs = 30_000, intervalMs = 5): Promise<void> {
  const end = Date.now() + deadlineMs;
  while (Date.now() < end) {
    if (await pingOnce(host, port, 1_000)) return;
    await new Promise((r) => setTimeout(r, intervalMs));
  }
  throw new Error(`redis at ${host}:${port} did not answer PONG within ${deadlineMs} ms`);
}
