import { Readable } from 'node:stream';
import { wrapLiveResponse } from './live-response';
import type { Engine } from './engine';
import { toEngineError } from './engine-error';
import { FrameDemuxer, LineSplitter, type OutputLine } from './demux';

/** What to read from a container's log. */
export interface EngineLogOptions {
  /** Keep the stream open and deliver new lines as they are written. */
  follow: boolean;
  /** Only lines written at or after this UNIX time, in (fractional) seconds. */
  since?: number;
  /** Only the last N lines. */
  tail?: number;
  stdout?: boolean;
  stderr?: boolean;
  /** The container runs with a TTY: the log is one raw stream, not multiplexed. */
  tty: boolean;
}

/** A log stream split into lines per stream. */
export interface LogLineStream {
  /** Object-mode stream of {@link OutputLine}; ends when the log ends. */
  readonly lines: Readable;
  /** Whether the underlying socket keeps the process alive (default: it does not). */
  keepAlive(on: boolean): void;
  /** Closes the connection; `lines` ends. */
  close(): void;
}

/** Parses a complete (non-follow) log payload into lines. */
export function parseLogPayload(payload: Buffer, tty: boolean): OutputLine[] {
  const lines: OutputLine[] = [];
  const splitter = new LineSplitter((line) => lines.push(line));
  if (tty) splitter.push('stdout', payload);
  else new FrameDemuxer((stream, data) => splitter.push(stream, data)).push(payload);
  splitter.flush();
  return lines;
}

function formatSince(since: number): string {
  return since.toFixed(9);
}

/**
 * Opens a container's log as lines per stream. In follow mode the socket is unref'ed so an open
 * log never keeps the process alive (call `keepAlive(true)` while something waits on it).
 */
export async function openLogLines(engine: Engine, id: string, options: EngineLogOptions): Promise<LogLineStream> {
  const query = {
    follow: options.follow,
    stdout: options.stdout ?? true,
    stderr: options.stderr ?? true,
    ...(options.since !== undefined && options.since > 0 ? { since: formatSince(options.since) } : {}),
    ...(options.tail !== undefined ? { tail: options.tail } : {}),
  };
  let raw: unknown;
  try {
    const pending = engine.api.getContainer(id).logs(query as never) as unknown as Promise<unknown>;
    raw = await pending;
  } catch (error) {
    throw toEngineError(`Read logs of container ${id.slice(0, 12)}`, error);
  }
  if (Buffer.isBuffer(raw) || typeof raw === 'string') {
    const payload = Buffer.isBuffer(raw) ? raw : Buffer.from(raw);
    const lines = Readable.from(parseLogPayload(payload, options.tty), { objectMode: true });
    return { lines, keepAlive: () => undefined, close: () => lines.destroy() };
  }
  return toLineStream(raw, options.tty);
}

/**
 * Wraps a live (follow or attach) output stream of the engine as lines per stream. The socket is
 * unref'ed so it never keeps the process alive (call `keepAlive(true)` while something waits on it).
 */
export function toLineStream(raw: unknown, tty: boolean): LogLineStream {
  const lines = new Readable({ objectMode: true, read: () => undefined });
  const splitter = new LineSplitter((line) => lines.push(line));
  const demuxer = new FrameDemuxer((stream, data) => splitter.push(stream, data));
  const live = wrapLiveResponse(
    raw,
    'container output',
    (chunk) => (tty ? splitter.push('stdout', chunk) : demuxer.push(chunk)),
    () => {
      splitter.flush();
      lines.push(null);
    },
  );
  return { lines, ...live };
}
