import { Readable } from 'node:stream';
import type { Engine } from '../engine/engine';
import { openLogLines } from '../engine/logs';
import type { LogLine } from '../wait/wait-target';
import type { LogsOptions } from './types';

/**
 * A container's log as a UTF-8 text stream of whole lines (each ending in `\n`): stdout and
 * stderr lines are never split or merged with each other. Follows by default; `{ follow: false }`
 * ends with everything logged so far. The connection keeps the process alive only while someone
 * reads and waits for the next line.
 */
export async function openLogs(engine: Engine, id: string, tty: boolean, options: LogsOptions = {}): Promise<Readable> {
  const stream = await openLogLines(engine, id, {
    follow: options.follow ?? true,
    tty,
    ...(options.since !== undefined ? { since: options.since } : {}),
    ...(options.tail !== undefined ? { tail: options.tail } : {}),
    ...(options.stdout !== undefined ? { stdout: options.stdout } : {}),
    ...(options.stderr !== undefined ? { stderr: options.stderr } : {}),
  });
  // The socket keeps the process alive only while the reader waits for data (like any stream being
  // read); an unread or finished stream never holds the process open.
  const text = new Readable({
    encoding: 'utf8',
    read: () => {
      stream.keepAlive(true);
      stream.lines.resume();
    },
    destroy: (error, callback) => {
      stream.close();
      callback(error);
    },
  });
  stream.lines.on('data', (line: LogLine) => {
    stream.keepAlive(false);
    if (!text.push(`${line.text}\n`)) stream.lines.pause();
  });
  stream.lines.on('end', () => {
    stream.keepAlive(false);
    text.push(null);
  });
  return text;
}

/** A text stream of whole log lines fed from already-split lines (for log consumers). */
export function linesToText(lines: AsyncIterable<LogLine>): Readable {
  return Readable.from(
    (async function* () {
      try {
        for await (const line of lines) yield `${line.text}\n`;
      } catch {
        // aborted: the stream just ends
      }
    })(),
    { objectMode: false, encoding: 'utf8' },
  );
}
