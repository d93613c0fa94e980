import { Processor, WorkerHost } from '@nestjs/bullmq';
import { Job, UnrecoverableError } from 'bullmq';
import { JobName, JobPayloads, JobQueueService, QueueName } from '@app/core';
import { AnsweringService } from '@app/responses';

@Processor(QueueName.Responses)
export class ResponsesProcessor extends WorkerHost {
  constructor(
    private readonly answering: AnsweringService,
    private readonly jobs: JobQueueService,
  ) {
    super();
  }

  async process(job: Job): Promise<unknown> {
    if ((job.name as JobName) !== JobName.FinalizeResponses) throw new UnrecoverableError(`unknown job ${job.name} on queue ${QueueName.Responses}`);
    const { campaignId } = job.data as JobPayloads[JobName.FinalizeResponses];
    const stored = await this.answering.finalize(campaignId);
    // The first release is computed as soon as every answer is in the store.
    await this.jobs.enqueue(JobName.AggregateCampaign, { campaignId, release: 1 });
    return { stored };
  }
}
