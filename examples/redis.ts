// berth/redis: an RDB backup of a running server, and a new server started from it (docs/redis.md).
// Run: npx tsx examples/redis.ts
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
// --- backup ---
import { RedisContainer } from 'berth/redis';
// --- end ---

async function main(): Promise<void> {
  const hostDir = mkdtempSync(path.join(tmpdir(), 'berth-example-'));
  try {
    // --- backup ---
    await using myredis = await new RedisContainer('redis:7').start();
    await myredis.executeCliCmd('set', ['Message', 'Hello World!']);

    const rdb = path.join(hostDir, 'redis.rdb');
    await myredis.backupTo(rdb);
    {
      await using fromDump = await new RedisContainer('redis:7').withInitialDump(rdb).start();
      console.log((await fromDump.executeCliCmd('get', ['Message'])).trim()); // Hello World!
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
