import { Processor, WorkerHost } from '@nestjs/bullmq';
import { Job, UnrecoverableError } from 'bullmq';
import { JobName, JobPayloads, QueueName } from '@app/core';
import { InvitationService } from '@app/campaigns';

/** Sends one invitation or reminder per job, a few at a time so the mail relay is not flooded. */
@Processor(QueueName.Mail, { concurrency: 16 })
export class MailProcessor extends WorkerHost {
  constructor(private readonly invitations: InvitationService) {
    super();
  }

  async process(job: Job): Promise<unknown> {
    if ((job.name as JobName) !== JobName.SendInvitation) throw new UnrecoverableError(`unknown job ${job.name} on queue ${QueueName.Mail}`);
    const { participantId, round } = job.data as JobPayloads[JobName.SendInvitation];
    return { outcome: await this.invitations.send(participantId, round) };
  }
}
