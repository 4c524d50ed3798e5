// RedisContainer.start() adjusts the builder before it starts: starting the same builder twice
// (two containers from one builder) must not append its arguments or its dump copy twice.
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { GenericContainer } from 'berth';
import { RedisContainer } from 'berth/redis';

interface Internals {
  environment: Record<string, string>;
  spec: { command: string[]; filesToCopy: unknown[] };
}

let dir: string;
beforeAll(() => {
  dir = mkdtempSync(path.join(tmpdir(), 'berth-redis-start-'));
  jest.spyOn(GenericContainer.prototype, 'start').mockResolvedValue({} as never);
});
afterAll(() => {
  jest.restoreAllMocks();
  rmSync(dir, { recursive: true, force: true });
});

it('redis-stack: REDIS_ARGS keeps the user value plus the module arguments once, however often it starts', async () => {
  const redis = new RedisContainer('redis/redis-stack-server:7.2.0-v6').withEnvironment({ REDIS_ARGS: '--maxmemory 1mb' }).withPassword('pw');
  await redis.start();
  await redis.start();
  expect((redis as unknown as Internals).environment['REDIS_ARGS']).toBe('--maxmemory 1mb --requirepass pw');
});

it('the initial dump is copied once, however often it starts', async () => {
  const dump = path.join(dir, 'dump.rdb');
  writeFileSync(dump, Buffer.from('REDIS0011'));
  const redis = new RedisContainer('redis:7').withInitialDump(dump).withPassword('pw');
  await redis.start();
  await redis.start();
  const spec = (redis as unknown as Internals).spec;
  expect(spec.filesToCopy).toHaveLength(1);
  expect(spec.command).toEqual(['redis-server', '--requirepass', 'pw']);
});
