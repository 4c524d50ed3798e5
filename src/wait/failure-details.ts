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

/** How long to look again for the OOM flag of a container killed by SIGKILL (exit code 137). */
const OOM_SETTLE_MS = 1_000;

/**
 * The state, looked at again for a short while when the container was killed (exit code 137)
 * without an OOM flag: under load the engine can report the exit before it records the OOM
 * kill that caused it, and the error should say "OOM-killed" when that is what happened.
 */
async function settledState(target: WaitTarget, exit: ExitInfo | undefined): Promise<TargetState | undefined> {
  let state = await currentState(target);
  const deadline = Date.now() + OOM_SETTLE_MS;
  const killed = (): boolean => (exit?.exitCode ?? state?.exitCode) === 137 && !exit?.oomKilled && !state?.oomKilled;
  while (killed() && Date.now() < deadline) {
    await new Promise((resolve) => setTimeout(resolve, 100));
    state = (await currentState(target)) ?? state;
  }
  return state;
}

/** What a failed wait knew: state, exit code, OOM flag and the last log lines. */
export async function failureDetails(target: WaitTarget, exit?: ExitInfo): Promise<ContainerFailureDetails> {
  const [state, logLines] = await Promise.all([settledState(target, exit), recentLogLines(target)]);
  return {
    containerId: target.id,
    image: target.image,
    state: state?.status ?? exit?.status,
    exitCode: exit?.exitCode ?? (state && !state.running ? state.exitCode : undefined),
    oomKilled: (exit?.oomKilled ?? false) || (state?.oomKilled ?? false),
    logLines,
  };
}
