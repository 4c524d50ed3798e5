import type { Readable } from 'node:stream';
import type { Engine } from './engine';
import { engineCall } from './engine-error';

/** Options of `PUT /containers/{id}/archive`. */
export interface EnginePutArchiveOptions {
  /** Fail when the archive would replace a directory with a non-directory or vice versa. */
  noOverwriteDirNonDir?: boolean;
  /** Keep the archive's UID/GID instead of the container user's. */
  copyUIDGID?: boolean;
}

/** Extracts a tar archive into a container at `targetPath` (an existing directory). */
export async function putArchive(
  engine: Engine,
  id: string,
  tar: Readable | Buffer,
  targetPath: string,
  options: EnginePutArchiveOptions = {},
): Promise<void> {
  await engineCall(`Copy archive to ${targetPath} in container ${id.slice(0, 12)}`, () =>
    engine.api.getContainer(id).putArchive(tar as never, {
      path: targetPath,
      ...(options.noOverwriteDirNonDir ? { noOverwriteDirNonDir: true } : {}),
      ...(options.copyUIDGID ? { copyUIDGID: true } : {}),
    }),
  );
}

/** A tar stream of `sourcePath` in a container (running or stopped, not removed). */
export async function getArchive(engine: Engine, id: string, sourcePath: string): Promise<NodeJS.ReadableStream> {
  return engineCall(`Copy ${sourcePath} from container ${id.slice(0, 12)}`, () =>
    engine.api.getContainer(id).getArchive({ path: sourcePath }),
  );
}
