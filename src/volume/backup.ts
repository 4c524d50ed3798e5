import { createReadStream, createWriteStream } from 'node:fs';
import path from 'node:path';
import { pipeline } from 'node:stream/promises';
import type { Engine } from '../engine/engine';
import { getArchive, putArchive } from '../engine/archive';
import { removeContainer } from '../engine/containers';
import { createHelperContainer, runToExit } from '../engine/volume-helper';
import { containersUsingVolume, createVolume, inspectVolume, removeVolume } from '../engine/volumes';
import { BackupError, BerthError } from '../errors';
import { sessionLabels, standardLabels } from '../labels';
import { createLogger } from '../logger';
import { getSessionId } from '../reaper/session';
import { trackResource, untrackResource } from '../reaper/tracker';
import { openBackupTarget } from './backup-target';
import { ensureHelperImage, helperCanRun, HELPER_EMPTY_DIR, HELPER_IMAGE, HELPER_MOUNT_POINT } from './helper-image';
import { inspectTarFile, NotATarError } from './tar-validate';

const log = createLogger('berth:volume');

/** Runs `use` with a helper container that mounts `volume`, and always removes the container. */
async function withHelper<T>(engine: Engine, volume: string, readOnly: boolean, use: (id: string) => Promise<T>): Promise<T> {
  await ensureHelperImage(engine);
  const labels = { ...standardLabels(), ...sessionLabels(getSessionId()) };
  const id = await createHelperContainer(engine, HELPER_IMAGE, volume, HELPER_MOUNT_POINT, readOnly, labels);
  trackResource({ kind: 'container', id, name: `volume helper for ${volume}` });
  try {
    return await use(id);
  } finally {
    await removeContainer(engine, id, false);
    untrackResource('container', id);
  }
}

function wrap(subject: string, what: string, error: unknown): BerthError {
  if (error instanceof BackupError) return error;
  return new BackupError(subject, `${what}: ${error instanceof Error ? error.message : String(error)}`, { cause: error });
}

/**
 * Writes a tar archive of the volume's contents (entries `./...`, as `tar -C dir -cf - .` makes)
 * to `hostFile`. Reads through a helper container that is created but never started, so it works
 * while other containers use the volume and against remote engines. The file appears only once
 * complete. Files written while the backup runs may or may not be in it.
 */
export async function backupVolume(engine: Engine, volume: string, hostFile: string): Promise<void> {
  const target = await openBackupTarget(hostFile);
  try {
    // Checked, because mounting a missing volume would silently create an empty one.
    if (!(await inspectVolume(engine, volume))) throw new BackupError(volume, 'the volume does not exist');
    await withHelper(engine, volume, true, async (id) => {
      const tar = await getArchive(engine, id, `${HELPER_MOUNT_POINT}/.`);
      await pipeline(tar, createWriteStream(target.tempFile));
    });
    await target.commit();
    log.debug(`Backed up volume ${volume} to ${path.resolve(hostFile)}`);
  } catch (error) {
    await target.discard();
    throw wrap(path.resolve(hostFile), `backup of volume ${volume} failed`, error);
  }
}

/** Checks that `hostFile` is a readable, complete tar archive; throws {@link BackupError} otherwise. */
export async function validateRestoreFile(hostFile: string): Promise<void> {
  const file = path.resolve(hostFile);
  try {
    await inspectTarFile(file);
  } catch (error) {
    if (error instanceof NotATarError) throw new BackupError(file, `not a tar archive: ${error.message}`, { cause: error });
    const code = (error as NodeJS.ErrnoException).code ?? 'error';
    throw new BackupError(file, `the restore file cannot be read: ${code} ${(error as Error).message}`, { cause: error });
  }
}

/** Empties the volume in place with the helper program (the volume may be in use). */
async function emptyInPlace(engine: Engine, id: string, volume: string): Promise<void> {
  const exitCode = await runToExit(engine, id);
  if (exitCode !== 0) {
    throw new BackupError(volume, `could not delete the volume's previous contents (${HELPER_EMPTY_DIR} exited with ${exitCode})`);
  }
}

/** Where the helper program cannot run: recreates the volume (same driver, options, labels) if nothing uses it. */
async function recreateUnused(engine: Engine, volume: string): Promise<void> {
  const users = await containersUsingVolume(engine, volume);
  if (users.length) {
    throw new BackupError(
      volume,
      `restoring a volume that containers use (${users.map((u) => u.slice(0, 12)).join(', ')}) needs a linux/amd64 engine; ` +
        `this one is ${engine.info.os}/${engine.info.arch}. Remove those containers first`,
    );
  }
  const current = await inspectVolume(engine, volume);
  if (!current) throw new BackupError(volume, 'the volume does not exist');
  await removeVolume(engine, volume);
  await createVolume(engine, {
    name: volume,
    driver: current.Driver,
    driverOptions: current.Options ?? {},
    labels: current.Labels ?? {},
  });
}

/**
 * Replaces the volume's contents with the tar archive `hostFile`. The file is validated first
 * (a file that is not a complete tar leaves the volume untouched). The previous contents are then
 * deleted by a helper container running a tiny static program berth ships (no shell, no user
 * image), and the archive is extracted through the Engine API. File owners and modes in the
 * archive are kept.
 */
export async function restoreVolume(engine: Engine, volume: string, hostFile: string): Promise<void> {
  await validateRestoreFile(hostFile);
  if (!(await inspectVolume(engine, volume))) throw new BackupError(volume, 'the volume does not exist');
  const file = path.resolve(hostFile);
  try {
    const inPlace = helperCanRun(engine);
    if (!inPlace) await recreateUnused(engine, volume);
    await withHelper(engine, volume, false, async (id) => {
      if (inPlace) await emptyInPlace(engine, id, volume);
      await putArchive(engine, id, createReadStream(file), HELPER_MOUNT_POINT);
    });
    log.debug(`Restored volume ${volume} from ${file}`);
  } catch (error) {
    throw wrap(volume, `restore from ${file} failed`, error);
  }
}
