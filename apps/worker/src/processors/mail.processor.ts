import { Processor, WorkerHost } from '@nestjs/bullmq';
import { Job, UnrecoverableError } from 'bullmq';
import { JobName, JobPayloads, QueueName } from '@app/core';
import { InvitationService } from '@app/campaigns';

/** Sends a page of invitations or reminders per job, a few pages at a time. */
@Processor(QueueName.Mail, { concurrency: 8 })
export class MailProcessor extends WorkerHost {
  constructor(private readonly invitations: InvitationService) {
    super();
  }

  async process(job: Job): Promise<unknown> {
    if ((job.name as JobName) !== JobName.SendInvitation) throw new UnrecoverableError(`unknown job ${job.name} on queue ${QueueName.Mail}`);
    const { campaignId, round, page } = job.data as JobPayloads[JobName.SendInvitation];
    // Returns nothing: a job's return value outlives the job in BullMQ's events stream.
    await this.invitations.sendPage(campaignId, round, page);
    return undefined;
  }
}
