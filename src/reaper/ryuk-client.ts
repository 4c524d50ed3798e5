import net from 'node:net';
import { lineReader } from './watchdog-protocol';

/** Ryuk's line protocol: one filter per line (`label=key=value`, URL query syntax), answered by `ACK`. */
export function ryukFilterLine(labels: Readonly<Record<string, string>>): string {
  return `${Object.entries(labels)
    .map(([k, v]) => `label=${encodeURIComponent(`${k}=${v}`)}`)
    .join('&')}\r\n`;
}

/** Options of {@link registerWithRyuk}. */
export interface RyukConnectOptions {
  host: string;
  port: number;
  /** Give up connecting after this long, retrying every `retryMs` (default 5000 / 500). */
  connectTimeoutMs?: number;
  retryMs?: number;
  /** How long to wait for the ACK (default 5000). */
  ackTimeoutMs?: number;
}

function connectOnce(host: string, port: number): Promise<net.Socket> {
  return new Promise((resolve, reject) => {
    const socket = net.connect({ host, port });
    socket.once('connect', () => {
      socket.off('error', reject);
      resolve(socket);
    });
    socket.once('error', reject);
  });
}

function awaitAck(socket: net.Socket, timeoutMs: number): Promise<void> {
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => finish(new Error(`no ACK within ${timeoutMs} ms`)), timeoutMs);
    timer.unref();
    const onData = lineReader((line) => finish(line === 'ACK' ? undefined : new Error(`unexpected answer ${JSON.stringify(line)}`)));
    const onClose = (): void => finish(new Error('Ryuk closed the connection before its ACK'));
    function finish(error: Error | undefined): void {
      clearTimeout(timer);
      socket.off('data', onData);
      socket.off('close', onClose);
      if (error) {
        socket.destroy();
        reject(error);
      } else resolve();
    }
    socket.on('data', onData);
    socket.once('close', onClose);
  });
}

/**
 * Connects to Ryuk, sends the session's filter and waits for Ryuk's `ACK` (testcontainers-node never
 * reads it: a filter Ryuk did not take would silently leak). Returns the connection, unref'd: keep it
 * open for the life of the process; when it closes, Ryuk removes everything matching the filter.
 */
export async function registerWithRyuk(labels: Readonly<Record<string, string>>, options: RyukConnectOptions): Promise<net.Socket> {
  const deadline = Date.now() + (options.connectTimeoutMs ?? 5000);
  let socket: net.Socket | undefined;
  while (!socket) {
    try {
      socket = await connectOnce(options.host, options.port);
    } catch (error) {
      if (Date.now() + (options.retryMs ?? 500) > deadline) {
        throw new Error(`cannot connect to Ryuk at ${options.host}:${options.port}: ${String(error)}`, { cause: error });
      }
      await new Promise((resolve) => setTimeout(resolve, options.retryMs ?? 500));
    }
  }
  socket.setNoDelay(true);
  socket.write(ryukFilterLine(labels));
  await awaitAck(socket, options.ackTimeoutMs ?? 5000);
  socket.on('error', () => undefined);
  socket.unref();
  return socket;
}
