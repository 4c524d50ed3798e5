// The demo's scenario (examples/redis-backup-restore.ts) as a Jest spec: each step asserts.
import { mkdirSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { GenericContainer, Volume, randomUuid, type RunResult } from 'berth';
import { RedisContainer, type StartedRedisContainer } from 'berth/redis';
import { copyDumpWithVolumesFrom, digest, expectedDigest, populate } from './redis-backup-restore';

const REDIS_IMAGE = 'redis:7';

describe('the Redis backup scenario', () => {
  let hostDir: string;
  let myredis: StartedRedisContainer;
  /** `docker run --rm --link myredis:redis redis redis-cli -h redis -p 6379 <args>`: exit code and output. */
  const cli = async (...args: string[]): Promise<RunResult> =>
    new GenericContainer(REDIS_IMAGE)
      .withLink(myredis, 'redis')
      .withCommand(['redis-cli', '-h', 'redis', '-p', '6379', ...args])
      .runToCompletion();

  beforeAll(async () => {
    hostDir = mkdtempSync(path.join(tmpdir(), 'berth-scenario-'));
    myredis = await new RedisContainer(REDIS_IMAGE).withName(`myredis-${randomUuid()}`).start();
  });
  afterAll(async () => {
    await myredis?.stop();
    rmSync(hostDir, { recursive: true, force: true });
  });

  it('1. one-shot linked redis-cli containers set and get Message through the alias "redis"', async () => {
    expect(await cli('set', 'Message', 'Hello World!')).toMatchObject({ exitCode: 0, stdout: 'OK\n' });
    expect(await cli('get', 'Message')).toMatchObject({ exitCode: 0, stdout: 'Hello World!\n' });
    expect(await cli('ping')).toMatchObject({ exitCode: 0, stdout: 'PONG\n' });
    expect((await myredis.executeCliCmd('get', ['Message'])).trim()).toBe('Hello World!'); // the server has it
  });

  it('2 + 3. SAVE, copy dump.rdb out with --volumes-from, and a fresh server answers from it', async () => {
    expect((await myredis.executeCliCmd('SAVE')).trim()).toBe('OK');
    const backupDir = path.join(hostDir, 'classic');
    mkdirSync(backupDir);
    await copyDumpWithVolumesFrom(myredis, backupDir);
    const dump = path.join(backupDir, 'dump.rdb');
    expect(readFileSync(dump).subarray(0, 5).toString()).toBe('REDIS');

    await using restored = await new RedisContainer(REDIS_IMAGE).withInitialDump(dump).start();
    expect((await restored.executeCliCmd('get', ['Message'])).trim()).toBe('Hello World!');
  });

  it('4a. Volume.backupTo / restoreFrom round trip: the restore replaces newer data', async () => {
    await using volume = await new Volume().start();
    const tar = path.join(hostDir, 'volume.tar');
    {
      await using server = await new RedisContainer(REDIS_IMAGE).withVolumeMount(volume, '/data').start();
      await server.executeCliCmd('set', ['Message', 'Hello World!']);
      await server.executeCliCmd('SAVE');
      await volume.backupTo(tar);
      await server.executeCliCmd('set', ['Message', 'overwritten']);
      await server.executeCliCmd('set', ['Other', 'newer']);
      await server.executeCliCmd('SAVE');
    }
    await volume.restoreFrom(tar);
    await using server = await new RedisContainer(REDIS_IMAGE).withVolumeMount(volume, '/data').start();
    expect((await server.executeCliCmd('get', ['Message'])).trim()).toBe('Hello World!');
    expect((await server.executeCliCmd('exists', ['Other'])).trim()).toBe('0');
  });

  it('4b. StartedRedisContainer.backupTo / withInitialDump round trip', async () => {
    const rdb = path.join(hostDir, 'myredis.rdb');
    await myredis.backupTo(rdb);
    await using restored = await new RedisContainer(REDIS_IMAGE).withInitialDump(rdb).start();
    expect((await restored.executeCliCmd('get', ['Message'])).trim()).toBe('Hello World!');
  });

  it('5. 100,000 keys survive a backup and a restore (count and checksum)', async () => {
    await using big = await new RedisContainer(REDIS_IMAGE).start();
    await populate(big, 100_000);
    const before = await digest(big);
    expect(before).toBe(expectedDigest(100_000));
    const rdb = path.join(hostDir, 'big.rdb');
    await big.backupTo(rdb);
    await using restored = await new RedisContainer(REDIS_IMAGE).withInitialDump(rdb).start();
    expect(await digest(restored)).toBe(before);
  });
});
