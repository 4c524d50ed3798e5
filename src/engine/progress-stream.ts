import type { Readable } from 'node:stream';

const DRAIN_MS = 5_000;

/** One JSON message of an engine progress stream (pull, push, build). */
export interface ProgressEvent {
  id?: string;
  status?: string;
  progress?: string;
  progressDetail?: { current?: number; total?: number };
  stream?: string;
  aux?: unknown;
  error?: string;
  errorDetail?: { code?: number; message?: string };
}

/** Why {@link followProgress} gave up. */
export class ProgressStreamError extends Error {
  constructor(
    message: string,
    /** The event that carried the error, when the engine reported it in the stream. */
    readonly event: ProgressEvent | undefined,
    /** `stream` (the engine reported an error), `timeout`, `aborted`, `transport` or `truncated`. */
    readonly kind: 'stream' | 'timeout' | 'aborted' | 'transport' | 'truncated',
  ) {
    super(message);
  }
}

/** Options of {@link followProgress}. */
export interface FollowOptions {
  /** Called for every message, in order. */
  onEvent?: (event: ProgressEvent) => void;
  /** Rejects (and destroys the stream) after this many ms. */
  timeoutMs?: number;
  signal?: AbortSignal;
  /** Called to decide whether the stream ended with a result; `false` rejects with `truncated`. */
  isComplete?: () => boolean;
}

/**
 * Reads an engine progress stream (newline-separated JSON) to its end and resolves with every
 * message. Unlike dockerode's `followProgress`, an `error`/`errorDetail` message REJECTS, and
 * so do a timeout, an abort, a broken connection and a stream that ends without a result.
 */
export function followProgress(stream: Readable, options: FollowOptions = {}): Promise<ProgressEvent[]> {
  return new Promise<ProgressEvent[]>((resolve, reject) => {
    const events: ProgressEvent[] = [];
    let buffer = '';
    let settled = false;
    let timer: NodeJS.Timeout | undefined;
    const finish = (error?: ProgressStreamError): void => {
      if (settled) return;
      settled = true;
      clearTimeout(timer);
      options.signal?.removeEventListener('abort', onAbort);
      if (error) {
        // After an error the engine ends the stream itself: let it drain, so that whatever waits
        // for its end (the BuildKit session) is released. Destroy it if it does not end soon.
        if (error.kind === 'stream') stream.resume();
        if (error.kind === 'stream') setTimeout(() => stream.destroy(), DRAIN_MS).unref();
        else stream.destroy();
        reject(error);
      } else resolve(events);
    };
    const onAbort = (): void => finish(new ProgressStreamError('aborted', undefined, 'aborted'));
    const handleLine = (line: string): void => {
      if (!line.trim()) return;
      let event: ProgressEvent;
      try {
        event = JSON.parse(line) as ProgressEvent;
      } catch {
        event = { stream: line };
      }
      events.push(event);
      options.onEvent?.(event);
      if (event.error !== undefined || event.errorDetail !== undefined) {
        finish(new ProgressStreamError(event.errorDetail?.message ?? event.error ?? 'unknown error', event, 'stream'));
      }
    };
    if (options.timeoutMs !== undefined) {
      timer = setTimeout(
        () => finish(new ProgressStreamError(`no result within ${options.timeoutMs} ms`, undefined, 'timeout')),
        options.timeoutMs,
      );
      timer.unref();
    }
    if (options.signal?.aborted) return onAbort();
    options.signal?.addEventListener('abort', onAbort, { once: true });
    stream.setEncoding('utf8');
    stream.on('data', (chunk: string) => {
      buffer += chunk;
      let newline = buffer.indexOf('\n');
      while (newline >= 0 && !settled) {
        handleLine(buffer.slice(0, newline));
        buffer = buffer.slice(newline + 1);
        newline = buffer.indexOf('\n');
      }
    });
    stream.on('end', () => {
      handleLine(buffer);
      if (options.isComplete && !options.isComplete()) {
        finish(new ProgressStreamError('the engine closed the stream without a result', undefined, 'truncated'));
      } else finish();
    });
    stream.on('error', (error: Error) => finish(new ProgressStreamError(error.message, undefined, 'transport')));
    stream.on('close', () => {
      if (!settled) finish(new ProgressStreamError('the connection closed before the stream ended', undefined, 'transport'));
    });
  });
}
