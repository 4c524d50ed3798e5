import type { Socket } from 'node:net';
import type { Readable } from 'node:stream';
import { createLogger } from '../logger';

const log = createLogger('berth:engine');

/** Control over a live (follow, attach, events) engine response. */
export interface LiveResponse {
  /** Whether its socket keeps the process alive (default: it does not). */
  keepAlive: (on: boolean) => void;
  /** Ends the response (destroys the socket) and calls `onEnd` once. */
  close: () => void;
}

/**
 * Wraps a live engine response: `onData` gets each chunk, `onEnd` runs exactly once when the
 * response ends, closes or fails (a failure is logged on `berth:engine` and ends it too, so a
 * reader never hangs). The socket is unref'ed so an open response never keeps the process alive.
 */
export function wrapLiveResponse(
  raw: unknown,
  what: string,
  onData: (chunk: Buffer) => void,
  onEnd: () => void,
): LiveResponse {
  const source = raw as Readable & { socket?: Socket & { _httpMessage?: unknown }; req?: unknown };
  // Once the response ends, the agent may hand this socket to another request: only (un)ref it
  // while it still carries this response, or that other request could let the process exit.
  const ownSocket = (): Socket | undefined => {
    const socket = source.socket;
    return socket && socket._httpMessage === source.req ? socket : undefined;
  };
  ownSocket()?.unref();
  let ended = false;
  const finish = (): void => {
    if (ended) return;
    ended = true;
    onEnd();
  };
  // After close() the socket may still deliver buffered chunks: drop them (the reader has ended).
  source.on('data', (chunk: Buffer) => {
    if (!ended) onData(chunk);
  });
  source.on('end', finish);
  source.on('close', finish);
  source.on('error', (error: Error) => {
    log.debug(`${what}: the engine connection failed (${error.message}); ending the stream`);
    finish();
  });
  return {
    keepAlive: (on) => (on ? ownSocket()?.ref() : ownSocket()?.unref()),
    close: () => {
      source.destroy();
      finish();
    },
  };
}
