import { createReadStream } from 'node:fs';
import { open, type FileHandle } from 'node:fs/promises';
import { pipeline } from 'node:stream/promises';
import * as tarStream from 'tar-stream';

const BLOCK = 512;

/** What {@link inspectTarFile} found in a well-formed archive. */
export interface TarSummary {
  /** Number of entries (a pax or GNU long-name header counts with the entry it describes). */
  headers: number;
}

/** Why a file is not a tar archive; thrown by {@link inspectTarFile}. */
export class NotATarError extends Error {}

/** Where the archive continues after an entry: its header plus its data padded to whole blocks. */
function endOf(header: tarStream.Header, offset: number): number {
  const data = header.type === 'directory' ? 0 : header.size;
  return offset + BLOCK + Math.ceil(data / BLOCK) * BLOCK;
}

/** Whether a whole zero block (the end-of-archive marker) starts at `offset`. */
async function zeroBlockAt(handle: FileHandle, offset: number, size: number): Promise<boolean> {
  if (offset + BLOCK > size) return false;
  const { buffer } = await handle.read(Buffer.alloc(BLOCK), 0, BLOCK, offset);
  return buffer.every((byte) => byte === 0);
}

function describe(error: Error, offset: number, size: number, entries: number): string {
  if (error.message.startsWith('Invalid tar header.')) return `the header at byte ${offset} has no valid tar checksum`;
  if (error.message === 'Unexpected end of data') {
    return offset > size
      ? `the archive is truncated: entry ${entries} ends after the end of the file`
      : `the archive is truncated: the file ends inside the header at byte ${offset}`;
  }
  return `the header at byte ${offset} is invalid (${error.message})`;
}

/**
 * Checks that `file` is a complete tar archive: tar-stream parses every header (checksums, GNU and
 * pax long names, base-256 sizes) and drains every entry's data; then the end-of-archive (zero)
 * block must follow the last entry (anything after it is ignored, as tar does). Throws
 * {@link NotATarError} saying what is wrong, or the file system error when the file cannot be read.
 */
export async function inspectTarFile(file: string): Promise<TarSummary> {
  const handle = await open(file, 'r');
  try {
    const { size } = await handle.stat();
    if (size < BLOCK) throw new NotATarError(`the file is ${size} bytes, shorter than one 512-byte tar header`);
    let headers = 0;
    let end = 0;
    const extract = tarStream.extract();
    extract.on('entry', (header, entry, next) => {
      headers++;
      end = endOf(header, entry.offset);
      entry.on('end', () => next());
      entry.on('error', () => undefined); // the same error rejects the pipeline below
      entry.resume();
    });
    let failure: Error | undefined;
    try {
      await pipeline(createReadStream(file), extract);
    } catch (error) {
      if (typeof (error as NodeJS.ErrnoException).syscall === 'string') throw error;
      failure = error as Error;
    }
    if (await zeroBlockAt(handle, end, size)) return { headers };
    if (failure) throw new NotATarError(describe(failure, end, size, headers), { cause: failure });
    // tar-stream accepts a stream that stops at an entry boundary; every tar writer ends with zero blocks.
    throw new NotATarError(`the archive is truncated: no end-of-archive block after entry ${headers}`);
  } finally {
    await handle.close();
  }
}
