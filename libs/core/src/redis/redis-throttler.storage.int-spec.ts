import { randomUUID } from 'node:crypto';
import { Redis } from 'ioredis';
import { baseTestEnv } from '@app/testing';
import { loadConfig } from '../config/load-config';
import { RedisThrottlerStorage } from './redis-throttler.storage';

describe('RedisThrottlerStorage on a real Redis', () => {
  const config = loadConfig({ ...baseTestEnv(), QUEUE_PREFIX: `test-${randomUUID().slice(0, 8)}` });
  const redis = new Redis(config.REDIS_URL);
  const storage = new RedisThrottlerStorage(redis, config);

  afterAll(async () => {
    const keys = await redis.keys(`${config.QUEUE_PREFIX}:*`);
    if (keys.length > 0) await redis.del(...keys);
    await redis.quit();
  });

  it('counts hits in a window and blocks past the limit, per key', async () => {
    const results = [];
    for (let i = 0; i < 4; i++) results.push(await storage.increment('k1', 60_000, 3, 30_000, 'login'));
    expect(results.map((r) => [r.totalHits, r.isBlocked])).toEqual([
      [1, false],
      [2, false],
      [3, false],
      [4, true],
    ]);
    expect(results[3].timeToBlockExpire).toBe(30);
    const blocked = await storage.increment('k1', 60_000, 3, 30_000, 'login');
    expect(blocked.isBlocked).toBe(true);
    expect((await storage.increment('k2', 60_000, 3, 30_000, 'login')).totalHits).toBe(1);
  });

  it('forgets hits when the window ends', async () => {
    await storage.increment('short', 100, 1, 100, 'login');
    await new Promise((resolve) => setTimeout(resolve, 250));
    expect(await storage.increment('short', 100, 1, 100, 'login')).toMatchObject({ totalHits: 1, isBlocked: false });
  });
});
