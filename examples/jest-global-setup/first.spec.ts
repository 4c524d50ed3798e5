// Pattern 3, part 3: tests in any worker reach the shared container by the address globalSetup passed.
import { redisCommand } from './redis-client';

it('reaches the redis that globalSetup started', async () => {
  expect(await redisCommand('PING')).toBe('+PONG');
  expect(await redisCommand('SADD', 'workers', String(process.pid))).toMatch(/^:\d$/);
});
