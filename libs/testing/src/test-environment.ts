import { loadConfig } from '@app/core';

/**
 * The environment `npm test` hands to jest (scripts/test.mjs): real Postgres and Redis.
 * Tests never read process.env themselves; they go through here and the config class.
 */
export function baseTestEnv(): NodeJS.ProcessEnv {
  const env = process.env;
  if (!env.DATABASE_URL || !env.REDIS_URL) {
    throw new Error('Integration and end-to-end tests need real PostgreSQL and Redis: run them with `npm test`.');
  }
  loadConfig(env);
  return env;
}
