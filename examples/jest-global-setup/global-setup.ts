// Pattern 3, part 1: Jest's globalSetup starts ONE container for every worker and passes its address
// to the tests through the environment (workers inherit it). globalTeardown stops it.
// Jest loads globalSetup with Node's own resolution (no moduleNameMapper), so inside this repository
// it imports berth's sources; in your project write `from 'berth'`.
import { GenericContainer, type StartedTestContainer } from '../../src/index';

declare global {
  var sharedRedis: StartedTestContainer | undefined;
}

// eslint-disable-next-line no-restricted-syntax -- Jest loads globalSetup from the default export
export default async function globalSetup(): Promise<void> {
  const redis = await new GenericContainer('redis:7').withExposedPorts(6379).start();
  globalThis.sharedRedis = redis;
  process.env['REDIS_HOST'] = redis.getHost();
  process.env['REDIS_PORT'] = String(redis.getMappedPort(6379));
}
