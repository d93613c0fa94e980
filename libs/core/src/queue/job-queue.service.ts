import { getQueueToken } from '@nestjs/bullmq';
import { Injectable } from '@nestjs/common';
import { ModuleRef } from '@nestjs/core';
import { Job, JobsOptions, Queue } from 'bullmq';
import { JOB_ID, JOB_QUEUE, JobName, JobPayloads, QueueName } from './queue-names';

/** Retry, back-off and retention of every job: finished jobs are removed (ANONYMITY.md F). */
export const DEFAULT_JOB_OPTIONS: JobsOptions = {
  attempts: 5,
  backoff: { type: 'exponential', delay: 2000 },
  removeOnComplete: true,
  // Failed jobs are kept a day for diagnosis; their payloads are ids only.
  removeOnFail: { age: 24 * 3600, count: 1000 },
};

export interface JobStatus {
  state: string;
  progress: unknown;
  attempts: number;
  failedReason: string | null;
}

/** The only way code puts work on a queue: typed by job name, with its deterministic id. */
@Injectable()
export class JobQueueService {
  constructor(private readonly modules: ModuleRef) {}

  queue(name: QueueName): Queue {
    return this.modules.get<Queue>(getQueueToken(name), { strict: false });
  }

  /** Adds the job, unless one with its id exists; a failed one with that id is retried instead. */
  async enqueue<J extends JobName>(name: J, payload: JobPayloads[J], options: JobsOptions = {}): Promise<Job> {
    const queue = this.queue(JOB_QUEUE[name]);
    const jobId = JOB_ID[name](payload);
    const existing = await queue.getJob(jobId);
    if (existing && (await existing.isFailed())) {
      await existing.retry();
      return existing;
    }
    return queue.add(name, payload, { ...options, jobId });
  }

  /** Where a job stands, or null when there is none (finished jobs are removed). */
  async status<J extends JobName>(name: J, payload: JobPayloads[J]): Promise<JobStatus | null> {
    const job = await this.queue(JOB_QUEUE[name]).getJob(JOB_ID[name](payload));
    if (!job) return null;
    return { state: await job.getState(), progress: job.progress, attempts: job.attemptsMade, failedReason: job.failedReason ?? null };
  }

  /** Many jobs of one name in one round trip, each with its deterministic id. */
  async enqueueBulk<J extends JobName>(name: J, payloads: JobPayloads[J][]): Promise<void> {
    const queue = this.queue(JOB_QUEUE[name]);
    for (let start = 0; start < payloads.length; start += 1000) {
      await queue.addBulk(payloads.slice(start, start + 1000).map((data) => ({ name, data, opts: { jobId: JOB_ID[name](data) } })));
    }
  }

  /** A repeating job; calling it again replaces the schedule instead of adding a second one. */
  async schedule<J extends JobName>(name: J, payload: JobPayloads[J], everyMs: number): Promise<void> {
    await this.queue(JOB_QUEUE[name]).upsertJobScheduler(name, { every: everyMs }, { name, data: payload });
  }
}
