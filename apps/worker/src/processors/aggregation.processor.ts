import { Processor, WorkerHost } from '@nestjs/bullmq';
import { Job, UnrecoverableError } from 'bullmq';
import { JobName, JobPayloads, QueueName } from '@app/core';
import { AggregationService } from '@app/aggregation';

/**
 * One release per job. A killed worker's job is found stalled within about
 * lockDuration + stalledInterval and re-run from the start; the snapshot is written in one
 * statement only at the end, so a re-run stores the same bytes once.
 */
@Processor(QueueName.Aggregation, { concurrency: 1, stalledInterval: 5_000 })
export class AggregationProcessor extends WorkerHost {
  constructor(private readonly aggregation: AggregationService) {
    super();
  }

  async process(job: Job): Promise<unknown> {
    if ((job.name as JobName) !== JobName.AggregateCampaign) throw new UnrecoverableError(`unknown job ${job.name} on queue ${QueueName.Aggregation}`);
    const { campaignId, release } = job.data as JobPayloads[JobName.AggregateCampaign];
    return this.aggregation.aggregate(campaignId, release, (progress) => job.updateProgress({ ...progress }));
  }
}
