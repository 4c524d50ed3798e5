import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { BackupError, GenericContainer, Volume } from 'berth';
import { getEngine } from '../../../src/engine/engine';
import { inspectVolume } from '../../../src/engine/volumes';
import * as helperImage from '../../../src/volume/helper-image';

// On engines where berth's helper program cannot run (not linux/amd64), a restore recreates the
// volume when nothing uses it, and refuses (contents kept) when something does.
describe('restoreFrom without the helper program (real engine, simulated non-amd64)', () => {
  let dir: string;
  let archive: string;

  beforeAll(() => {
    dir = mkdtempSync(path.join(tmpdir(), 'berth-fallback-'));
    const src = path.join(dir, 'src');
    execFileSync('mkdir', ['-p', src]);
    writeFileSync(path.join(src, 'restored.txt'), 'restored\n');
    archive = path.join(dir, 'in.tar');
    execFileSync('tar', ['-C', src, '-cf', archive, '.']);
    jest.spyOn(helperImage, 'helperCanRun').mockReturnValue(false);
  });
  afterAll(() => {
    jest.restoreAllMocks();
    rmSync(dir, { recursive: true, force: true });
  });

  it('recreates an unused volume with the same labels, then extracts', async () => {
    const engine = await getEngine();
    await using volume = await new Volume().withLabels({ keep: 'me' }).start();
    await volume.restoreFrom(archive);
    await volume.restoreFrom(archive); // twice: the old contents are gone, not merged
    const inspect = await inspectVolume(engine, volume.getName());
    expect(inspect?.Labels?.keep).toBe('me');
    const out = path.join(dir, 'out.tar');
    await volume.backupTo(out);
    expect(execFileSync('tar', ['-tf', out], { encoding: 'utf8' }).trim().split('\n').sort()).toEqual(['./', './restored.txt']);
  });

  it('refuses while a container uses the volume, and the volume keeps its contents', async () => {
    await using volume = await new Volume().start();
    await using user = await new GenericContainer('debian:bookworm').withVolumeMount(volume, '/d').withCommand(['sleep', 'infinity']).start();
    await user.exec(['sh', '-c', 'echo mine > /d/mine.txt']);
    await expect(volume.restoreFrom(archive)).rejects.toBeInstanceOf(BackupError);
    await expect(volume.restoreFrom(archive)).rejects.toThrow(/needs a linux\/amd64 engine/);
    expect((await user.exec(['cat', '/d/mine.txt'])).stdout).toBe('mine\n');
  });
});
