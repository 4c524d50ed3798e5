import { Readable } from 'node:stream';
import type { Engine } from './engine';
import { toEngineError } from './engine-error';
import { inspectImage } from './images';
import { followProgress } from './progress-stream';

/**
 * Engine calls behind volume backups: a helper image imported from a tar the client builds (no
 * registry), and helper containers that mount one volume so the archive endpoints (`archive.ts`)
 * can read and write it; `removeContainer(engine, id, false)` removes them without their volumes.
 * Everything goes through the Engine API, so it works against remote engines.
 */

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
    await followProgress(stream as Readable);
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
