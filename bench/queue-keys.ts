import Redis from 'ioredis';

/**
 * Deletes a benchmark database's Redis keys (queue prefix): the jobs its campaigns queued
 * (invitations, a delayed close) that no worker will run, and its sessions and rate limits.
 */
export async function deleteQueueKeys(redisUrl: string, prefix: string): Promise<void> {
  const redis = new Redis(redisUrl);
  try {
    for await (const keys of redis.scanStream({ match: `${prefix}:*`, count: 1000 })) {
      if ((keys as string[]).length > 0) await redis.del(...(keys as string[]));
    }
  } finally {
    redis.disconnect();
  }
}
