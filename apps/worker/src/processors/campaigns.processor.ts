import { Processor, WorkerHost } from '@nestjs/bullmq';
import { Job, UnrecoverableError } from 'bullmq';
import { JobName, JobPayloads, QueueName } from '@app/core';
import { CampaignService, InvitationService } from '@app/campaigns';

@Processor(QueueName.Campaigns)
export class CampaignsProcessor extends WorkerHost {
  constructor(
    private readonly invitations: InvitationService,
    private readonly campaigns: CampaignService,
  ) {
    super();
  }

  async process(job: Job): Promise<unknown> {
    switch (job.name as JobName) {
      case JobName.SendInvitations: {
        const { campaignId, round } = job.data as JobPayloads[JobName.SendInvitations];
        return { queued: await this.invitations.fanOut(campaignId, round) };
      }
      case JobName.CloseCampaign: {
        const { campaignId } = job.data as JobPayloads[JobName.CloseCampaign];
        return { status: (await this.campaigns.close(null, campaignId))?.status ?? 'missing' };
      }
      default:
        throw new UnrecoverableError(`unknown job ${job.name} on queue ${QueueName.Campaigns}`);
    }
  }
}
