import type { Engine } from '../engine/engine';
import { openLogLines, type LogLineStream } from '../engine/logs';
import { nextWake, untilAborted } from '../wait/abort';
import type { LogLine } from '../wait/wait-target';

const MAX_BUFFERED_LINES = 20_000;

/**
 * One follow log stream per container run, split into lines per stream, shared by the wait
 * strategy, log consumers, matchers and error messages. Opened lazily (or fed by an output stream
 * attached before a new container started); every subscriber gets the
 * lines of this run from its start, then live ones. The socket keeps the process alive only while
 * a subscriber asked for it (a wait in progress).
 */
export class LogHub {
  private readonly lines: LogLine[] = [];
  private dropped = 0;
  private ended = false;
  private closed = false;
  private opening: Promise<void> | undefined;
  private stream: LogLineStream | undefined;
  private readonly wakers = new Set<() => void>();
  private keepAliveCount = 0;

  constructor(
    private readonly engine: Engine,
    private readonly containerId: string,
    /** Only lines written after this UNIX time (fractional seconds); 0 for everything. */
    private readonly sinceSeconds: number,
    private readonly tty: boolean,
    /**
     * An output stream attached before the container started (every line of this run): consumed
     * at once instead of opening a follow log later.
     */
    attached?: LogLineStream,
  ) {
    if (attached) {
      this.consume(attached);
      this.opening = Promise.resolve();
    }
  }

  private wake(): void {
    for (const w of [...this.wakers]) w();
  }

  private open(): Promise<void> {
    this.opening ??= (async () => {
      try {
        const stream = await openLogLines(this.engine, this.containerId, {
          follow: true,
          since: this.sinceSeconds,
          tty: this.tty,
        });
        this.consume(stream);
      } catch {
        // The container is gone or the engine refused: the log simply ends.
        this.ended = true;
        this.wake();
      }
    })();
    return this.opening;
  }

  private consume(stream: LogLineStream): void {
    if (this.closed) {
      stream.close();
      return;
    }
    this.stream = stream;
    stream.keepAlive(this.keepAliveCount > 0);
    stream.lines.on('data', (line: LogLine) => {
      this.lines.push(line);
      if (this.lines.length > MAX_BUFFERED_LINES) {
        this.lines.shift();
        this.dropped++;
      }
      this.wake();
    });
    stream.lines.on('end', () => {
      this.ended = true;
      this.wake();
    });
  }

  private setKeepAlive(delta: number): void {
    this.keepAliveCount += delta;
    this.stream?.keepAlive(this.keepAliveCount > 0);
  }

  /** Every line of this run, then live ones; ends when the log ends, throws the abort reason on abort. */
  async *subscribe(signal: AbortSignal, options: { keepAlive?: boolean } = {}): AsyncGenerator<LogLine> {
    const keepAlive = options.keepAlive ?? true;
    if (keepAlive) this.setKeepAlive(1);
    let index = this.dropped;
    try {
      // An engine that is slow to answer must not hold up a subscriber that gave up.
      await untilAborted(this.open(), signal);
      for (;;) {
        signal.throwIfAborted();
        if (index < this.dropped) index = this.dropped;
        while (index - this.dropped < this.lines.length) {
          yield this.lines[index - this.dropped] as LogLine;
          index++;
          signal.throwIfAborted();
        }
        if (this.ended) return;
        await nextWake(this.wakers, signal);
      }
    } finally {
      if (keepAlive) this.setKeepAlive(-1);
    }
  }

  /** Closes the stream; subscribers finish with what they have. */
  close(): void {
    this.closed = true;
    this.stream?.close();
    this.ended = true;
    this.wake();
  }
}
