import net from 'node:net';
import { createLogger } from '../logger';
import type { WatchdogAddress } from './watchdog-address';
import { encodeMessage, lineReader, parseReply, type WatchdogReply, type WatchdogRequest } from './watchdog-protocol';

const log = createLogger('berth:reaper');

/** A connection refused or missing socket: no watchdog serves the address (yet). */
export function isNoWatchdog(error: unknown): boolean {
  const code = (error as NodeJS.ErrnoException | undefined)?.code;
  return code === 'ENOENT' || code === 'ECONNREFUSED';
}

/**
 * Connects to a watchdog, sends `request` and resolves with the socket and the first reply. The socket
 * stays open (ref'd) for the caller to keep or end.
 */
export function request(
  address: WatchdogAddress,
  message: WatchdogRequest,
  timeoutMs: number,
): Promise<{ socket: net.Socket; reply: WatchdogReply }> {
  return new Promise((resolve, reject) => {
    const socket = net.connect(address.socket);
    const timer = setTimeout(() => fail(new Error(`no answer from the watchdog at ${address.socket} within ${timeoutMs} ms`)), timeoutMs);
    timer.unref();
    function fail(error: Error): void {
      clearTimeout(timer);
      socket.destroy();
      reject(error);
    }
    socket.once('error', fail);
    socket.once('close', () => fail(new Error(`the watchdog at ${address.socket} closed the connection`)));
    socket.once('connect', () => socket.write(encodeMessage(message)));
    const onData = lineReader((line) => {
      const reply = parseReply(line);
      if (!reply) return;
      clearTimeout(timer);
      socket.removeAllListeners('close');
      socket.removeListener('error', fail);
      socket.off('data', onData);
      resolve({ socket, reply });
    });
    socket.on('data', onData);
  });
}

/** Options of {@link holdSession}. */
export interface HoldOptions {
  /** Starts a watchdog when none answers. */
  spawn: () => void;
  /** How long to wait for a (new) watchdog to answer, ms. */
  timeoutMs: number;
  /** Called when the held connection drops while this process lives (the watchdog died). */
  onLost: () => void;
}

// Ref'd on purpose: while a process waits for a new watchdog, nothing else may keep it alive (a plain
// script would otherwise exit in the middle of its first container start).
const sleep = (ms: number): Promise<void> => new Promise((resolve) => setTimeout(resolve, ms));

/**
 * Registers a session with the engine's watchdog (starting one when none answers) and keeps the
 * connection open, unref'd, for the life of the process: when it closes, the watchdog cleans up.
 */
export async function holdSession(address: WatchdogAddress, session: string, options: HoldOptions): Promise<net.Socket> {
  const hello: WatchdogRequest = { type: 'hello', session, pid: process.pid };
  const deadline = Date.now() + options.timeoutMs;
  let spawned = false;
  let lastError: unknown;
  for (;;) {
    try {
      const { socket, reply } = await request(address, hello, Math.max(1000, deadline - Date.now()));
      if (reply.type !== 'ack' || reply.session !== session) throw new Error(`unexpected watchdog answer ${JSON.stringify(reply)}`);
      log.debug(`Session ${session} registered with watchdog ${reply.pid} at ${address.socket}`);
      socket.on('error', () => undefined);
      socket.on('close', () => {
        log.warn(`Lost the connection to the watchdog at ${address.socket}; reconnecting`);
        options.onLost();
      });
      socket.unref();
      return socket;
    } catch (error) {
      lastError = error;
      if (!isNoWatchdog(error) && !/closed the connection/.test(String(error))) throw error;
      if (!spawned) {
        spawned = true;
        log.debug(`No watchdog at ${address.socket}: starting one`);
        options.spawn();
      }
      if (Date.now() > deadline) break;
      await sleep(100);
    }
  }
  throw new Error(`no watchdog answered at ${address.socket} within ${options.timeoutMs} ms (${String(lastError)}); its log: ${address.logFile}`);
}
