// Backup and restore times for a Redis server with 100,000 keys, three ways, measured side by
// side in one run: `npm run bench:redis`. Prints one table; removes everything it created.
//   rdb     StartedRedisContainer.backupTo (SAVE + archive copy) / a new server withInitialDump
//   volume  SAVE + StartedVolume.backupTo (whole /data as tar) / restoreFrom + a new server
//   classic SAVE + `docker run --rm --volumes-from X -v HOST:/backup debian cp ...` / withInitialDump
import { mkdirSync, mkdtempSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { Volume } from 'berth';
import { RedisContainer, type StartedRedisContainer } from 'berth/redis';
import { copyDumpWithVolumesFrom, digest, expectedDigest, populate } from '../examples/redis-backup-restore';

const IMAGE = 'redis:7';
const KEYS = 100_000;
const ROUNDS = 3;

async function time<T>(run: () => Promise<T>): Promise<[T, number]> {
  const start = performance.now();
  const result = await run();
  return [result, performance.now() - start];
}

interface Row {
  method: string;
  backupMs: number;
  restoreMs: number;
  bytes: number;
}

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)] ?? NaN;
}

/** Runs every method once per round (interleaved, so drift hits all alike); keeps the medians. */
function merge(rounds: Row[][]): Row[] {
  return (rounds[0] ?? []).map((row, i) => ({
    ...row,
    backupMs: median(rounds.map((r) => r[i]?.backupMs ?? NaN)),
    restoreMs: median(rounds.map((r) => r[i]?.restoreMs ?? NaN)),
  }));
}

async function main(): Promise<void> {
  const dir = mkdtempSync(path.join(tmpdir(), 'berth-bench-'));
  const expected = expectedDigest(KEYS);
  try {
    await using volume = await new Volume().start();
    await using source = await new RedisContainer(IMAGE).withVolumeMount(volume, '/data').start();
    await populate(source, KEYS);
    if ((await digest(source)) !== expected) throw new Error('populate failed');

    // Baseline: how long an empty server takes to start (restores below include one start).
    const [, emptyStartMs] = await time(async () => {
      await using empty = await new RedisContainer(IMAGE).start();
      return empty.getPort();
    });

    const check = async (restored: StartedRedisContainer): Promise<void> => {
      if ((await digest(restored)) !== expected) throw new Error('restored data differs');
    };

    await using target = await new Volume().start();
    const runRound = async (round: number): Promise<Row[]> => {
      const results: Row[] = [];
      // 1. RDB through the archive API.
      const rdb = path.join(dir, `bench-${round}.rdb`);
      const [, rdbBackup] = await time(() => source.backupTo(rdb));
      const [, rdbRestore] = await time(async () => {
        await using restored = await new RedisContainer(IMAGE).withInitialDump(rdb).start();
        await check(restored);
      });
      results.push({ method: 'rdb (backupTo / withInitialDump)', backupMs: rdbBackup, restoreMs: rdbRestore, bytes: statSync(rdb).size });

      // 2. The whole volume as a tar.
      const tar = path.join(dir, `bench-${round}.tar`);
      const [, volBackup] = await time(async () => {
        await source.executeCliCmd('SAVE');
        await volume.backupTo(tar);
      });
      const [, volRestore] = await time(async () => {
        await target.restoreFrom(tar);
        await using restored = await new RedisContainer(IMAGE).withVolumeMount(target, '/data').start();
        await check(restored);
      });
      results.push({ method: 'volume (backupTo / restoreFrom)', backupMs: volBackup, restoreMs: volRestore, bytes: statSync(tar).size });

      // 3. The classic docker-run way.
      const classicDir = path.join(dir, `classic-${round}`);
      mkdirSync(classicDir);
      const [, classicBackup] = await time(async () => {
        await source.executeCliCmd('SAVE');
        await copyDumpWithVolumesFrom(source, classicDir);
      });
      const classic = path.join(classicDir, 'dump.rdb');
      const [, classicRestore] = await time(async () => {
        await using restored = await new RedisContainer(IMAGE).withInitialDump(classic).start();
        await check(restored);
      });
      results.push({ method: 'classic (--volumes-from + cp)', backupMs: classicBackup, restoreMs: classicRestore, bytes: statSync(classic).size });
      return results;
    };
    const rounds: Row[][] = [];
    for (let round = 0; round < ROUNDS; round++) rounds.push(await runRound(round));
    const rows = merge(rounds);

    const base = rows[0] as Row;
    console.log(`Redis backup/restore, ${KEYS.toLocaleString('en-US')} keys, image ${IMAGE}, median of ${ROUNDS} interleaved rounds`);
    console.log(`(restore = start a server from the backup and verify count + checksum; an empty server starts in ${emptyStartMs.toFixed(0)} ms)\n`);
    console.log(`${'method'.padEnd(34)} ${'backup ms'.padStart(10)} ${'restore ms'.padStart(11)} ${'size KiB'.padStart(9)}  vs rdb (backup / restore)`);
    for (const row of rows) {
      console.log(
        `${row.method.padEnd(34)} ${row.backupMs.toFixed(0).padStart(10)} ${row.restoreMs.toFixed(0).padStart(11)} ${(row.bytes / 1024).toFixed(0).padStart(9)}  ` +
          `${(row.backupMs / base.backupMs).toFixed(2)}x / ${(row.restoreMs / base.restoreMs).toFixed(2)}x`,
      );
    }
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

main().catch((error: unknown) => {
  console.error(error);
  process.exitCode = 1;
});
