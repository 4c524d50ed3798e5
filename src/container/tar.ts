import { createReadStream } from 'node:fs';
import { readdir, stat } from 'node:fs/promises';
import path from 'node:path';
import type { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import * as tarStream from 'tar-stream';
import { InvalidArgumentError } from '../errors';
import type { Content, ContentToCopy, DirectoryToCopy, FileToCopy } from './types';
import { validateContainerPath } from './validate';

/** Files, directories and contents to put into one tar archive, extracted at `/`. */
export interface TarInput {
  files?: readonly FileToCopy[];
  directories?: readonly DirectoryToCopy[];
  contents?: readonly ContentToCopy[];
}

async function contentToBuffer(content: Content): Promise<Buffer> {
  if (typeof content === 'string') return Buffer.from(content, 'utf8');
  if (Buffer.isBuffer(content)) return content;
  const chunks: Buffer[] = [];
  for await (const chunk of content as AsyncIterable<Buffer | string>) chunks.push(Buffer.isBuffer(chunk) ? chunk : Buffer.from(chunk));
  return Buffer.concat(chunks);
}

function entryName(target: string): string {
  return path.posix.normalize(target).replace(/^\/+/, '');
}

function writeFile(pack: tarStream.Pack, source: string, name: string, size: number, mode: number, mtime: Date): Promise<void> {
  const entry = pack.entry({ name, size, mode, mtime, type: 'file' });
  return pipeline(createReadStream(source), entry);
}

async function addDirectory(pack: tarStream.Pack, source: string, name: string, mode: number | undefined): Promise<void> {
  const info = await stat(source);
  pack.entry({ name: `${name}/`, type: 'directory', mode: mode ?? info.mode & 0o7777, mtime: info.mtime });
  for (const child of await readdir(source)) {
    const childPath = path.join(source, child);
    const childInfo = await stat(childPath);
    const childName = `${name}/${child}`;
    if (childInfo.isDirectory()) await addDirectory(pack, childPath, childName, undefined);
    else if (childInfo.isFile()) await writeFile(pack, childPath, childName, childInfo.size, childInfo.mode & 0o7777, childInfo.mtime);
  }
}

async function fill(pack: tarStream.Pack, input: TarInput): Promise<void> {
  for (const file of input.files ?? []) {
    const target = validateContainerPath('copy target', file.target);
    const info = await stat(file.source).catch((error: unknown) => {
      throw new InvalidArgumentError('file to copy', file.source, `cannot read it: ${(error as Error).message}`);
    });
    if (!info.isFile()) throw new InvalidArgumentError('file to copy', file.source, 'not a regular file');
    await writeFile(pack, file.source, entryName(target), info.size, file.mode ?? info.mode & 0o7777, info.mtime);
  }
  for (const dir of input.directories ?? []) {
    const target = validateContainerPath('copy target', dir.target);
    const info = await stat(dir.source).catch((error: unknown) => {
      throw new InvalidArgumentError('directory to copy', dir.source, `cannot read it: ${(error as Error).message}`);
    });
    if (!info.isDirectory()) throw new InvalidArgumentError('directory to copy', dir.source, 'not a directory');
    await addDirectory(pack, dir.source, entryName(target), dir.mode);
  }
  for (const item of input.contents ?? []) {
    const target = validateContainerPath('copy target', item.target);
    const data = await contentToBuffer(item.content);
    pack.entry({ name: entryName(target), type: 'file', mode: item.mode ?? 0o644, size: data.length, mtime: new Date() }, data);
  }
}

/** Builds one tar archive (extracted at `/`) of host files, host directories and contents. */
export function buildTar(input: TarInput): Readable {
  const pack = tarStream.pack();
  fill(pack, input).then(
    () => pack.finalize(),
    (error: unknown) => pack.destroy(error as Error),
  );
  return pack as unknown as Readable;
}

/** Whether there is anything to copy. */
export function isEmptyTarInput(input: TarInput): boolean {
  return !input.files?.length && !input.directories?.length && !input.contents?.length;
}
