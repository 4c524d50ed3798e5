/**
 * Decodes the BuildKit status messages that the engine sends as base64 protobuf in
 * `{"id":"moby.buildkit.trace","aux":"..."}` (moby.buildkit.v1.StatusResponse). Only the fields
 * berth reports are read: vertex digest, name, started, completed, error; log vertex and message.
 */

/** A build step ("vertex"), e.g. `[2/3] RUN make`. */
export interface TraceVertex {
  digest: string;
  name: string;
  started: boolean;
  completed: boolean;
  cached: boolean;
  error?: string;
}

/** Output of a step. */
export interface TraceLog {
  vertex: string;
  message: string;
}

/** One decoded status message. */
export interface TraceStatus {
  vertexes: TraceVertex[];
  logs: TraceLog[];
}

interface Field {
  number: number;
  /** Varint value (wire type 0). */
  value?: number;
  /** Bytes (wire type 2). */
  bytes?: Buffer;
}

function readVarint(buf: Buffer, pos: number): [number, number] {
  let result = 0;
  let shift = 0;
  for (;;) {
    if (pos >= buf.length) throw new Error('truncated varint');
    const byte = buf[pos++]!;
    result += (byte & 0x7f) * 2 ** shift;
    if ((byte & 0x80) === 0) return [result, pos];
    shift += 7;
  }
}

function fields(buf: Buffer): Field[] {
  const out: Field[] = [];
  let pos = 0;
  while (pos < buf.length) {
    const [key, next] = readVarint(buf, pos);
    pos = next;
    const number = Math.floor(key / 8);
    const wire = key & 7;
    if (wire === 0) {
      const [value, after] = readVarint(buf, pos);
      out.push({ number, value });
      pos = after;
    } else if (wire === 2) {
      const [length, after] = readVarint(buf, pos);
      out.push({ number, bytes: buf.subarray(after, after + length) });
      pos = after + length;
    } else if (wire === 1) pos += 8;
    else if (wire === 5) pos += 4;
    else throw new Error(`unsupported protobuf wire type ${wire}`);
  }
  return out;
}

function decodeVertex(buf: Buffer): TraceVertex {
  const v: TraceVertex = { digest: '', name: '', started: false, completed: false, cached: false };
  for (const f of fields(buf)) {
    if (f.number === 1) v.digest = f.bytes?.toString('utf8') ?? '';
    else if (f.number === 3) v.name = f.bytes?.toString('utf8') ?? '';
    else if (f.number === 4) v.cached = f.value === 1;
    else if (f.number === 5) v.started = true;
    else if (f.number === 6) v.completed = true;
    else if (f.number === 7) v.error = f.bytes?.toString('utf8');
  }
  return v;
}

function decodeLog(buf: Buffer): TraceLog {
  const log: TraceLog = { vertex: '', message: '' };
  for (const f of fields(buf)) {
    if (f.number === 1) log.vertex = f.bytes?.toString('utf8') ?? '';
    else if (f.number === 4) log.message = f.bytes?.toString('utf8') ?? '';
  }
  return log;
}

/** Decodes one `moby.buildkit.trace` payload; an undecodable payload yields an empty status. */
export function decodeTrace(base64: string): TraceStatus {
  const status: TraceStatus = { vertexes: [], logs: [] };
  try {
    for (const f of fields(Buffer.from(base64, 'base64'))) {
      if (f.number === 1 && f.bytes) status.vertexes.push(decodeVertex(f.bytes));
      else if (f.number === 3 && f.bytes) status.logs.push(decodeLog(f.bytes));
    }
  } catch {
    return { vertexes: [], logs: [] };
  }
  return status;
}
