import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { inspectTarFile, NotATarError } from '../../../src/volume/tar-validate';
import { writeTar } from '../../../src/volume/tar-write';

describe('writeTar / inspectTarFile', () => {
  let dir: string;
  beforeAll(() => {
    dir = mkdtempSync(path.join(tmpdir(), 'berth-tar-'));
  });
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  const file = (name: string, data: Buffer): string => {
    const p = path.join(dir, name);
    writeFileSync(p, data);
    return p;
  };

  it('writes an archive that GNU tar lists with modes and root ownership', async () => {
    const tar = await writeTar([
      { name: 'volume', type: 'dir', mode: 0o755 },
      { name: 'bin/tool', type: 'file', mode: 0o755, data: Buffer.from('x'.repeat(700)) },
    ]);
    expect(tar.length % 512).toBe(0);
    const listing = execFileSync('tar', ['-tvf', file('ok.tar', tar)], { encoding: 'utf8' });
    expect(listing).toMatch(/^drwxr-xr-x 0\/0\s+0 .* volume\/$/m);
    expect(listing).toMatch(/^-rwxr-xr-x 0\/0\s+700 .* bin\/tool$/m);
    expect(execFileSync('tar', ['-xOf', file('ok.tar', tar), 'bin/tool'], { encoding: 'utf8' })).toBe('x'.repeat(700));
  });

  it('writes the same bytes for the same entries (the helper image is reproducible)', async () => {
    const entries = [{ name: 'a', type: 'file' as const, mode: 0o755, data: Buffer.from('same') }];
    expect((await writeTar(entries)).equals(await writeTar(entries))).toBe(true);
  });

  it('accepts archives written by our writer and by GNU tar (incl. long names)', async () => {
    await expect(inspectTarFile(file('own.tar', await writeTar([{ name: 'a', type: 'file', mode: 0o644, data: Buffer.from('hi') }])))).resolves.toEqual({ headers: 1 });
    const src = path.join(dir, 'src');
    execFileSync('mkdir', ['-p', path.join(src, 'd'.repeat(120))]);
    writeFileSync(path.join(src, 'd'.repeat(120), 'f'), 'data');
    const gnu = path.join(dir, 'gnu.tar');
    execFileSync('tar', ['-C', src, '-cf', gnu, '.']);
    const summary = await inspectTarFile(gnu);
    expect(summary.headers).toBeGreaterThanOrEqual(3);
    const pax = path.join(dir, 'pax.tar');
    execFileSync('tar', ['--format=pax', '-C', src, '-cf', pax, '.']);
    await expect(inspectTarFile(pax)).resolves.toEqual({ headers: 3 });
    const empty = path.join(dir, 'empty.tar');
    execFileSync('tar', ['-C', path.join(src, 'd'.repeat(120)), '-cf', empty, '--files-from', '/dev/null']);
    await expect(inspectTarFile(empty)).resolves.toEqual({ headers: 0 });
  });

  it('accepts a GNU base-256 size field', async () => {
    const tar = await writeTar([{ name: 'big', type: 'file', mode: 0o644, data: Buffer.alloc(700, 1) }]);
    tar.fill(0, 124, 136);
    tar[124] = 0x80;
    tar.writeUInt32BE(700, 132);
    tar.fill(' ', 148, 156);
    const sum = tar.subarray(0, 512).reduce((a, b) => a + b, 0);
    tar.write(`${sum.toString(8).padStart(6, '0')}\0 `, 148, 'latin1');
    await expect(inspectTarFile(file('base256.tar', tar))).resolves.toEqual({ headers: 1 });
  });

  it('ignores what follows the end-of-archive block, as tar does', async () => {
    const tar = await writeTar([{ name: 'a', type: 'file', mode: 0o644, data: Buffer.from('hi') }]);
    const junk = Buffer.from('trailing junk '.repeat(100));
    await expect(inspectTarFile(file('junk.tar', Buffer.concat([tar, junk])))).resolves.toEqual({ headers: 1 });
  });

  it.each([
    ['an empty file', Buffer.alloc(0), /shorter than one 512-byte tar header/],
    ['a text file', Buffer.from('hello world\n'.repeat(100)), /no valid tar checksum/],
    ['a Redis dump', Buffer.concat([Buffer.from('REDIS0011'), Buffer.alloc(600, 1)]), /no valid tar checksum/],
  ])('rejects %s', async (_label, data, message) => {
    await expect(inspectTarFile(file('bad.bin', data))).rejects.toThrow(message);
    await expect(inspectTarFile(file('bad.bin', data))).rejects.toBeInstanceOf(NotATarError);
  });

  it('names the byte offset of the first bad header', async () => {
    await expect(inspectTarFile(file('text.bin', Buffer.from('hello world\n'.repeat(100))))).rejects.toThrow(/^the header at byte 0 has no valid tar checksum$/);
    const tar = await writeTar([{ name: 'a', type: 'file', mode: 0o644, data: Buffer.from('hi') }]);
    const second = Buffer.concat([tar.subarray(0, 1024), Buffer.alloc(512, 1), tar.subarray(1024)]);
    await expect(inspectTarFile(file('second.tar', second))).rejects.toThrow(/the header at byte 1024 has no valid tar checksum/);
  });

  it('rejects a truncated archive', async () => {
    const tar = await writeTar([{ name: 'big', type: 'file', mode: 0o644, data: Buffer.alloc(5000, 7) }]);
    await expect(inspectTarFile(file('cut.tar', tar.subarray(0, 2048)))).rejects.toThrow(/truncated/);
  });

  it('rejects an archive cut at an entry boundary (no end-of-archive block)', async () => {
    const tar = await writeTar([
      { name: 'a', type: 'file', mode: 0o644, data: Buffer.alloc(5000, 7) },
      { name: 'b', type: 'file', mode: 0o644, data: Buffer.from('b') },
    ]);
    await expect(inspectTarFile(file('boundary.tar', tar.subarray(0, 512 + 5120)))).rejects.toThrow(
      /^the archive is truncated: no end-of-archive block after entry 1$/,
    );
    await expect(inspectTarFile(file('header-only.tar', tar.subarray(0, 512 + 5120 + 300)))).rejects.toThrow(
      /the archive is truncated: the file ends inside the header at byte 5632/,
    );
    await expect(inspectTarFile(file('mid.tar', tar.subarray(0, 512 + 5120 + 512)))).rejects.toThrow(
      /the archive is truncated: entry 2 ends after the end of the file/,
    );
  });

  it('passes the file system error through for a missing file', async () => {
    await expect(inspectTarFile(path.join(dir, 'missing.tar'))).rejects.toMatchObject({ code: 'ENOENT' });
  });
});
