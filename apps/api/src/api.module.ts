import { Module } from '@nestjs/common';
import { ThrottlerModule } from '@nestjs/throttler';
import { Redis } from 'ioredis';
import { AppConfig, ConfigModule, DatabaseModule, HealthModule, LoggingModule, QueueModule, REDIS_CLIENT, RedisModule, RedisThrottlerStorage } from '@app/core';
import { AuthGuardModule, AuthModule } from '@app/auth';
import { AuthController } from './controllers/auth.controller';
import { HealthController } from './controllers/health.controller';
import { UsersController } from './controllers/users.controller';
import { DisciplineApiModule } from './discipline/discipline-api.module';
import { THROTTLER_DEFINITIONS } from './throttling';

@Module({
  imports: [
    ConfigModule,
    LoggingModule.forApp('api'),
    DatabaseModule.forRoot({ discipline: true }),
    RedisModule,
    QueueModule,
    HealthModule,
    ThrottlerModule.forRootAsync({
      inject: [REDIS_CLIENT, AppConfig],
      useFactory: (redis: Redis, config: AppConfig) => ({
        throttlers: THROTTLER_DEFINITIONS,
        storage: new RedisThrottlerStorage(redis, config),
      }),
    }),
    AuthModule,
    AuthGuardModule,
    DisciplineApiModule,
  ],
  controllers: [HealthController, AuthController, UsersController],
})
export class ApiModule {}
