import { mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { ExecFailedError } from 'berth';
import { RedisContainer, type StartedRedisContainer } from 'berth/redis';
import { respCommand } from './resp';

describe('RedisContainer (real engine)', () => {
  describe('without a password', () => {
    let redis: StartedRedisContainer;
    beforeAll(async () => {
      redis = await new RedisContainer('redis:7').start();
    });
    afterAll(async () => {
      await redis?.stop();
    });

    it('publishes 6379 and gives a connection URL that a client on the host can use', async () => {
      expect(redis.getPort()).toBe(redis.getMappedPort(6379));
      expect(redis.getPassword()).toBe('');
      expect(redis.getConnectionUrl()).toBe(`redis://${redis.getHost()}:${redis.getPort()}`);
      const url = new URL(redis.getConnectionUrl());
      expect(await respCommand(url.hostname, Number(url.port), ['PING'])).toBe('+PONG');
    });

    it('executeCliCmd runs redis-cli with the command and its arguments', async () => {
      expect((await redis.executeCliCmd('set', ['greeting', 'hello there'])).trim()).toBe('OK');
      expect((await redis.executeCliCmd('get', ['greeting'])).trim()).toBe('hello there');
      expect(await redis.executeCliCmd('info', ['clients'])).toContain('connected_clients');
    });

    it('executeCliCmd rejects with ExecFailedError when redis-cli exits non-zero', async () => {
      const failing = redis.executeCliCmd('--no-such-option');
      await expect(failing).rejects.toBeInstanceOf(ExecFailedError);
      await expect(redis.executeCliCmd('--no-such-option')).rejects.toThrow(/Command failed: redis-cli --no-such-option .*exit code 1/);
    });
  });

  it('withPassword requires AUTH; the URL, getPassword and executeCliCmd carry it (masked in errors)', async () => {
    await using redis = await new RedisContainer('redis:7').withPassword('s3cret pw').start();
    expect(redis.getPassword()).toBe('s3cret pw');
    expect(redis.getConnectionUrl()).toBe(`redis://:s3cret%20pw@${redis.getHost()}:${redis.getPort()}`);
    expect(await respCommand(redis.getHost(), redis.getPort(), ['PING'])).toMatch(/^-NOAUTH/);
    expect((await redis.executeCliCmd('ping')).trim()).toBe('PONG');
    const error = await redis.executeCliCmd('--no-such-option').catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ExecFailedError);
    expect((error as Error).message).toContain('redis-cli -a *** --no-auth-warning --no-such-option');
    expect((error as Error).message).not.toContain('s3cret');
  });

  it('withPersistence keeps the data in a host folder across servers', async () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'berth-redis-persist-'));
    try {
      {
        await using first = await new RedisContainer('redis:7').withPersistence(dir).start();
        await first.executeCliCmd('set', ['kept', 'yes']);
        await first.executeCliCmd('SAVE');
      }
      expect(readdirSync(dir).join(' ')).toMatch(/appendonly|dump\.rdb/);
      await using second = await new RedisContainer('redis:7').withPersistence(dir).start();
      expect((await second.executeCliCmd('get', ['kept'])).trim()).toBe('yes');
      expect((await second.executeCliCmd('CONFIG', ['GET', 'appendonly'])).trim().split('\n')[1]).toBe('yes');
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('withCommand is kept and the module arguments are appended to it', async () => {
    await using redis = await new RedisContainer('redis:7')
      .withCommand(['redis-server', '--maxmemory', '12mb'])
      .withPassword('pw')
      .start();
    expect((await redis.executeCliCmd('CONFIG', ['GET', 'maxmemory'])).trim().split('\n')[1]).toBe(String(12 * 1024 * 1024));
    expect((await redis.executeCliCmd('CONFIG', ['GET', 'requirepass'])).trim().split('\n')[1]).toBe('pw');
  });
});
