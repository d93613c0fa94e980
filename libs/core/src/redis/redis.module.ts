import { Global, Inject, Injectable, Module, OnApplicationShutdown } from '@nestjs/common';
import type { ConnectionOptions } from 'bullmq';
import { Redis } from 'ioredis';
import { AppConfig } from '../config/app-config';

export const REDIS_CLIENT = Symbol('REDIS_CLIENT');

/**
 * Connection settings for BullMQ, as options rather than a client so that BullMQ opens and
 * closes its own connections. Blocking commands must retry forever instead of failing.
 */
export function bullConnection(config: AppConfig): ConnectionOptions {
  return { url: config.REDIS_URL, maxRetriesPerRequest: null };
}

@Injectable()
class RedisCloser implements OnApplicationShutdown {
  constructor(@Inject(REDIS_CLIENT) private readonly redis: Redis) {}

  async onApplicationShutdown(): Promise<void> {
    await this.redis.quit().catch(() => this.redis.disconnect());
  }
}

/** One shared client for rate limits and health checks; BullMQ opens its own connections. */
@Global()
@Module({
  providers: [
    {
      provide: REDIS_CLIENT,
      inject: [AppConfig],
      useFactory: (config: AppConfig) => new Redis(config.REDIS_URL, { maxRetriesPerRequest: 2, lazyConnect: false }),
    },
    RedisCloser,
  ],
  exports: [REDIS_CLIENT],
})
export class RedisModule {}
