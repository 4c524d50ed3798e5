import { mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { BackupError, GenericContainer, LABEL_TESTCONTAINERS_SESSION_ID, ResourceStateError } from 'berth';
import { RedisContainer, type StartedRedisContainer } from 'berth/redis';
import { getEngine } from '../../../src/engine/engine';
import { getSessionId } from '../../../src/reaper/session';
import { untrackResource } from '../../../src/reaper/tracker';

/** Ids of every container (any state) this session has on the engine. */
async function sessionContainers(): Promise<string[]> {
  const engine = await getEngine();
  const rows = (await engine.api.listContainers({
    all: true,
    filters: { label: [`${LABEL_TESTCONTAINERS_SESSION_ID}=${getSessionId()}`] },
  })) as { Id: string }[];
  return rows.map((r) => r.Id).sort();
}

/** Removes a container and its anonymous volumes through the engine; a container already gone is fine. */
async function engineRemove(id: string): Promise<void> {
  const engine = await getEngine();
  await engine.api
    .getContainer(id)
    .remove({ force: true, v: true })
    .catch((error: { statusCode?: number }) => {
      if (error.statusCode !== 404) throw error;
    });
  untrackResource('container', id); // removed behind berth's back: not a leak at exit
}

describe('Redis bad input (real engine)', () => {
  let dir: string;
  let redis: StartedRedisContainer;

  beforeAll(async () => {
    dir = mkdtempSync(path.join(tmpdir(), 'berth-redis-bad-'));
    redis = await new RedisContainer('redis:7').start();
    await redis.executeCliCmd('set', ['Message', 'Hello World!']);
  });
  afterAll(async () => {
    await redis?.stop();
    rmSync(dir, { recursive: true, force: true });
  });

  it('withInitialDump of a file that is not a Redis dump: BackupError before any container is created', async () => {
    const notDump = path.join(dir, 'not-a-dump.rdb');
    writeFileSync(notDump, 'hello, I am text\n');
    const before = await sessionContainers();
    const start = new RedisContainer('redis:7').withInitialDump(notDump).start();
    await expect(start).rejects.toBeInstanceOf(BackupError);
    await expect(new RedisContainer('redis:7').withInitialDump(notDump).start()).rejects.toThrow(
      /not a Redis dump: it does not start with "REDIS"/,
    );
    await expect(new RedisContainer('redis:7').withInitialDump(path.join(dir, 'missing.rdb')).start()).rejects.toThrow(
      /the Redis dump cannot be read: ENOENT/,
    );
    expect(await sessionContainers()).toEqual(before);
  });

  it('backupTo an unwritable target: BackupError before SAVE, the server keeps its data, no file is left', async () => {
    const lastSave = (await redis.executeCliCmd('LASTSAVE')).trim();
    const target = path.join(dir, 'missing-folder', 'dump.rdb');
    await expect(redis.backupTo(target)).rejects.toBeInstanceOf(BackupError);
    await expect(redis.backupTo(target)).rejects.toThrow(/the backup target cannot be written: ENOENT/);
    await expect(redis.backupTo(dir)).rejects.toThrow(/is a directory/);
    expect((await redis.executeCliCmd('LASTSAVE')).trim()).toBe(lastSave);
    expect((await redis.executeCliCmd('get', ['Message'])).trim()).toBe('Hello World!');
    expect(readdirSync(dir).filter((f) => f.startsWith('.'))).toEqual([]);
  });

  it('a link to a container that is not running (stopped, or removed): ResourceStateError before create, that says so', async () => {
    const target = await new RedisContainer('redis:7').start();
    await target.stop({ remove: false });
    const before = await sessionContainers();
    try {
      const start = new GenericContainer('redis:7').withLink(target, 'redis').withCommand(['sleep', 'infinity']).start();
      await expect(start).rejects.toBeInstanceOf(ResourceStateError);
      await expect(
        new GenericContainer('redis:7').withLink(target, 'redis').withCommand(['sleep', 'infinity']).start(),
      ).rejects.toThrow(/not running|non running/i);
      expect(await sessionContainers()).toEqual(before);
      await engineRemove(target.getId());
      await expect(new GenericContainer('redis:7').withLink(target, 'redis').start()).rejects.toThrow(/No such container/i);
    } finally {
      await engineRemove(target.getId());
    }
  });
});
