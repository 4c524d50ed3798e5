// Pattern 2: one container for all the tests of a file, started in beforeAll and stopped in afterAll.
// Tests share it, so each one uses its own keys.
import { GenericContainer, type StartedTestContainer } from 'berth';

describe('a container per file', () => {
  let redis: StartedTestContainer;

  beforeAll(async () => {
    redis = await new GenericContainer('redis:7').withExposedPorts(6379).start();
  });

  afterAll(async () => {
    await redis?.stop();
  });

  const cli = async (...args: string[]): Promise<string> => (await redis.exec(['redis-cli', ...args])).stdout.trim();

  it('counts', async () => {
    expect(await cli('INCR', 'file:counter')).toBe('1');
    expect(await cli('INCR', 'file:counter')).toBe('2');
  });

  it('sees what the previous test wrote (same container)', async () => {
    expect(await cli('GET', 'file:counter')).toBe('2');
  });
});
