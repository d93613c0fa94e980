/**
 * Every queue and job of the platform, with one typed payload per job. Payloads carry
 * ids only, never answers or identities (ANONYMITY.md F). A job without a queue or an
 * id rule does not compile, because the maps below are exhaustive.
 */
export enum QueueName {
  Maintenance = 'maintenance',
}

export enum JobName {
  PurgeExpiredSessions = 'purge-expired-sessions',
}

export interface JobPayloads {
  [JobName.PurgeExpiredSessions]: Record<string, never>;
}

export const JOB_QUEUE: Record<JobName, QueueName> = {
  [JobName.PurgeExpiredSessions]: QueueName.Maintenance,
};

/**
 * Deterministic job ids: enqueueing the same work twice yields one job. BullMQ forbids ':'
 * in custom ids.
 */
export const JOB_ID: { [J in JobName]: (payload: JobPayloads[J]) => string } = {
  [JobName.PurgeExpiredSessions]: () => 'purge-expired-sessions',
};
