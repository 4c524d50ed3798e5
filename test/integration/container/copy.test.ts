import { mkdtempSync, mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { Readable } from 'node:stream';
import * as tarStream from 'tar-stream';
import { GenericContainer, InvalidArgumentError, type StartedTestContainer } from 'berth';
import { readAll } from './helpers';

function tarOf(files: Record<string, string>): Readable {
  const pack = tarStream.pack();
  for (const [name, content] of Object.entries(files)) pack.entry({ name }, content);
  pack.finalize();
  return pack as unknown as Readable;
}

describe('copy files, directories, contents and archives', () => {
  let dir: string;
  let container: StartedTestContainer;
  beforeAll(async () => {
    dir = mkdtempSync(path.join(tmpdir(), 'berth-copy-'));
    writeFileSync(path.join(dir, 'script.sh'), '#!/bin/sh\necho script-ran\n');
    mkdirSync(path.join(dir, 'tree', 'sub'), { recursive: true });
    writeFileSync(path.join(dir, 'tree', 'a.txt'), 'A');
    writeFileSync(path.join(dir, 'tree', 'sub', 'b.txt'), 'B');
    container = await new GenericContainer('debian:bookworm')
      .withCommand(['sleep', 'infinity'])
      .withCopyFilesToContainer([{ source: path.join(dir, 'script.sh'), target: '/opt/tools/script.sh', mode: 0o755 }])
      .withCopyDirectoriesToContainer([{ source: path.join(dir, 'tree'), target: '/opt/tree' }])
      .withCopyContentToContainer([
        { content: 'from string', target: '/opt/c/string.txt' },
        { content: Buffer.from('from buffer'), target: '/opt/c/buffer.txt', mode: 0o600 },
        { content: Readable.from(['from ', 'readable']), target: '/opt/c/readable.txt' },
      ])
      .withCopyArchivesToContainer([{ tar: tarOf({ 'in-archive.txt': 'archived' }), target: '/opt' }])
      .start();
  });
  afterAll(async () => {
    await container?.stop();
    rmSync(dir, { recursive: true, force: true });
  });

  const cat = async (file: string): Promise<string> => (await container.exec(['cat', file])).stdout;

  it('copies before start: files with their mode, directories, contents and archives', async () => {
    expect((await container.exec('/opt/tools/script.sh')).stdout).toBe('script-ran\n');
    expect(await cat('/opt/tree/a.txt')).toBe('A');
    expect(await cat('/opt/tree/sub/b.txt')).toBe('B');
    expect(await cat('/opt/c/string.txt')).toBe('from string');
    expect(await cat('/opt/c/buffer.txt')).toBe('from buffer');
    expect(await cat('/opt/c/readable.txt')).toBe('from readable');
    expect(await cat('/opt/in-archive.txt')).toBe('archived');
    expect((await container.exec('stat -c %a /opt/c/buffer.txt')).stdout.trim()).toBe('600');
  });

  it('copies after start', async () => {
    await container.copyFilesToContainer([{ source: path.join(dir, 'tree', 'a.txt'), target: '/after/a.txt' }]);
    await container.copyDirectoriesToContainer([{ source: path.join(dir, 'tree'), target: '/after/tree' }]);
    await container.copyContentToContainer([{ content: 'later', target: '/after/content.txt' }]);
    await container.copyArchiveToContainer(tarOf({ 'x.txt': 'X' }), '/after');
    expect(await cat('/after/a.txt')).toBe('A');
    expect(await cat('/after/tree/sub/b.txt')).toBe('B');
    expect(await cat('/after/content.txt')).toBe('later');
    expect(await cat('/after/x.txt')).toBe('X');
  });

  it('copyArchiveFromContainer returns a tar of the path', async () => {
    const entries: Record<string, string> = {};
    const extract = tarStream.extract();
    extract.on('entry', (header, stream, next) => {
      void readAll(stream as unknown as NodeJS.ReadableStream).then((text) => {
        entries[header.name] = text;
        next();
      });
    });
    const done = new Promise<void>((resolve) => extract.on('finish', () => resolve()));
    (await container.copyArchiveFromContainer('/opt/tree')).pipe(extract);
    await done;
    expect(entries['tree/a.txt']).toBe('A');
    expect(entries['tree/sub/b.txt']).toBe('B');
  });

  it('rejects relative targets and missing sources before creating anything', async () => {
    expect(() => new GenericContainer('debian:bookworm').withCopyContentToContainer([{ content: 'x', target: 'rel' }])).toThrow(InvalidArgumentError);
    await expect(
      new GenericContainer('debian:bookworm').withCopyFilesToContainer([{ source: path.join(dir, 'missing'), target: '/x' }]).start(),
    ).rejects.toThrow(InvalidArgumentError);
  });
});
