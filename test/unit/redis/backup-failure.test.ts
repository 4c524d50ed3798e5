// StartedRedisContainer.backupTo when the server cannot SAVE: it rejects and leaves no temporary
// folder next to the target (a fake container stands in for the engine).
import { mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { ExecFailedError, type StartedTestContainer } from 'berth';
import { StartedRedisContainer } from 'berth/redis';

let dir: string;
beforeEach(() => {
  dir = mkdtempSync(path.join(tmpdir(), 'berth-rdb-fail-'));
});
afterEach(() => rmSync(dir, { recursive: true, force: true }));

function fakeContainer(exec: StartedTestContainer['exec']): StartedTestContainer {
  return { getId: () => 'c0ffee', exec } as unknown as StartedTestContainer;
}

it('a failing SAVE rejects with ExecFailedError and leaves nothing next to the target', async () => {
  const exec = jest.fn().mockResolvedValue({ exitCode: 1, output: 'MISCONF', stdout: 'MISCONF', stderr: '' });
  const redis = new StartedRedisContainer(fakeContainer(exec), '');
  await expect(redis.backupTo(path.join(dir, 'dump.rdb'))).rejects.toBeInstanceOf(ExecFailedError);
  expect(readdirSync(dir)).toEqual([]);
});

it('an exec that throws (container gone) leaves nothing next to the target either', async () => {
  const exec = jest.fn().mockRejectedValue(new Error('No such container'));
  const redis = new StartedRedisContainer(fakeContainer(exec), '');
  await expect(redis.backupTo(path.join(dir, 'dump.rdb'))).rejects.toThrow(/No such container/);
  expect(readdirSync(dir)).toEqual([]);
});
