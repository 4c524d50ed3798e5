import type { Engine } from '../engine/engine';
import { tryInspectContainer } from '../engine/containers';
import { openLogLines } from '../engine/logs';
import type { ContainerFailureDetails } from '../errors';
import type { LogLine } from '../wait/wait-target';

/** What berth can still learn about a container that failed to start (best effort, never throws). */
export async function collectFailureDetails(engine: Engine, id: string | undefined, image: string): Promise<ContainerFailureDetails> {
  if (!id) return { image };
  try {
    const inspect = await tryInspectContainer(engine, id);
    if (!inspect) return { containerId: id, image };
    const details: ContainerFailureDetails = {
      containerId: id,
      image,
      state: inspect.State.Status,
      oomKilled: inspect.State.OOMKilled,
      ...(inspect.State.Running || inspect.State.Status === 'created' ? {} : { exitCode: inspect.State.ExitCode }),
    };
    if (inspect.State.Status === 'created') return details;
    const stream = await openLogLines(engine, id, { follow: false, tail: 50, tty: inspect.Config.Tty === true });
    const lines: string[] = [];
    for await (const line of stream.lines as AsyncIterable<LogLine>) lines.push(line.text);
    return { ...details, logLines: lines };
  } catch {
    return { containerId: id, image };
  }
}
