// Imports only the public surface (`../index` is 'berth'), like any third-party matcher would.
import type { LogsOptions } from '../index';

/** What `toHaveLogged` needs of a container: `logs()` (any `StartedTestContainer` has it). */
export interface LoggingContainer {
  logs(options?: LogsOptions): Promise<NodeJS.ReadableStream>;
}

/** Options of `toHaveLogged`. */
export interface ToHaveLoggedOptions {
  /** How many matching lines are needed (default 1). */
  times?: number;
  /** How long to wait for them, in ms (default 5000). `.not` checks what is logged now, without waiting. */
  timeoutMs?: number;
}

/** The outcome of scanning a container's log. */
export interface LogScan {
  matches: number;
  lastLines: string[];
  /** Why the scan stopped: enough matches, the timeout, or the end of the log. */
  stoppedBy: 'matched' | 'timeout' | 'end';
}

function matcherOf(pattern: string | RegExp): (line: string) => boolean {
  if (typeof pattern === 'string') return (line) => line.includes(pattern);
  return (line) => {
    pattern.lastIndex = 0;
    return pattern.test(line);
  };
}

/** Reads the log (following when `follow`) until `times` lines match, the timeout, or the end. */
export async function scanLog(
  container: LoggingContainer,
  pattern: string | RegExp,
  times: number,
  timeoutMs: number,
  follow: boolean,
): Promise<LogScan> {
  const matches = matcherOf(pattern);
  const stream = await container.logs({ follow });
  const lastLines: string[] = [];
  let count = 0;
  let partial = '';
  let timedOut = false;
  const timer = setTimeout(() => {
    timedOut = true;
    (stream as NodeJS.ReadableStream & { destroy?: () => void }).destroy?.();
  }, timeoutMs);
  timer.unref();
  // Whether `line` made the count; keeps the last 20 lines for the failure message.
  const take = (line: string): boolean => {
    lastLines.push(line);
    if (lastLines.length > 20) lastLines.shift();
    return matches(line) && ++count >= times;
  };
  try {
    for await (const chunk of stream) {
      const parts = (partial + String(chunk)).split('\n');
      partial = parts.pop() ?? '';
      for (const line of parts) if (take(line)) return { matches: count, lastLines, stoppedBy: 'matched' };
    }
    // The log ended: a last line without a newline is still a line.
    if (partial && take(partial)) return { matches: count, lastLines, stoppedBy: 'matched' };
  } catch {
    // destroyed by the timeout
  } finally {
    clearTimeout(timer);
    (stream as NodeJS.ReadableStream & { destroy?: () => void }).destroy?.();
  }
  return { matches: count, lastLines, stoppedBy: timedOut ? 'timeout' : 'end' };
}
