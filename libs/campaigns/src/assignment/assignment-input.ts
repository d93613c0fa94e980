import { ErrorKind, FieldProblem } from '@app/core';
import { AssignmentError, AssignmentErrorCode } from './assignment.errors';
import {
  AssignmentOptions,
  DEFAULT_ELIGIBILITY,
  DEFAULT_MIN_REVIEWERS,
  ELIGIBILITY_RULES,
  EligibilitySetting,
  PEER_REVIEW_COURT_LEVELS,
  PEER_REVIEW_POSITIONS,
  PEER_REVIEW_REVIEWER_FLOOR,
  PeerReviewJudge,
  ResolvedAssignmentOptions,
} from './assignment.types';

function invalidOption(option: string, reason: string): AssignmentError {
  return new AssignmentError(AssignmentErrorCode.InvalidOption, ErrorKind.Invalid, `Invalid assignment option ${option}: ${reason}`, [{ field: option, reason }], { option });
}

function isEligibilitySetting(value: unknown): value is EligibilitySetting {
  if (typeof value === 'string') return (ELIGIBILITY_RULES as readonly string[]).includes(value);
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return false;
  const entries = Object.entries(value);
  return (
    entries.length === PEER_REVIEW_COURT_LEVELS.length &&
    PEER_REVIEW_COURT_LEVELS.every((level) => {
      const rule = (value as Record<string, unknown>)[level];
      return rule === 'same-level-and-region' || rule === 'same-level';
    })
  );
}

/** Applies the defaults and rejects options the planner cannot honour. */
export function resolveAssignmentOptions(options: AssignmentOptions): ResolvedAssignmentOptions {
  if (!Number.isSafeInteger(options.seed)) throw invalidOption('seed', 'must be a safe integer');
  const eligibility = options.eligibility ?? DEFAULT_ELIGIBILITY;
  if (!isEligibilitySetting(eligibility)) {
    throw invalidOption('eligibility', `must be one of ${ELIGIBILITY_RULES.join(', ')}, or a level-based rule for each of ${PEER_REVIEW_COURT_LEVELS.join(', ')}`);
  }
  const minReviewers = options.minReviewers ?? DEFAULT_MIN_REVIEWERS;
  if (!Number.isSafeInteger(minReviewers)) throw invalidOption('minReviewers', 'must be an integer');
  if (minReviewers < PEER_REVIEW_REVIEWER_FLOOR) {
    throw new AssignmentError(
      AssignmentErrorCode.ReviewersBelowFloor,
      ErrorKind.Invalid,
      `minReviewers ${minReviewers} is below the floor of ${PEER_REVIEW_REVIEWER_FLOOR}`,
      [{ field: 'minReviewers', reason: `must be at least ${PEER_REVIEW_REVIEWER_FLOOR}` }],
      { floor: PEER_REVIEW_REVIEWER_FLOOR },
    );
  }
  const maxReviewers = options.maxReviewers ?? minReviewers;
  if (!Number.isSafeInteger(maxReviewers)) throw invalidOption('maxReviewers', 'must be an integer');
  if (maxReviewers < minReviewers) {
    throw new AssignmentError(
      AssignmentErrorCode.MaxBelowMin,
      ErrorKind.Invalid,
      `maxReviewers ${maxReviewers} is below minReviewers ${minReviewers}`,
      [{ field: 'maxReviewers', reason: `must be at least minReviewers (${minReviewers})` }],
      { min: minReviewers, max: maxReviewers },
    );
  }
  const maxLoad = options.maxLoad ?? null;
  if (maxLoad !== null && (!Number.isSafeInteger(maxLoad) || maxLoad < 1)) throw invalidOption('maxLoad', 'must be a positive integer');
  const resolvedEligibility = typeof eligibility === 'string' ? eligibility : { district: eligibility.district, regional: eligibility.regional, supreme: eligibility.supreme };
  return { eligibility: resolvedEligibility, minReviewers, maxReviewers, maxLoad, seed: options.seed };
}

function isNonEmptyString(value: unknown): value is string {
  return typeof value === 'string' && value.trim().length > 0;
}

/**
 * Rejects malformed judges, duplicate ids, and courts whose judges disagree on level or region
 * (the court-president rule and the group of a court depend on both).
 */
export function validateJudges(judges: readonly PeerReviewJudge[]): void {
  if (!Array.isArray(judges)) throw invalidOption('judges', 'must be a list');
  const seen = new Set<string>();
  const courts = new Map<string, { level: string; regionCode: string }>();
  judges.forEach((judge, index) => {
    const problems: FieldProblem[] = [];
    if (!isNonEmptyString(judge?.id)) problems.push({ field: `judges[${index}].id`, reason: 'must be a non-empty string' });
    if (!isNonEmptyString(judge?.courtId)) problems.push({ field: `judges[${index}].courtId`, reason: 'must be a non-empty string' });
    if (!isNonEmptyString(judge?.regionCode)) problems.push({ field: `judges[${index}].regionCode`, reason: 'must be a non-empty string' });
    if (!PEER_REVIEW_COURT_LEVELS.includes(judge?.level)) problems.push({ field: `judges[${index}].level`, reason: `must be one of ${PEER_REVIEW_COURT_LEVELS.join(', ')}` });
    if (!PEER_REVIEW_POSITIONS.includes(judge?.position)) problems.push({ field: `judges[${index}].position`, reason: `must be one of ${PEER_REVIEW_POSITIONS.join(', ')}` });
    const judgeId = String(judge?.id ?? index);
    if (problems.length > 0) {
      throw new AssignmentError(AssignmentErrorCode.InvalidJudge, ErrorKind.Invalid, `Judge ${judgeId} is invalid`, problems, { judgeId });
    }
    if (seen.has(judge.id)) {
      throw new AssignmentError(AssignmentErrorCode.DuplicateJudge, ErrorKind.Invalid, `Judge ${judge.id} appears more than once`, [{ field: `judges[${index}].id`, reason: 'duplicate' }], { judgeId: judge.id });
    }
    seen.add(judge.id);
    const court = courts.get(judge.courtId);
    if (!court) courts.set(judge.courtId, { level: judge.level, regionCode: judge.regionCode });
    else if (court.level !== judge.level || court.regionCode !== judge.regionCode) {
      throw new AssignmentError(
        AssignmentErrorCode.InconsistentCourt,
        ErrorKind.Invalid,
        `Court ${judge.courtId} has judges at different levels or regions`,
        [{ field: `judges[${index}].courtId`, reason: 'level or region differs from other judges of the same court' }],
        { courtId: judge.courtId },
      );
    }
  });
}
