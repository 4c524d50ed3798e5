import { openLogLines } from '../engine/logs';
import { AbstractWaitStrategy } from '../wait/abstract-wait-strategy';
import { waitForExit } from '../wait/container-events';
import type { WaitTarget } from '../wait/wait-target';
import type { ContainerSpec } from './container-spec';
import { runStartPipeline, type ContainerLifecycleHooks } from './start-pipeline';

/** The outcome of {@link GenericContainer.runToCompletion}: the command's exit code and its whole output. */
export interface RunResult {
  /** The exit code of the container's main process. A non-zero code does not throw. */
  exitCode: number;
  /** stdout and stderr, whole lines in the order they were logged. */
  output: string;
  /** The lines written to stdout. */
  stdout: string;
  /** The lines written to stderr (empty for a TTY container, whose output is all stdout). */
  stderr: string;
}

/** Ready when the container stops running, whatever its exit code: the exit is the outcome. */
class RunToCompletionWait extends AbstractWaitStrategy {
  async waitUntilReady(target: WaitTarget, signal: AbortSignal): Promise<void> {
    await waitForExit(target, signal);
  }
  describe(): string {
    return 'run to completion';
  }
  expectsExit(): boolean {
    return true;
  }
}

/**
 * `docker run --rm`: starts the container through the one start pipeline, waits until its command
 * exits (bounded by the startup timeout, cancellable), reads its whole log, and removes it with its
 * anonymous volumes (also when reading fails). The spec's wait strategy, `withReuse()` and
 * `withAutoRemove(false)` do not apply.
 */
export async function runToCompletion(spec: ContainerSpec, hooks: ContainerLifecycleHooks, signal?: AbortSignal): Promise<RunResult> {
  const container = await runStartPipeline({ ...spec, reuse: false, waitStrategy: new RunToCompletionWait() }, hooks, signal);
  try {
    const { engine, inspect } = container.currentRun;
    const exitCode = (await container.inspect()).state.exitCode;
    const log = await openLogLines(engine, container.getId(), { follow: false, tty: inspect.Config.Tty === true });
    const result: RunResult = { exitCode, output: '', stdout: '', stderr: '' };
    for await (const line of log.lines as AsyncIterable<{ text: string; stream: 'stdout' | 'stderr' }>) {
      result.output += `${line.text}\n`;
      result[line.stream] += `${line.text}\n`;
    }
    return result;
  } finally {
    await container.stop({ remove: true, removeVolumes: true });
  }
}
