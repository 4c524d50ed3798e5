import { createHash } from 'node:crypto';
import type { Engine } from '../engine/engine';
import { importImageOnce } from '../engine/volume-helper';
import { LABEL_BERTH, LABEL_TESTCONTAINERS } from '../labels';
import { EMPTY_DIR_AMD64_BASE64 } from './helper/empty-dir-binary';
import { writeTar } from './tar-write';

/** Where helper containers mount the volume they serve. */
export const HELPER_MOUNT_POINT = '/volume';
/** The helper's program: `/empty-dir DIR` deletes everything inside DIR. */
export const HELPER_EMPTY_DIR = '/empty-dir';

const binary = Buffer.from(EMPTY_DIR_AMD64_BASE64, 'base64');

/**
 * The helper image: a root file system berth builds here (the mount point and one 800-byte static
 * program, no shell, no libc) imported through the Engine API, so no registry is needed. The tag
 * is the content hash: a berth upgrade that changes the program gets a new image. The image is
 * kept as a cache (a few kB, labelled `org.testcontainers=true`); `docker image rm` removes it.
 */
export const HELPER_IMAGE = `berth/volume-helper:${createHash('sha256').update(binary).digest('hex').slice(0, 12)}`;

let imported: Promise<void> | undefined;

/** Makes sure {@link HELPER_IMAGE} exists on the engine (once per process; a failure is retried next time). */
export function ensureHelperImage(engine: Engine): Promise<void> {
  if (!imported) {
    imported = writeTar([
      { name: HELPER_MOUNT_POINT.slice(1), type: 'dir', mode: 0o755 },
      { name: HELPER_EMPTY_DIR.slice(1), type: 'file', mode: 0o755, data: binary },
    ]).then((rootfs) =>
      importImageOnce(engine, HELPER_IMAGE, rootfs, [
        `LABEL ${LABEL_TESTCONTAINERS}=true ${LABEL_BERTH}=true`,
        `CMD ["${HELPER_EMPTY_DIR}", "${HELPER_MOUNT_POINT}"]`,
      ]),
    );
    imported.catch(() => {
      imported = undefined;
    });
  }
  return imported;
}

/** Whether the helper program runs on this engine (it is built for linux/amd64 only). */
export function helperCanRun(engine: Engine): boolean {
  return engine.info.os === 'linux' && ['amd64', 'x86_64'].includes(engine.info.arch);
}
