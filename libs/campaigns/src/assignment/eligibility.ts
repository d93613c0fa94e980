import { ELIGIBILITY_RULES, EligibilityRule, EligibilitySetting, PeerReviewCourtLevel, PeerReviewJudge } from './assignment.types';

export interface GroupIdentity {
  key: string;
  level: PeerReviewCourtLevel | null;
  regionCode: string | null;
}

function identityUnder(rule: EligibilityRule, judge: PeerReviewJudge): GroupIdentity {
  switch (rule) {
    case 'same-level-and-region':
      return { key: `${judge.level}/${judge.regionCode}`, level: judge.level, regionCode: judge.regionCode };
    case 'same-level':
      return { key: judge.level, level: judge.level, regionCode: null };
    case 'same-region':
      return { key: `region:${judge.regionCode}`, level: null, regionCode: judge.regionCode };
    case 'any':
      return { key: 'all', level: null, regionCode: null };
  }
}

/** The eligibility group of a judge: two judges may review each other only within one group. */
export function groupOf(setting: EligibilitySetting, judge: PeerReviewJudge): GroupIdentity {
  return identityUnder(typeof setting === 'string' ? setting : setting[judge.level], judge);
}

export function isCourtPresident(judge: PeerReviewJudge): boolean {
  return judge.position === 'court-president';
}

/**
 * The court-president rule: a court president neither reviews nor is reviewed by any other
 * judge of their own court, whatever that judge's position (judge, chamber president, or
 * another court president). Judges of different courts are never in conflict.
 */
export function inPresidentConflict(a: PeerReviewJudge, b: PeerReviewJudge): boolean {
  return a.courtId === b.courtId && (isCourtPresident(a) || isCourtPresident(b));
}

/** Counts, per court, its judges and its court presidents. */
export interface CourtCounts {
  judges: Map<string, number>;
  presidents: Map<string, number>;
}

export function countCourts(judges: readonly PeerReviewJudge[]): CourtCounts {
  const counts: CourtCounts = { judges: new Map(), presidents: new Map() };
  for (const judge of judges) {
    counts.judges.set(judge.courtId, (counts.judges.get(judge.courtId) ?? 0) + 1);
    if (isCourtPresident(judge)) counts.presidents.set(judge.courtId, (counts.presidents.get(judge.courtId) ?? 0) + 1);
  }
  return counts;
}

/**
 * How many colleagues of the judge's group the court-president rule excludes. A court lies in
 * one level and region (checked on input), so every group holds each court whole.
 */
export function presidentConflictCount(judge: PeerReviewJudge, courts: CourtCounts): number {
  return isCourtPresident(judge) ? (courts.judges.get(judge.courtId) ?? 1) - 1 : (courts.presidents.get(judge.courtId) ?? 0);
}

/** For each simple rule, the number of colleagues who could review the judge under it. */
export function eligibleUnderEveryRule(judges: readonly PeerReviewJudge[]): (judge: PeerReviewJudge) => Record<EligibilityRule, number> {
  const courts = countCourts(judges);
  const sizes = new Map<string, number>();
  for (const judge of judges) {
    for (const rule of ELIGIBILITY_RULES) {
      const key = `${rule}|${identityUnder(rule, judge).key}`;
      sizes.set(key, (sizes.get(key) ?? 0) + 1);
    }
  }
  return (judge) => {
    const conflicts = presidentConflictCount(judge, courts);
    const entry = {} as Record<EligibilityRule, number>;
    for (const rule of ELIGIBILITY_RULES) entry[rule] = sizes.get(`${rule}|${identityUnder(rule, judge).key}`)! - 1 - conflicts;
    return entry;
  };
}
