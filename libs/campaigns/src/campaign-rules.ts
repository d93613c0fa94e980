import { AnonymityThresholds } from '@app/core';
import type { PopulationFilter } from '@app/registry';
import type { EligibilitySetting } from './assignment';

export type CampaignKind = 'judges-survey' | 'staff-survey' | 'peer-review';
export const CAMPAIGN_KINDS: CampaignKind[] = ['judges-survey', 'staff-survey', 'peer-review'];

export type CampaignStatus = 'draft' | 'open' | 'closed' | 'published';

/** The lifecycle: draft → open → closed → published, nothing else. */
const NEXT: Record<CampaignStatus, CampaignStatus | null> = { draft: 'open', open: 'closed', closed: 'published', published: null };

export function canMove(from: CampaignStatus, to: CampaignStatus): boolean {
  return NEXT[from] === to;
}

/** Breakdown variables of the table catalogue (ANONYMITY.md B). */
export type Breakdown = 'gender' | 'age-band' | 'experience-band' | 'court-level' | 'region';
export const BREAKDOWNS: Breakdown[] = ['gender', 'age-band', 'experience-band', 'court-level', 'region'];

/**
 * The fixed catalogue locked at launch: national; one breakdown at a time; gender × each
 * other breakdown. Region is never crossed with more than one other variable.
 */
export function catalogueOf(breakdowns: Breakdown[]): Breakdown[][] {
  const ordered = BREAKDOWNS.filter((b) => breakdowns.includes(b));
  const crossed = ordered.includes('gender') ? ordered.filter((b) => b !== 'gender').map((b) => ['gender', b] as Breakdown[]) : [];
  return [[], ...ordered.map((b) => [b]), ...crossed];
}



export interface PeerReviewSettings {
  /** One rule, or one per court level (see assignment/assignment.types.ts). */
  rule: EligibilitySetting;
  minReviewers: number;
  maxReviewers: number;
  /** Drawn from the CSPRNG when the campaign is created and never shown: with it and the register, anyone could recompute who reviews whom. */
  seed: number;
}

/** Everything fixed at launch. */
export interface LaunchSettings {
  instrumentVersionId: string;
  population: PopulationFilter;
  thresholds: AnonymityThresholds;
  breakdowns: Breakdown[];
  languages: ('kk' | 'ru' | 'en')[];
  deadline: Date;
  reminderDaysBeforeDeadline: number[];
  ageBandVersion: number;
  experienceBandVersion: number;
  peer: PeerReviewSettings | null;
}

/** Days before the deadline at which reminders go out; each must fall after launch. */
export function reminderTimes(deadline: Date, days: number[], launchedAt: Date): Date[] {
  return [...new Set(days)]
    .sort((a, b) => b - a)
    .map((d) => new Date(deadline.getTime() - d * 24 * 3600_000))
    .filter((at) => at > launchedAt);
}

/**
 * The invitation rounds reconciling queues for an open campaign (round 0 at launch, then each
 * reminder), for when Redis lost their jobs. A round still to come is queued for its time,
 * which changes nothing while its job exists. A round whose time is more than `graceMs` past
 * is queued to go now, but only while some non-responder has had fewer mails than the round
 * makes (`fewestMails`, null when everyone has answered): a page mails nobody who had the
 * round's mail, so this reaches only the people a lost page never did.
 */
export function invitationRoundsToQueue(
  campaign: { launchedAt: Date; deadline: Date; reminderDays: number[] },
  fewestMails: number | null,
  now: Date,
  graceMs: number,
): { round: number; delayMs: number }[] {
  const times = [campaign.launchedAt, ...reminderTimes(campaign.deadline, campaign.reminderDays, campaign.launchedAt)];
  return times.flatMap((at, round) => {
    const wait = at.getTime() - now.getTime();
    if (wait > 0) return [{ round, delayMs: wait }];
    const missed = fewestMails !== null && fewestMails <= round;
    return missed && -wait > graceMs ? [{ round, delayMs: 0 }] : [];
  });
}
