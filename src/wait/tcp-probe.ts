import { Socket } from 'node:net';
import { abortReason } from './abort';

/** What one connection attempt found. */
export type ProbeResult =
  /** Something accepted the connection and kept it open (or spoke first). */
  | 'open'
  /** Refused, reset, or accepted and closed at once (a port proxy with nothing behind it). */
  | 'refused'
  /** No answer within the connect timeout, or no route: the address is not reachable from here. */
  | 'unreachable';

/** Options of {@link probeTcp}. */
export interface ProbeOptions {
  /** Give up connecting after this many ms (result `unreachable`). */
  connectTimeoutMs: number;
  /**
   * After connecting, keep the connection open this long before calling it `open`: a port proxy
   * (docker-proxy) accepts every connection and closes it right away when nothing listens behind
   * it. 0 trusts the connect alone (right for a direct connection to the container).
   */
  holdMs: number;
  signal: AbortSignal;
}

const UNREACHABLE = new Set(['EHOSTUNREACH', 'ENETUNREACH', 'ETIMEDOUT', 'EADDRNOTAVAIL', 'ENOTFOUND', 'EAI_AGAIN']);

/** One TCP connection attempt to `host:port`. Never leaves the socket or a timer behind. */
export function probeTcp(host: string, port: number, options: ProbeOptions): Promise<ProbeResult> {
  const { signal } = options;
  return new Promise<ProbeResult>((resolve, reject) => {
    if (signal.aborted) {
      reject(abortReason(signal));
      return;
    }
    const socket = new Socket();
    let timer: NodeJS.Timeout | undefined;
    const finish = (result: ProbeResult | Error): void => {
      if (timer) clearTimeout(timer);
      signal.removeEventListener('abort', onAbort);
      socket.removeAllListeners();
      socket.on('error', () => undefined); // a late error after destroy() must not crash the process
      socket.destroy();
      if (result instanceof Error) reject(result);
      else resolve(result);
    };
    const onAbort = (): void => finish(abortReason(signal));
    signal.addEventListener('abort', onAbort, { once: true });
    const arm = (ms: number, result: ProbeResult): void => {
      if (timer) clearTimeout(timer);
      timer = setTimeout(() => finish(result), ms);
    };
    arm(options.connectTimeoutMs, 'unreachable');
    socket.once('connect', () => {
      if (options.holdMs <= 0) finish('open');
      else arm(options.holdMs, 'open');
    });
    socket.once('data', () => finish('open'));
    socket.once('end', () => finish('refused'));
    socket.once('close', () => finish('refused'));
    socket.once('error', (error: NodeJS.ErrnoException) => finish(UNREACHABLE.has(error.code ?? '') ? 'unreachable' : 'refused'));
    socket.connect({ host, port });
  });
}
