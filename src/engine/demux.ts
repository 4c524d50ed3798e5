import { StringDecoder } from 'node:string_decoder';

/** Which output stream a chunk or line came from. */
export type OutputStream = 'stdout' | 'stderr';

/** One complete line of container output. */
export interface OutputLine {
  text: string;
  stream: OutputStream;
}

/**
 * Parses the Engine API's multiplexed stream (8-byte header: stream type, 3 zero bytes, big-endian
 * payload size) into chunks per stream. Frames may be split across pushes; stdin frames are dropped.
 */
export class FrameDemuxer {
  private pending: Buffer = Buffer.alloc(0);

  constructor(private readonly onChunk: (stream: OutputStream, data: Buffer) => void) {}

  push(chunk: Buffer): void {
    this.pending = this.pending.length ? Buffer.concat([this.pending, chunk]) : chunk;
    while (this.pending.length >= 8) {
      const type = this.pending.readUInt8(0);
      const size = this.pending.readUInt32BE(4);
      if (this.pending.length < 8 + size) break;
      const payload = this.pending.subarray(8, 8 + size);
      this.pending = this.pending.subarray(8 + size);
      if (type === 1 || type === 2) this.onChunk(type === 2 ? 'stderr' : 'stdout', payload);
    }
  }
}

/**
 * Splits chunks into lines, separately per stream, so a partial stdout line is never joined with
 * stderr output. UTF-8 sequences split across chunks are decoded correctly; `\r\n` ends a line too.
 */
export class LineSplitter {
  private readonly decoders = { stdout: new StringDecoder('utf8'), stderr: new StringDecoder('utf8') };
  private readonly partial = { stdout: '', stderr: '' };

  constructor(private readonly onLine: (line: OutputLine) => void) {}

  push(stream: OutputStream, data: Buffer): void {
    const text = this.partial[stream] + this.decoders[stream].write(data);
    const parts = text.split('\n');
    this.partial[stream] = parts.pop() ?? '';
    for (const part of parts) this.onLine({ text: part.endsWith('\r') ? part.slice(0, -1) : part, stream });
  }

  /** Emits what is left of unterminated lines. */
  flush(): void {
    for (const stream of ['stdout', 'stderr'] as const) {
      const rest = this.partial[stream] + this.decoders[stream].end();
      this.partial[stream] = '';
      if (rest) this.onLine({ text: rest.endsWith('\r') ? rest.slice(0, -1) : rest, stream });
    }
  }
}
