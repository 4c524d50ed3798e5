// berth/redis: a Redis module written against berth's public surface only (`../../index` is 'berth').
export { RedisContainer } from './redis-container';
export { REDIS_PORT } from './constants';
export { StartedRedisContainer } from './started-redis-container';
