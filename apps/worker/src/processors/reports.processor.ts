import { Processor, WorkerHost } from '@nestjs/bullmq';
import { Job, UnrecoverableError } from 'bullmq';
import { JobName, JobPayloads, QueueName } from '@app/core';
import { ReportsService } from '@app/reports';

@Processor(QueueName.Reports)
export class ReportsProcessor extends WorkerHost {
  constructor(private readonly reports: ReportsService) {
    super();
  }

  async process(job: Job): Promise<unknown> {
    if ((job.name as JobName) !== JobName.ExportWorkbook) throw new UnrecoverableError(`unknown job ${job.name} on queue ${QueueName.Reports}`);
    const { exportId } = job.data as JobPayloads[JobName.ExportWorkbook];
    return this.reports.run(exportId);
  }
}
