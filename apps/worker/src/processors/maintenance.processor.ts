import { Processor, WorkerHost } from '@nestjs/bullmq';
import { Logger } from '@nestjs/common';
import { Job, UnrecoverableError } from 'bullmq';
import { JobName, QueueName } from '@app/core';
import { SessionService } from '@app/auth';
import { CampaignService } from '@app/campaigns';
import { AnsweringService } from '@app/responses';
import { AggregationService } from '@app/aggregation';

@Processor(QueueName.Maintenance)
export class MaintenanceProcessor extends WorkerHost {
  private readonly logger = new Logger(MaintenanceProcessor.name);

  constructor(
    private readonly sessions: SessionService,
    private readonly campaigns: CampaignService,
    private readonly answering: AnsweringService,
    private readonly aggregation: AggregationService,
  ) {
    super();
  }

  async process(job: Job): Promise<unknown> {
    switch (job.name as JobName) {
      case JobName.PurgeExpiredSessions: {
        const purged = await this.sessions.purgeExpired();
        this.logger.log({ job: job.name, purged }, 'expired sessions purged');
        return { purged };
      }
      case JobName.ReconcileCampaigns: {
        const campaigns = await this.campaigns.reconcile();
        return { ...campaigns, finalizing: await this.answering.reconcile(), aggregating: await this.aggregation.reconcile() };
      }
      default:
        throw new UnrecoverableError(`unknown job ${job.name} on queue ${QueueName.Maintenance}`);
    }
  }
}
