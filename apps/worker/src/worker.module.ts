import { Module, OnApplicationBootstrap } from '@nestjs/common';
import { ConfigModule, DatabaseModule, HealthModule, JobName, JobQueueService, LoggingModule, MailModule, QueueModule, RedisModule } from '@app/core';
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
const RECONCILE_EVERY_MS = 5 * 60_000;

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
  constructor(private readonly jobs: JobQueueService) {}

  async onApplicationBootstrap(): Promise<void> {
    await this.jobs.schedule(JobName.PurgeExpiredSessions, {}, PURGE_SESSIONS_EVERY_MS);
    await this.jobs.schedule(JobName.ReconcileCampaigns, {}, RECONCILE_EVERY_MS);
  }
}
