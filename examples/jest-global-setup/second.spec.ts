// Pattern 3: another file, possibly in another worker, shares the same container.
import { redisCommand } from './redis-client';

it('shares the container with the other files', async () => {
  expect(await redisCommand('SADD', 'workers', `second-${process.pid}`)).toMatch(/^:\d$/);
  expect(Number((await redisCommand('SCARD', 'workers')).slice(1))).toBeGreaterThanOrEqual(1);
});
