import { Readable } from 'node:stream';
import type { Engine } from './engine';
import { engineMessageOf, statusCodeOf, toEngineError } from './engine-error';
import { inspectImage } from './images';

/**
 * Engine calls behind volume backups: a helper image imported from a tar the client builds (no
 * registry), and helper containers that mount one volume so the archive endpoints can read and
 * write it. Everything goes through the Engine API, so it works against remote engines.
 */

/** Reads an engine progress stream to its end; rejects with the first `error` message in it. */
async function drainProgress(stream: NodeJS.ReadableStream, operation: string): Promise<void> {
  let text = '';
  for await (const chunk of stream as AsyncIterable<Buffer | string>) text += chunk.toString();
  for (const line of text.split('\n')) {
    if (!line.trim()) continue;
    let message: { error?: string; errorDetail?: { message?: string } } | undefined;
    try {
      message = JSON.parse(line) as typeof message;
    } catch {
      continue;
    }
    const error = message?.errorDetail?.message ?? message?.error;
    if (error) throw toEngineError(operation, { message: error });
  }
}

/** Imports `rootfs` (a tar) as image `reference` unless it exists (`POST /images/create?fromSrc=-`). */
export async function importImageOnce(
  engine: Engine,
  reference: string,
  rootfs: Buffer,
  changes: readonly string[],
): Promise<void> {
  if (await inspectImage(engine, reference)) return;
  const [repo, tag] = reference.split(':');
  const operation = `Import helper image ${reference}`;
  try {
    const stream = await engine.api.importImage(Readable.from([rootfs]), { repo, tag, changes: [...changes] });
    await drainProgress(stream, operation);
  } catch (error) {
    throw toEngineError(operation, error);
  }
}

/** Creates (never starts unless asked) a helper container that mounts `volume` at `mountPoint`. */
export async function createHelperContainer(
  engine: Engine,
  image: string,
  volume: string,
  mountPoint: string,
  readOnly: boolean,
  labels: Record<string, string>,
): Promise<string> {
  try {
    const container = await engine.api.createContainer({
      Image: image,
      Labels: labels,
      NetworkDisabled: true,
      User: '0:0',
      HostConfig: {
        NetworkMode: 'none',
        Mounts: [{ Type: 'volume', Source: volume, Target: mountPoint, ReadOnly: readOnly }],
      },
    });
    return container.id;
  } catch (error) {
    throw toEngineError(`Create helper container for volume ${volume}`, error);
  }
}

/** Streams a path out of a container as a tar (`GET /containers/{id}/archive`). */
export async function getArchive(engine: Engine, containerId: string, path: string): Promise<Readable> {
  try {
    return (await engine.api.getContainer(containerId).getArchive({ path })) as unknown as Readable;
  } catch (error) {
    throw toEngineError(`Read ${path} from container ${containerId.slice(0, 12)}`, error);
  }
}

/** Extracts a tar into a container's directory (`PUT /containers/{id}/archive`). */
export async function putArchive(engine: Engine, containerId: string, path: string, tar: Readable): Promise<void> {
  try {
    const response = (await engine.api.getContainer(containerId).putArchive(tar, { path })) as unknown;
    if (response && typeof (response as NodeJS.ReadableStream).resume === 'function') {
      (response as NodeJS.ReadableStream).resume();
    }
  } catch (error) {
    throw toEngineError(`Write ${path} in container ${containerId.slice(0, 12)}`, error);
  }
}

/** Starts a helper container and resolves its exit code when it exits. */
export async function runToExit(engine: Engine, containerId: string): Promise<number> {
  const container = engine.api.getContainer(containerId);
  try {
    await container.start();
    // `not-running` (the default) answers at once if the container already exited.
    const exited = (await container.wait({ condition: 'not-running' })) as { StatusCode: number };
    return exited.StatusCode;
  } catch (error) {
    throw toEngineError(`Run helper container ${containerId.slice(0, 12)}`, error);
  }
}

/** Removes a helper container (never its volumes). A container that is already gone counts as removed. */
export async function removeHelperContainer(engine: Engine, containerId: string): Promise<void> {
  try {
    await engine.api.getContainer(containerId).remove({ force: true, v: false });
  } catch (error) {
    if (statusCodeOf(error) === 404) return;
    if (/removal .* already in progress/i.test(engineMessageOf(error))) return;
    throw toEngineError(`Remove helper container ${containerId.slice(0, 12)}`, error);
  }
}
