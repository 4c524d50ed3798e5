// A named volume backed up to a tar file and restored (docs/volumes.md). Run: npx tsx examples/volumes.ts
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
// --- backup-restore ---
import { Volume } from 'berth';
import { RedisContainer } from 'berth/redis';
// --- end ---

async function main(): Promise<void> {
  const hostDir = mkdtempSync(path.join(tmpdir(), 'berth-example-'));
  try {
    // --- backup-restore ---
    await using volume = await new Volume().start();
    const volumeTar = path.join(hostDir, 'volume.tar');
    {
      await using onVolume = await new RedisContainer('redis:7').withVolumeMount(volume, '/data').start();
      await onVolume.executeCliCmd('set', ['Message', 'Hello World!']);
      await onVolume.executeCliCmd('SAVE');
      await volume.backupTo(volumeTar);
      await onVolume.executeCliCmd('set', ['Message', 'overwritten']);
      await onVolume.executeCliCmd('SAVE');
    }
    await volume.restoreFrom(volumeTar);
    {
      await using fromVolume = await new RedisContainer('redis:7').withVolumeMount(volume, '/data').start();
      console.log((await fromVolume.executeCliCmd('get', ['Message'])).trim()); // Hello World!
    }
    // --- end ---
  } finally {
    rmSync(hostDir, { recursive: true, force: true });
  }
}

main().catch((error: unknown) => {
  console.error(error);
  process.exitCode = 1;
});
