import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { inspectTarFile } from '../../../src/volume/tar-validate';
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

  it('writes an archive that GNU tar lists with modes and root ownership', () => {
    const tar = writeTar([
      { name: 'volume', type: 'dir', mode: 0o755 },
      { name: 'bin/tool', type: 'file', mode: 0o755, data: Buffer.from('x'.repeat(700)) },
    ]);
    expect(tar.length % 512).toBe(0);
    const listing = execFileSync('tar', ['-tvf', file('ok.tar', tar)], { encoding: 'utf8' });
    expect(listing).toMatch(/^drwxr-xr-x 0\/0\s+0 .* volume\/$/m);
    expect(listing).toMatch(/^-rwxr-xr-x 0\/0\s+700 .* bin\/tool$/m);
  });

  it('accepts archives written by our writer and by GNU tar (incl. long names)', async () => {
    await expect(inspectTarFile(file('own.tar', writeTar([{ name: 'a', type: 'file', mode: 0o644, data: Buffer.from('hi') }])))).resolves.toEqual({ headers: 1 });
    const src = path.join(dir, 'src');
    execFileSync('mkdir', ['-p', path.join(src, 'd'.repeat(120))]);
    writeFileSync(path.join(src, 'd'.repeat(120), 'f'), 'data');
    const gnu = path.join(dir, 'gnu.tar');
    execFileSync('tar', ['-C', src, '-cf', gnu, '.']);
    const summary = await inspectTarFile(gnu);
    expect(summary.headers).toBeGreaterThanOrEqual(3);
    const empty = path.join(dir, 'empty.tar');
    execFileSync('tar', ['-C', path.join(src, 'd'.repeat(120)), '-cf', empty, '--files-from', '/dev/null']);
    await expect(inspectTarFile(empty)).resolves.toEqual({ headers: 0 });
  });

  it.each([
    ['an empty file', Buffer.alloc(0), /shorter than one 512-byte tar header/],
    ['a text file', Buffer.from('hello world\n'.repeat(100)), /no valid tar checksum/],
    ['a Redis dump', Buffer.concat([Buffer.from('REDIS0011'), Buffer.alloc(600, 1)]), /no valid tar checksum/],
  ])('rejects %s', async (_label, data, message) => {
    await expect(inspectTarFile(file('bad.bin', data))).rejects.toThrow(message);
  });

  it('rejects a truncated archive', async () => {
    const tar = writeTar([{ name: 'big', type: 'file', mode: 0o644, data: Buffer.alloc(5000, 7) }]);
    await expect(inspectTarFile(file('cut.tar', tar.subarray(0, 2048)))).rejects.toThrow(/truncated/);
  });
});
