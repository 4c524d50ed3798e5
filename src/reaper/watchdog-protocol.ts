/**
 * The watchdog's wire protocol: one JSON object per line, both ways.
 * Client: `{"type":"hello","session":"<id>","pid":123}` → watchdog: `{"type":"ack","session":"<id>","pid":<watchdog pid>}`.
 * Client: `{"type":"status"}` → watchdog: `{"type":"status","pid":..,"sessions":[..]}`.
 * When the client's connection closes, the watchdog removes everything labelled with its sessions.
 */
export type WatchdogRequest = { type: 'hello'; session: string; pid: number } | { type: 'status' };

/** Answers of the watchdog. */
export type WatchdogReply =
  | { type: 'ack'; session: string; pid: number }
  | { type: 'status'; pid: number; sessions: string[] }
  | { type: 'error'; message: string };

/** Encodes one message as a line. */
export function encodeMessage(message: WatchdogRequest | WatchdogReply): string {
  return `${JSON.stringify(message)}\n`;
}

/** Splits a byte stream into lines and hands each complete one over. */
export function lineReader(onLine: (line: string) => void): (chunk: Buffer | string) => void {
  let buffer = '';
  return (chunk) => {
    buffer += chunk.toString();
    let nl: number;
    while ((nl = buffer.indexOf('\n')) >= 0) {
      const line = buffer.slice(0, nl).trim();
      buffer = buffer.slice(nl + 1);
      if (line) onLine(line);
    }
    if (buffer.length > 65_536) buffer = '';
  };
}

/** Parses a line into a request, or undefined when it is not one. */
export function parseRequest(line: string): WatchdogRequest | undefined {
  try {
    const m = JSON.parse(line) as Partial<WatchdogRequest> & { session?: unknown; pid?: unknown };
    if (m.type === 'status') return { type: 'status' };
    if (m.type === 'hello' && typeof m.session === 'string' && /^[0-9a-zA-Z_-]{1,64}$/.test(m.session)) {
      return { type: 'hello', session: m.session, pid: typeof m.pid === 'number' ? m.pid : 0 };
    }
  } catch {
    // not JSON
  }
  return undefined;
}

/** Parses a line into a reply, or undefined when it is not one. */
export function parseReply(line: string): WatchdogReply | undefined {
  try {
    const m = JSON.parse(line) as WatchdogReply;
    return m && typeof m === 'object' && typeof m.type === 'string' ? m : undefined;
  } catch {
    return undefined;
  }
}
