// The README's main demo (`npm run demo`): the classic "back up a Redis container" walkthrough,
// done from code. Every step prints what it does; everything it creates is removed at the end.
//   1. a Redis server, then `docker run --rm --link myredis:redis redis redis-cli ...` one-shot clients
//   2. SAVE, then `docker run --rm --volumes-from myredis -v HOST:/backup debian cp /data/dump.rdb /backup/`
//   3. a fresh server started from that backup
//   4. the same round trip with Volume.backupTo/restoreFrom and RedisContainer backups
//   5. 100,000 keys backed up and restored, compared by count and checksum
import { createHash } from 'node:crypto';
import { mkdirSync, mkdtempSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { GenericContainer, Volume, randomUuid } from 'berth';
import { RedisContainer, type StartedRedisContainer } from 'berth/redis';

const REDIS_IMAGE = 'redis:7';
const KEYS = 100_000;

function step(title: string): void {
  console.log(`\n== ${title}`);
}
function show(label: string, value: string): void {
  console.log(`   ${label.padEnd(34)} ${value.trim()}`);
}
function kib(file: string): string {
  return `${(statSync(file).size / 1024).toFixed(1)} KiB`;
}

/** Lua: the number of keys and a SHA-1 over every `key=value` line, in key order. */
const DIGEST = `local keys = redis.call('KEYS', '*') table.sort(keys)
local lines = {} for i, k in ipairs(keys) do lines[i] = k .. '=' .. redis.call('GET', k) end
return {#keys, redis.sha1hex(table.concat(lines, '\\n'))}`;

/** What {@link DIGEST} must answer after `key:1..n` were set to `value:1..n`. */
export function expectedDigest(n: number): string {
  const keys = Array.from({ length: n }, (_, i) => `key:${i + 1}`).sort();
  const lines = keys.map((key) => `${key}=value:${key.slice(4)}`);
  return `${n}\n${createHash('sha1').update(lines.join('\n')).digest('hex')}`;
}

/** Sets `key:1..n` to `value:1..n` in one server-side script. */
export async function populate(redis: StartedRedisContainer, n: number): Promise<void> {
  await redis.executeCliCmd('EVAL', [`for i = 1, ${n} do redis.call('SET', 'key:' .. i, 'value:' .. i) end`, '0']);
}

/** The server's key count and checksum, as `count\nsha1`. */
export async function digest(redis: StartedRedisContainer): Promise<string> {
  return (await redis.executeCliCmd('EVAL', [DIGEST, '0'])).trim();
}

/** Copies `/data/dump.rdb` of `server` into `hostDir` through `--volumes-from`, as the classic walkthrough does. */
export async function copyDumpWithVolumesFrom(server: StartedRedisContainer, hostDir: string): Promise<void> {
  // --- volumes-from ---
  // docker run --rm --volumes-from myredis -v HOST:/backup debian:bookworm cp /data/dump.rdb /backup/
  const copy = await new GenericContainer('debian:bookworm')
    .withVolumesFrom(server)
    .withBindMounts([{ source: hostDir, target: '/backup' }])
    .withCommand(['cp', '/data/dump.rdb', '/backup/'])
    .runToCompletion();
  if (copy.exitCode !== 0) throw new Error(`cp exited ${copy.exitCode}: ${copy.stderr}`);
  // --- end ---
}

async function main(): Promise<void> {
  const hostDir = mkdtempSync(path.join(tmpdir(), 'berth-demo-'));
  try {
    step('1. Start Redis "myredis", then redis-cli in one-shot linked containers');
    const name = `myredis-${randomUuid().slice(0, 6)}`;
    await using myredis = await new RedisContainer(REDIS_IMAGE).withName(name).start();
    show('server', `${name} at ${myredis.getConnectionUrl()}`);
    // docker run --rm --link myredis:redis redis redis-cli -h redis -p 6379 <args>
    const cli = async (...args: string[]): Promise<string> => {
      const { exitCode, output } = await new GenericContainer(REDIS_IMAGE)
        .withLink(myredis, 'redis')
        .withCommand(['redis-cli', '-h', 'redis', '-p', '6379', ...args])
        .runToCompletion();
      if (exitCode !== 0) throw new Error(`redis-cli ${args.join(' ')} exited with ${exitCode}: ${output}`);
      return output;
    };
    show('set Message "Hello World!"', await cli('set', 'Message', 'Hello World!'));
    show('get Message', await cli('get', 'Message'));
    show('ping', await cli('ping'));

    step('2. SAVE, then copy dump.rdb out with a throwaway debian container');
    show('SAVE', await myredis.executeCliCmd('SAVE'));
    const backupDir = path.join(hostDir, 'backup');
    mkdirSync(backupDir);
    await copyDumpWithVolumesFrom(myredis, backupDir);
    const copied = path.join(backupDir, 'dump.rdb');
    show('backup on the host', `${copied} (${kib(copied)})`);

    step('3. A fresh Redis server started from that backup');
    {
      await using restored = await new RedisContainer(REDIS_IMAGE).withInitialDump(copied).start();
      show('get Message', await restored.executeCliCmd('get', ['Message']));
    }

    step('4a. The same round trip with a Volume: backupTo / restoreFrom');
    await using volume = await new Volume().start();
    const volumeTar = path.join(hostDir, 'volume.tar');
    {
      await using onVolume = await new RedisContainer(REDIS_IMAGE).withVolumeMount(volume, '/data').start();
      await onVolume.executeCliCmd('set', ['Message', 'Hello World!']);
      await onVolume.executeCliCmd('SAVE');
      await volume.backupTo(volumeTar);
      show('volume backed up', `${volumeTar} (${kib(volumeTar)})`);
      await onVolume.executeCliCmd('set', ['Message', 'overwritten']);
      await onVolume.executeCliCmd('SAVE');
      show('then changed to', await onVolume.executeCliCmd('get', ['Message']));
    }
    await volume.restoreFrom(volumeTar);
    {
      await using fromVolume = await new RedisContainer(REDIS_IMAGE).withVolumeMount(volume, '/data').start();
      show('after restoreFrom: get Message', await fromVolume.executeCliCmd('get', ['Message']));
    }

    step('4b. RedisContainer: backupTo / withInitialDump');
    const rdb = path.join(hostDir, 'redis.rdb');
    await myredis.backupTo(rdb);
    show('myredis backed up', `${rdb} (${kib(rdb)})`);
    {
      await using fromDump = await new RedisContainer(REDIS_IMAGE).withInitialDump(rdb).start();
      show('new server: get Message', await fromDump.executeCliCmd('get', ['Message']));
    }

    step(`5. ${KEYS.toLocaleString('en-US')} keys: back up, restore, compare`);
    await using big = await new RedisContainer(REDIS_IMAGE).start();
    await populate(big, KEYS);
    const before = await digest(big);
    let t = performance.now();
    const bigRdb = path.join(hostDir, 'big.rdb');
    await big.backupTo(bigRdb);
    show('backupTo', `${(performance.now() - t).toFixed(0)} ms, ${kib(bigRdb)}`);
    t = performance.now();
    await using bigRestored = await new RedisContainer(REDIS_IMAGE).withInitialDump(bigRdb).start();
    show('start from the dump', `${(performance.now() - t).toFixed(0)} ms`);
    const after = await digest(bigRestored);
    show('keys and sha1 before', before.replace('\n', ' '));
    show('keys and sha1 after', after.replace('\n', ' '));
    if (before !== after || before !== expectedDigest(KEYS)) throw new Error('the restored data differs');
    console.log('\nAll steps passed; removing everything the demo created.');
  } finally {
    rmSync(hostDir, { recursive: true, force: true });
  }
}

if (require.main === module) {
  main().catch((error: unknown) => {
    console.error(error);
    process.exitCode = 1;
  });
}
