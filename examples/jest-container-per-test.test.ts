// Pattern 1: a fresh container for each test. `await using` stops and removes it when the test ends,
// pass or fail; nothing else to clean up, and Jest exits on its own.
import { GenericContainer } from 'berth';

describe('a container per test', () => {
  it('starts a fresh redis for this test', async () => {
    await using redis = await new GenericContainer('redis:7').withExposedPorts(6379).start();
    await redis.exec(['redis-cli', 'SET', 'greeting', 'hello']);
    expect((await redis.exec(['redis-cli', 'GET', 'greeting'])).stdout.trim()).toBe('hello');
  });

  it('gets another one, without the previous test data', async () => {
    await using redis = await new GenericContainer('redis:7').withExposedPorts(6379).start();
    expect((await redis.exec(['redis-cli', 'EXISTS', 'greeting'])).stdout.trim()).toBe('0');
  });
});
