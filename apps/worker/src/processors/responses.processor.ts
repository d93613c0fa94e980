import { Processor, WorkerHost } from '@nestjs/bullmq';
import { Job, UnrecoverableError } from 'bullmq';
import { JobName, JobPayloads, QueueName } from '@app/core';
import { AnsweringService } from '@app/responses';

@Processor(QueueName.Responses)
export class ResponsesProcessor extends WorkerHost {
  constructor(private readonly answering: AnsweringService) {
    super();
  }

  async process(job: Job): Promise<unknown> {
    if ((job.name as JobName) !== JobName.FinalizeResponses) throw new UnrecoverableError(`unknown job ${job.name} on queue ${QueueName.Responses}`);
    const { campaignId } = job.data as JobPayloads[JobName.FinalizeResponses];
    return { stored: await this.answering.finalize(campaignId) };
  }
}
