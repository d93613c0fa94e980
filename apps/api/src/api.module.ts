import { Module } from '@nestjs/common';
import { MulterModule } from '@nestjs/platform-express';
import { ThrottlerModule } from '@nestjs/throttler';
import { Redis } from 'ioredis';
import { AppConfig, ConfigModule, DatabaseModule, HealthModule, LoggingModule, MailModule, QueueModule, REDIS_CLIENT, RedisModule, RedisThrottlerStorage } from '@app/core';
import { AggregationModule } from '@app/aggregation';
import { AuthGuardModule, AuthModule } from '@app/auth';
import { CampaignsModule } from '@app/campaigns';
import { InstrumentsModule } from '@app/instruments';
import { RegistryModule } from '@app/registry';
import { ReportsModule } from '@app/reports';
import { ResponsesModule } from '@app/responses';
import { AuthController } from './controllers/auth.controller';
import { HealthController } from './controllers/health.controller';
import { UsersController } from './controllers/users.controller';
import { InstrumentsController } from './instruments/instruments.controller';
import { CampaignsController } from './campaigns/campaigns.controller';
import { RespondController } from './respond/respond.controller';
import { RegistryController } from './registry/registry.controller';
import { RespondPageController } from './respond-page/respond-page.controller';
import { DisciplineApiModule } from './discipline/discipline-api.module';
import { DashboardController, PageAssets } from './dashboard/dashboard.controller';
import { CommentsController } from './reports/comments.controller';
import { ReportsController } from './reports/reports.controller';
import { ResultsController } from './results/results.controller';
import { THROTTLER_DEFINITIONS, throttleKeyFactory } from './throttling';

@Module({
  imports: [
    ConfigModule,
    LoggingModule.forApp('api'),
    DatabaseModule.forRoot({ discipline: true }),
    RedisModule,
    QueueModule,
    MailModule,
    HealthModule,
    ThrottlerModule.forRootAsync({
      inject: [REDIS_CLIENT, AppConfig],
      useFactory: (redis: Redis, config: AppConfig) => ({
        throttlers: THROTTLER_DEFINITIONS,
        storage: new RedisThrottlerStorage(redis, config),
        generateKey: throttleKeyFactory(config.SESSION_SECRET),
      }),
    }),
    // Uploads stay in memory (register files are small) and are capped; the cap answers 413.
    MulterModule.registerAsync({
      inject: [AppConfig],
      useFactory: (config: AppConfig) => ({ limits: { fileSize: config.REGISTER_IMPORT_MAX_BYTES, files: 1, fields: 5 } }),
    }),
    AuthModule,
    AuthGuardModule,
    RegistryModule,
    InstrumentsModule,
    CampaignsModule,
    ResponsesModule,
    AggregationModule,
    ReportsModule,
    DisciplineApiModule,
  ],
  controllers: [HealthController, AuthController, UsersController, RegistryController, InstrumentsController, CampaignsController, RespondController, RespondPageController, ResultsController, ReportsController, CommentsController, DashboardController],
  providers: [PageAssets],
})
export class ApiModule {}
