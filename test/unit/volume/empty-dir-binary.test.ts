import { execFileSync, spawnSync } from 'node:child_process';
import { chmodSync, existsSync, mkdirSync, mkdtempSync, readdirSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { HELPER_IMAGE } from '../../../src/volume/helper-image';
import { EMPTY_DIR_AMD64_BASE64 } from '../../../src/volume/helper/empty-dir-binary';

const binary = Buffer.from(EMPTY_DIR_AMD64_BASE64, 'base64');
const canRun = process.platform === 'linux' && process.arch === 'x64';

describe('the volume helper program (no engine)', () => {
  let dir: string;
  beforeAll(() => {
    dir = mkdtempSync(path.join(tmpdir(), 'berth-empty-dir-'));
  });
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('is a small static ELF64 x86-64 executable, and the image tag is its hash', () => {
    expect(binary.subarray(0, 4)).toEqual(Buffer.from([0x7f, 0x45, 0x4c, 0x46]));
    expect(binary[4]).toBe(2); // 64-bit
    expect(binary.readUInt16LE(18)).toBe(0x3e); // x86-64
    expect(binary.length).toBeLessThan(2048);
    expect(HELPER_IMAGE).toMatch(/^berth\/volume-helper:[0-9a-f]{12}$/);
  });

  (canRun ? it : it.skip)('deletes everything inside the directory (deep trees, dot files, links, fifos) but not the directory', () => {
    const program = path.join(dir, 'empty-dir');
    writeFileSync(program, binary);
    chmodSync(program, 0o755);
    const target = path.join(dir, 'target');
    const outside = path.join(dir, 'outside');
    mkdirSync(path.join(target, 'a', 'b', 'c'), { recursive: true });
    mkdirSync(outside);
    writeFileSync(path.join(outside, 'keep.txt'), 'keep');
    for (let i = 0; i < 3000; i++) writeFileSync(path.join(target, 'a', `f${i}`), String(i));
    writeFileSync(path.join(target, '.hidden'), 'x');
    writeFileSync(path.join(target, 'a', 'b', 'c', 'deep'), 'x');
    symlinkSync(outside, path.join(target, 'link-to-outside'));
    execFileSync('mkfifo', [path.join(target, 'fifo')]);
    mkdirSync(path.join(target, 'empty-dir'));

    const run = spawnSync(program, [target]);
    expect(run.status).toBe(0);
    expect(readdirSync(target)).toEqual([]);
    expect(readdirSync(outside)).toEqual(['keep.txt']); // symlinks are removed, never followed
  });

  (canRun ? it : it.skip)('exits 1 without exactly one argument and 2 when the path is not a directory', () => {
    const program = path.join(dir, 'empty-dir');
    expect(spawnSync(program, []).status).toBe(1);
    expect(spawnSync(program, [path.join(dir, 'missing')]).status).toBe(2);
    writeFileSync(path.join(dir, 'file'), 'x');
    expect(spawnSync(program, [path.join(dir, 'file')]).status).toBe(2);
    expect(existsSync(path.join(dir, 'file'))).toBe(true);
  });
});
