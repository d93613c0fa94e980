/**
 * Every queue and job of the platform, with one typed payload per job. Payloads carry
 * ids only, never answers or identities (ANONYMITY.md F). A job without a queue or an
 * id rule does not compile, because the maps below are exhaustive.
 */
export enum QueueName {
  Maintenance = 'maintenance',
  Campaigns = 'campaigns',
  Mail = 'mail',
  Responses = 'responses',
  Aggregation = 'aggregation',
  Reports = 'reports',
}

export enum JobName {
  PurgeExpiredSessions = 'purge-expired-sessions',
  /** Re-queues what a lost job would have done: invitations, closing at the deadline, finalising. */
  ReconcileCampaigns = 'reconcile-campaigns',
  /** Round 0 invites everyone, later rounds remind non-responders: fans out one SendInvitation per person. */
  SendInvitations = 'send-invitations',
  SendInvitation = 'send-invitation',
  CloseCampaign = 'close-campaign',
  /** At close: flush the mix buffer, rewrite the response store in random order, drop receipts. */
  FinalizeResponses = 'finalize-responses',
  /** After finalising (release 1), or on demand (the next release): computes, audits and stores one snapshot. */
  AggregateCampaign = 'aggregate-campaign',
  /** Builds one requested workbook from a protected release. */
  ExportWorkbook = 'export-workbook',
}

export interface JobPayloads {
  [JobName.PurgeExpiredSessions]: Record<string, never>;
  [JobName.ReconcileCampaigns]: Record<string, never>;
  [JobName.SendInvitations]: { campaignId: string; round: number };
  /** One page of participants, in id order: jobs carry no person's id (ANONYMITY.md F). */
  [JobName.SendInvitation]: { campaignId: string; round: number; page: number };
  [JobName.CloseCampaign]: { campaignId: string };
  [JobName.FinalizeResponses]: { campaignId: string };
  [JobName.AggregateCampaign]: { campaignId: string; release: number };
  [JobName.ExportWorkbook]: { exportId: string };
}

export const JOB_QUEUE: Record<JobName, QueueName> = {
  [JobName.PurgeExpiredSessions]: QueueName.Maintenance,
  [JobName.ReconcileCampaigns]: QueueName.Maintenance,
  [JobName.SendInvitations]: QueueName.Campaigns,
  [JobName.SendInvitation]: QueueName.Mail,
  [JobName.CloseCampaign]: QueueName.Campaigns,
  [JobName.FinalizeResponses]: QueueName.Responses,
  [JobName.AggregateCampaign]: QueueName.Aggregation,
  [JobName.ExportWorkbook]: QueueName.Reports,
};

/**
 * Deterministic job ids: enqueueing the same work twice yields one job. BullMQ forbids ':'
 * in custom ids.
 */
export const JOB_ID: { [J in JobName]: (payload: JobPayloads[J]) => string } = {
  [JobName.PurgeExpiredSessions]: () => 'purge-expired-sessions',
  [JobName.ReconcileCampaigns]: () => 'reconcile-campaigns',
  [JobName.SendInvitations]: (p) => `send-invitations-${p.campaignId}-${p.round}`,
  [JobName.SendInvitation]: (p) => `send-invitation-${p.campaignId}-${p.round}-${p.page}`,
  [JobName.CloseCampaign]: (p) => `close-campaign-${p.campaignId}`,
  [JobName.FinalizeResponses]: (p) => `finalize-responses-${p.campaignId}`,
  [JobName.AggregateCampaign]: (p) => `aggregate-campaign-${p.campaignId}-${p.release}`,
  [JobName.ExportWorkbook]: (p) => `export-workbook-${p.exportId}`,
};
