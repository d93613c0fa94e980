import { BullModule } from '@nestjs/bullmq';
import { Global, Module } from '@nestjs/common';
import { AppConfig } from '../config/app-config';
import { bullConnection } from '../redis/redis.module';
import { DEFAULT_JOB_OPTIONS, JobQueueService } from './job-queue.service';
import { QueueName } from './queue-names';

// A short events stream: BullMQ keeps job ids and return values there after the jobs are removed.
const queues = Object.values(QueueName).map((name) => ({ name, streams: { events: { maxLen: 100 } } }));

/** BullMQ on the configured Redis, every queue registered, and the typed `JobQueueService`. */
@Global()
@Module({
  imports: [
    BullModule.forRootAsync({
      inject: [AppConfig],
      useFactory: (config: AppConfig) => ({
        connection: bullConnection(config),
        prefix: config.QUEUE_PREFIX,
        defaultJobOptions: DEFAULT_JOB_OPTIONS,
      }),
    }),
    BullModule.registerQueue(...queues),
  ],
  providers: [JobQueueService],
  exports: [BullModule, JobQueueService],
})
export class QueueModule {}
