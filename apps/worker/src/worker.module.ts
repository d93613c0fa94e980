import { Inject, Logger, Module, OnApplicationBootstrap } from '@nestjs/common';
import { Redis } from 'ioredis';
import { AppConfig, ConfigModule, DatabaseModule, HealthModule, JobName, JobQueueService, LoggingModule, MailModule, QueueModule, REDIS_CLIENT, RedisModule } from '@app/core';
import { AggregationModule } from '@app/aggregation';
import { AuthModule } from '@app/auth';
import { CampaignsModule } from '@app/campaigns';
import { ReportsModule } from '@app/reports';
import { ResponsesModule } from '@app/responses';
import { CampaignsProcessor } from './processors/campaigns.processor';
import { MailProcessor } from './processors/mail.processor';
import { AggregationProcessor } from './processors/aggregation.processor';
import { MaintenanceProcessor } from './processors/maintenance.processor';
import { ReportsProcessor } from './processors/reports.processor';
import { ResponsesProcessor } from './processors/responses.processor';

const PURGE_SESSIONS_EVERY_MS = 15 * 60_000;

@Module({
  imports: [
    ConfigModule,
    LoggingModule.forApp('worker'),
    DatabaseModule.forRoot({ discipline: false }),
    RedisModule,
    QueueModule,
    MailModule,
    HealthModule,
    AuthModule,
    CampaignsModule,
    ResponsesModule,
    AggregationModule,
    ReportsModule,
  ],
  providers: [MaintenanceProcessor, CampaignsProcessor, MailProcessor, ResponsesProcessor, AggregationProcessor, ReportsProcessor],
})
export class WorkerModule implements OnApplicationBootstrap {
  private readonly logger = new Logger(WorkerModule.name);

  constructor(
    private readonly jobs: JobQueueService,
    private readonly config: AppConfig,
    @Inject(REDIS_CLIENT) private readonly redis: Redis,
  ) {}

  async onApplicationBootstrap(): Promise<void> {
    await this.schedule();
    // A Redis that comes back empty (no persistence, a lost volume, a failover to an empty
    // replica) has lost the schedules too, and without reconciling nothing re-queues the
    // jobs it lost. Every reconnection puts them back; scheduling again changes nothing.
    this.redis.on('ready', () => this.schedule().catch((error: Error) => this.logger.warn({ error: error.name }, 'could not schedule maintenance jobs')));
  }

  private async schedule(): Promise<void> {
    await this.jobs.schedule(JobName.PurgeExpiredSessions, {}, PURGE_SESSIONS_EVERY_MS);
    await this.jobs.schedule(JobName.ReconcileCampaigns, {}, this.config.RECONCILE_EVERY_SECONDS * 1000);
  }
}
