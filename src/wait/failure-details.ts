import type { ContainerFailureDetails } from '../errors';
import type { ExitInfo } from './container-events';
import type { TargetState, WaitTarget } from './wait-target';

/** How many log lines a start failure carries. */
const FAILURE_LOG_LINES = 50;
/** Stop reading logs once no line arrived for this long (the replay of a running container). */
const LOG_IDLE_MS = 200;
/** Never spend longer than this gathering failure details. */
const DETAILS_BUDGET_MS = 3_000;

/**
 * The last `count` lines the container logged since its (re)start. Reads the shared log stream
 * until it ends (a stopped container) or goes quiet (a running one), within a small budget.
 */
async function recentLogLines(target: WaitTarget, count = FAILURE_LOG_LINES): Promise<string[]> {
  const controller = new AbortController();
  const lines: string[] = [];
  let idle: NodeJS.Timeout | undefined;
  const arm = (): void => {
    if (idle) clearTimeout(idle);
    idle = setTimeout(() => controller.abort(), LOG_IDLE_MS);
  };
  const budget = setTimeout(() => controller.abort(), DETAILS_BUDGET_MS);
  arm();
  try {
    for await (const line of target.logLines(controller.signal)) {
      lines.push(line.text);
      if (lines.length > count) lines.shift();
      arm();
    }
  } catch {
    // aborted (idle or budget) or the stream failed: keep what was read
  } finally {
    if (idle) clearTimeout(idle);
    clearTimeout(budget);
    controller.abort();
  }
  return lines;
}

/** The current state, or undefined when it cannot be read within the budget. */
async function currentState(target: WaitTarget): Promise<TargetState | undefined> {
  try {
    return await target.state(AbortSignal.timeout(DETAILS_BUDGET_MS));
  } catch {
    return undefined;
  }
}

/** What a failed wait knew: state, exit code, OOM flag and the last log lines. */
export async function failureDetails(target: WaitTarget, exit?: ExitInfo): Promise<ContainerFailureDetails> {
  const [state, logLines] = await Promise.all([currentState(target), recentLogLines(target)]);
  return {
    containerId: target.id,
    image: target.image,
    state: state?.status ?? exit?.status,
    exitCode: exit?.exitCode ?? (state && !state.running ? state.exitCode : undefined),
    oomKilled: (exit?.oomKilled ?? false) || (state?.oomKilled ?? false),
    logLines,
  };
}
