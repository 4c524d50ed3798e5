import { buffer } from 'node:stream/consumers';
import * as tarStream from 'tar-stream';

/** One entry of an archive that {@link writeTar} builds in memory. */
export interface TarEntry {
  /** Path inside the archive, without a leading `/`. */
  name: string;
  /** `file` (with `data`) or `dir`. */
  type: 'file' | 'dir';
  /** Permission bits, e.g. `0o755`. */
  mode: number;
  /** File contents. */
  data?: Buffer;
}

/** Fixed, so the archive (and an image built from it) is reproducible. */
const EPOCH = new Date(0);

/**
 * Builds a small POSIX (ustar) archive in memory with tar-stream: root-owned entries, mtime 0,
 * end-of-archive blocks. Rejects when tar-stream cannot encode an entry.
 */
export async function writeTar(entries: readonly TarEntry[]): Promise<Buffer> {
  const pack = tarStream.pack();
  const archive = buffer(pack);
  for (const entry of entries) {
    const header = { name: entry.name, mode: entry.mode, uid: 0, gid: 0, mtime: EPOCH };
    // tar marks directories with a trailing `/`; tar-stream leaves the name as given.
    if (entry.type === 'dir') pack.entry({ ...header, name: entry.name.replace(/\/?$/, '/'), type: 'directory' });
    else pack.entry({ ...header, type: 'file' }, entry.data ?? Buffer.alloc(0));
  }
  pack.finalize();
  return archive;
}
