import type { Engine } from './engine';
import { toEngineError } from './engine-error';
import { toLineStream, type LogLineStream } from './logs';

/**
 * Attaches to a container's stdout and stderr (`POST /containers/{id}/attach?stream=1`), as lines
 * per stream. Attached before `start`, it carries every line of the run as the container writes
 * it, without waiting for the engine's log driver or the container's lock (which the engine holds
 * while it cleans up after an exit, so a `logs` request then waits). Ends when the container
 * stops. The socket never keeps the process alive unless `keepAlive(true)`.
 */
export async function attachOutputLines(engine: Engine, id: string, tty: boolean): Promise<LogLineStream> {
  let raw: unknown;
  try {
    raw = await engine.api.getContainer(id).attach({ stream: true, stdout: true, stderr: true });
  } catch (error) {
    throw toEngineError(`Attach to container ${id.slice(0, 12)}`, error);
  }
  return toLineStream(raw, tty);
}
