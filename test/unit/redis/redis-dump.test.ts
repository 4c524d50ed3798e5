import { execFileSync } from 'node:child_process';
import { createReadStream, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { BackupError } from 'berth';
import { assertRedisDump, prepareDumpTarget } from '../../../src/modules/redis/redis-dump';

describe('Redis dump files (no engine)', () => {
  let dir: string;
  const dump = Buffer.concat([Buffer.from('REDIS0011'), Buffer.from([0xfa, 0x09]), Buffer.from('redis-ver')]);

  beforeAll(() => {
    dir = mkdtempSync(path.join(tmpdir(), 'berth-rdb-'));
  });
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  /** A tar (made by GNU tar) holding the given files. */
  function tarOf(name: string, files: Record<string, Buffer>): string {
    const src = path.join(dir, `${name}-src`);
    mkdirSync(src);
    for (const [file, data] of Object.entries(files)) writeFileSync(path.join(src, file), data);
    const tar = path.join(dir, `${name}.tar`);
    execFileSync('tar', ['-C', src, '-cf', tar, ...Object.keys(files)]);
    return tar;
  }

  it('accepts a file that starts with REDIS and a 4-digit RDB version', async () => {
    writeFileSync(path.join(dir, 'ok.rdb'), dump);
    await expect(assertRedisDump(path.join(dir, 'ok.rdb'))).resolves.toBeUndefined();
  });

  it.each([
    ['text', Buffer.from('hello world')],
    ['a tar archive', Buffer.alloc(1024)],
    ['an almost-dump', Buffer.from('REDISxxxx')],
    ['an empty file', Buffer.alloc(0)],
  ])('rejects %s with BackupError "not a Redis dump"', async (_label, data) => {
    const file = path.join(dir, 'bad.rdb');
    writeFileSync(file, data);
    await expect(assertRedisDump(file)).rejects.toBeInstanceOf(BackupError);
    await expect(assertRedisDump(file)).rejects.toThrow(/not a Redis dump/);
  });

  it('rejects a missing file as unreadable', async () => {
    await expect(assertRedisDump(path.join(dir, 'nope.rdb'))).rejects.toThrow(/cannot be read: ENOENT/);
  });

  it('extracts the one dump in an archive to the target, leaving no temporary folder', async () => {
    const out = path.join(dir, 'extract-ok', 'backup.rdb');
    mkdirSync(path.dirname(out));
    const write = await prepareDumpTarget(out);
    await write(createReadStream(tarOf('one', { 'dump.rdb': dump })));
    expect(readFileSync(out)).toEqual(dump);
    expect(readdirSync(path.dirname(out))).toEqual(['backup.rdb']);
  });

  it.each([
    ['two files', { 'dump.rdb': dump, 'other.rdb': dump }, /expected one file in the archive, found 2/],
    ['a file that is not a dump', { 'dump.rdb': Buffer.from('nope') }, /not a Redis dump/],
  ])('refuses an archive with %s and writes nothing', async (label, files, message) => {
    const folder = path.join(dir, `extract-${label.replace(/\W/g, '')}`);
    mkdirSync(folder);
    const write = await prepareDumpTarget(path.join(folder, 'backup.rdb'));
    await expect(write(createReadStream(tarOf(label.replace(/\W/g, ''), files)))).rejects.toThrow(message);
    expect(readdirSync(folder)).toEqual([]);
  });

  it('checks the target before anything is read', async () => {
    await expect(prepareDumpTarget(path.join(dir, 'no', 'such', 'x.rdb'))).rejects.toThrow(/cannot be written: ENOENT/);
    await expect(prepareDumpTarget(dir)).rejects.toThrow(/is a directory/);
    expect(existsSync(path.join(dir, 'no'))).toBe(false);
  });
});
