import type { Readable } from 'node:stream';
import type { Engine } from '../engine/engine';
import { putArchive } from '../engine/archive';
import { buildTar, isEmptyTarInput, type TarInput } from './tar';
import type { ArchiveToCopy, CopyToContainerOptions } from './types';
import { validateContainerPath } from './validate';

/** Copies host files, directories and contents into a container (created or running) in one archive. */
export async function copyToContainer(
  engine: Engine,
  id: string,
  input: TarInput,
  options: CopyToContainerOptions = {},
): Promise<void> {
  if (isEmptyTarInput(input)) return;
  await putArchive(engine, id, buildTar(input), '/', options);
}

/** Extracts tar archives into a container, each at its target directory. */
export async function copyArchivesToContainer(
  engine: Engine,
  id: string,
  archives: readonly ArchiveToCopy[],
  options: CopyToContainerOptions = {},
): Promise<void> {
  for (const archive of archives) await copyArchive(engine, id, archive.tar, archive.target, options);
}

/** Extracts one tar archive into a container at `target` (default `/`). */
export async function copyArchive(
  engine: Engine,
  id: string,
  tar: Readable,
  target = '/',
  options: CopyToContainerOptions = {},
): Promise<void> {
  await putArchive(engine, id, tar, validateContainerPath('archive target', target), options);
}
