// Imports only the public surface (`../index` is 'berth'), like any third-party matcher would.
import type { ContainerChange } from '../index';
import { scanLog, type LoggingContainer, type ToHaveLoggedOptions } from './to-have-logged';

/** What `toHaveFileChanges` needs of a container: `diff()` (any `StartedTestContainer` has it). */
export interface DiffingContainer {
  diff(): Promise<ContainerChange[]>;
}

/** The `this` Jest gives a matcher (the part berth uses). */
interface MatcherContext {
  isNot: boolean;
  utils: { printExpected(value: unknown): string; printReceived(value: unknown): string };
}

/** A matcher result. */
interface MatcherResult {
  pass: boolean;
  message(): string;
}

function indent(lines: readonly string[]): string {
  return lines.length ? lines.map((l) => `  ${l}`).join('\n') : '  (no log lines)';
}

/**
 * `await expect(container).toHaveLogged(pattern, { times?, timeoutMs? })`: the container logged
 * `times` lines (default 1) that contain `pattern` (or match the RegExp) within `timeoutMs`
 * (default 5000). Failure messages show the last log lines.
 */
export async function toHaveLogged(
  this: MatcherContext,
  container: LoggingContainer,
  pattern: string | RegExp,
  options: ToHaveLoggedOptions = {},
): Promise<MatcherResult> {
  const times = options.times ?? 1;
  const scan = await scanLog(container, pattern, times, options.timeoutMs ?? 5000, !this.isNot);
  const pass = scan.matches >= times;
  const what = `${this.utils.printExpected(pattern)} ${times === 1 ? 'once' : `${times} times`}`;
  return {
    pass,
    message: () =>
      pass
        ? `expected the container not to have logged ${what}, but it did (${scan.matches} matching lines).\nLast log lines:\n${indent(scan.lastLines)}`
        : `expected the container to have logged ${what}, but saw ${scan.matches} matching line(s)` +
          `${scan.stoppedBy === 'timeout' ? ` within ${options.timeoutMs ?? 5000} ms` : ' before the log ended'}.\n` +
          `Last log lines:\n${indent(scan.lastLines)}`,
  };
}

function formatChanges(changes: readonly ContainerChange[]): string {
  return changes.length ? changes.map((c) => `  ${c.kind.padEnd(7)} ${c.path}`).join('\n') : '  (no changes)';
}

/**
 * `await expect(container).toHaveFileChanges([{ path, kind }])`: every listed change is in the
 * container's `diff()` (other changes, e.g. parent directories marked `changed`, are allowed).
 * Failure messages show the actual diff.
 */
export async function toHaveFileChanges(
  this: MatcherContext,
  container: DiffingContainer,
  expected: readonly ContainerChange[],
): Promise<MatcherResult> {
  const actual = await container.diff();
  const missing = expected.filter((e) => !actual.some((a) => a.path === e.path && a.kind === e.kind));
  const pass = missing.length === 0;
  return {
    pass,
    message: () =>
      pass
        ? `expected the container not to have these file changes:\n${formatChanges(expected)}\nActual diff:\n${formatChanges(actual)}`
        : `expected the container to have file changes that are missing:\n${formatChanges(missing)}\nActual diff:\n${formatChanges(actual)}`,
  };
}

/** The matchers, for `expect.extend(berthMatchers)`. */
export const berthMatchers = { toHaveLogged, toHaveFileChanges };
