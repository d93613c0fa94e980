import { Module, OnApplicationBootstrap } from '@nestjs/common';
import { ConfigModule, DatabaseModule, HealthModule, JobName, JobQueueService, LoggingModule, QueueModule, RedisModule } from '@app/core';
import { AuthModule } from '@app/auth';
import { MaintenanceProcessor } from './processors/maintenance.processor';

const PURGE_SESSIONS_EVERY_MS = 15 * 60_000;

@Module({
  imports: [
    ConfigModule,
    LoggingModule.forApp('worker'),
    DatabaseModule.forRoot({ discipline: false }),
    RedisModule,
    QueueModule,
    HealthModule,
    AuthModule,
  ],
  providers: [MaintenanceProcessor],
})
export class WorkerModule implements OnApplicationBootstrap {
  constructor(private readonly jobs: JobQueueService) {}

  async onApplicationBootstrap(): Promise<void> {
    await this.jobs.schedule(JobName.PurgeExpiredSessions, {}, PURGE_SESSIONS_EVERY_MS);
  }
}
