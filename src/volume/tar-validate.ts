import { open } from 'node:fs/promises';

const BLOCK = 512;

/** What {@link inspectTarFile} found in a well-formed archive. */
export interface TarSummary {
  /** Number of headers (pax and long-name headers included). */
  headers: number;
}

/** Why a file is not a tar archive; thrown by {@link inspectTarFile}. */
export class NotATarError extends Error {}

function parseSize(header: Buffer): number {
  const field = header.subarray(124, 136);
  if ((field[0] ?? 0) & 0x80) {
    // GNU base-256: big-endian binary after the marker bit.
    let value = 0;
    for (let i = 1; i < field.length; i++) value = value * 256 + (field[i] ?? 0);
    return value;
  }
  const text = field.toString('latin1').replace(/\0.*$/s, '').trim();
  if (!/^[0-7]*$/.test(text)) throw new NotATarError(`header has an invalid size field ${JSON.stringify(text)}`);
  return text === '' ? 0 : parseInt(text, 8);
}

function checksumMatches(header: Buffer): boolean {
  const text = header.subarray(148, 156).toString('latin1').replace(/\0/g, ' ').trim().split(' ')[0] ?? '';
  if (!/^[0-7]+$/.test(text)) return false;
  let unsigned = 0;
  let signed = 0;
  for (let i = 0; i < BLOCK; i++) {
    const byte = i >= 148 && i < 156 ? 0x20 : (header[i] ?? 0);
    unsigned += byte;
    signed += byte > 127 ? byte - 256 : byte;
  }
  const expected = parseInt(text, 8);
  return expected === unsigned || expected === signed;
}

/**
 * Checks that `file` is a complete tar archive by walking its headers (the contents are skipped,
 * so this is cheap for large archives). Every header's checksum must match, every entry's data
 * must be present and the end-of-archive (zero) block must follow the last entry. Throws
 * {@link NotATarError} saying what is wrong.
 */
export async function inspectTarFile(file: string): Promise<TarSummary> {
  const handle = await open(file, 'r');
  try {
    const { size } = await handle.stat();
    if (size < BLOCK) throw new NotATarError(`the file is ${size} bytes, shorter than one 512-byte tar header`);
    const header = Buffer.alloc(BLOCK);
    let offset = 0;
    let headers = 0;
    while (offset + BLOCK <= size) {
      await handle.read(header, 0, BLOCK, offset);
      if (header.every((b) => b === 0)) return { headers };
      if (!checksumMatches(header)) {
        throw new NotATarError(`the header at byte ${offset} has no valid tar checksum`);
      }
      const dataBlocks = Math.ceil(parseSize(header) / BLOCK);
      offset += BLOCK * (1 + dataBlocks);
      headers++;
      if (offset > size) throw new NotATarError(`the archive is truncated: entry ${headers} ends after the end of the file`);
    }
    // Every tar writer ends the archive with zero blocks; without one, the file was cut short.
    throw new NotATarError(`the archive is truncated: no end-of-archive block after entry ${headers}`);
  } finally {
    await handle.close();
  }
}
