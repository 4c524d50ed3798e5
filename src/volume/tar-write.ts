/** One entry of an archive that {@link writeTar} builds in memory. */
export interface TarEntry {
  /** Path inside the archive, without a leading `/` (at most 100 bytes). */
  name: string;
  /** `file` (with `data`) or `dir`. */
  type: 'file' | 'dir';
  /** Permission bits, e.g. `0o755`. */
  mode: number;
  /** File contents. */
  data?: Buffer;
}

const BLOCK = 512;

function writeString(header: Buffer, value: string, offset: number, length: number): void {
  const bytes = Buffer.from(value, 'utf8');
  if (bytes.length > length) throw new Error(`tar field too long: ${value}`);
  bytes.copy(header, offset);
}

function writeOctal(header: Buffer, value: number, offset: number, length: number): void {
  writeString(header, `${value.toString(8).padStart(length - 1, '0')}\0`, offset, length);
}

function headerFor(entry: TarEntry, size: number): Buffer {
  const header = Buffer.alloc(BLOCK);
  writeString(header, entry.type === 'dir' && !entry.name.endsWith('/') ? `${entry.name}/` : entry.name, 0, 100);
  writeOctal(header, entry.mode, 100, 8);
  writeOctal(header, 0, 108, 8); // uid root
  writeOctal(header, 0, 116, 8); // gid root
  writeOctal(header, size, 124, 12);
  writeOctal(header, 0, 136, 12); // mtime: fixed, so the archive (and the image) is reproducible
  header.fill(' ', 148, 156); // checksum is computed with its own field as spaces
  header.write(entry.type === 'dir' ? '5' : '0', 156, 'latin1');
  writeString(header, 'ustar\u000000', 257, 8);
  let sum = 0;
  for (const byte of header) sum += byte;
  writeString(header, `${sum.toString(8).padStart(6, '0')}\0 `, 148, 8);
  return header;
}

/** Builds a small POSIX (ustar) archive in memory: root-owned entries, mtime 0, two end blocks. */
export function writeTar(entries: readonly TarEntry[]): Buffer {
  const parts: Buffer[] = [];
  for (const entry of entries) {
    const data = entry.type === 'file' ? (entry.data ?? Buffer.alloc(0)) : Buffer.alloc(0);
    parts.push(headerFor(entry, data.length), data);
    const pad = (BLOCK - (data.length % BLOCK)) % BLOCK;
    if (pad) parts.push(Buffer.alloc(pad));
  }
  parts.push(Buffer.alloc(BLOCK * 2));
  return Buffer.concat(parts);
}
