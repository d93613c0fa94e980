import { Module } from '@nestjs/common';
import { ThrottlerModule } from '@nestjs/throttler';
import { Redis } from 'ioredis';
import { AppConfig, ConfigModule, DatabaseModule, HealthModule, LoggingModule, QueueModule, REDIS_CLIENT, RedisModule, RedisThrottlerStorage } from '@app/core';
import { AuthGuardModule, AuthModule } from '@app/auth';
import { InstrumentsModule } from '@app/instruments';
import { AuthController } from './controllers/auth.controller';
import { HealthController } from './controllers/health.controller';
import { UsersController } from './controllers/users.controller';
import { InstrumentsController } from './instruments/instruments.controller';
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
    InstrumentsModule,
  ],
  controllers: [HealthController, AuthController, UsersController, InstrumentsController],
})
export class ApiModule {}
