import { AggregationError, AggregationErrorCode } from '../aggregation.errors';

/**
 * Thresholds and primary suppression (ANONYMITY.md A and C; docs/disclosure-control.md,
 * "Primary suppression"). A primary cell is sensitive in itself; complementary.ts then
 * protects it against arithmetic on everything else that is published.
 */

/** Minimum group sizes, fixed per campaign at launch. */
export interface Thresholds {
  /** Counts and respondent frequencies. */
  readonly count: number;
  /** Means, medians, percentages, confidence intervals, and answer distributions (which determine the mean). */
  readonly mean: number;
  readonly freeText: number;
  /** Reviewers of one judge's peer-review result. */
  readonly peer: number;
}

export const DEFAULT_THRESHOLDS: Thresholds = Object.freeze({ count: 5, mean: 8, freeText: 10, peer: 5 });
export const THRESHOLD_FLOORS: Thresholds = Object.freeze({ count: 3, mean: 5, freeText: 10, peer: 3 });

/** Why a cell is primary-suppressed. */
export enum PrimaryReason {
  /** 0 < n < count threshold. */
  SmallCount = 'small-count',
  /** count threshold ≤ n < mean threshold: the count may be shown, its statistics not. */
  SmallForStatistics = 'small-for-statistics',
  /** One answer category holds all but at most one of the cell's answers. */
  GroupDisclosure = 'group-disclosure',
  /** Responded or not responded holds all but at most one of the cell's register population. */
  Participation = 'participation',
}

/**
 * The campaign's thresholds: defaults for missing fields; each must be an integer at or above
 * its floor, else `aggregation.invalid-thresholds` naming every bad field.
 */
export function validateThresholds(input: Partial<Thresholds> = {}): Thresholds {
  const thresholds: Thresholds = { ...DEFAULT_THRESHOLDS, ...input };
  const problems = (Object.keys(DEFAULT_THRESHOLDS) as (keyof Thresholds)[]).flatMap((field) => {
    const value = thresholds[field];
    if (!Number.isSafeInteger(value)) return [{ field, reason: 'must be an integer' }];
    if (value < THRESHOLD_FLOORS[field]) {
      return [{ field, reason: `must be at least ${THRESHOLD_FLOORS[field]}`, constraint: 'min', params: { min: THRESHOLD_FLOORS[field] } }];
    }
    return [];
  });
  if (problems.length > 0) throw new AggregationError(AggregationErrorCode.InvalidThresholds, 'thresholds below their floor', {}, problems);
  return Object.freeze(thresholds);
}

/** Group disclosure: some category holds all but at most one of the group (n > 0). */
export function isGroupDisclosure(categoryCounts: readonly number[]): boolean {
  const n = categoryCounts.reduce((a, b) => a + b, 0);
  return n > 0 && Math.max(...categoryCounts) >= n - 1;
}

/**
 * Primary reasons of a respondent-count cell. Zero cells are not sensitive as counts. When the
 * register population of the cell is given (it is public), responded / not responded are
 * treated as two categories: a cell where all but at most one of the population responded, or
 * all but at most one did not, discloses everyone's participation.
 */
export function countCellReasons(n: number, thresholds: Thresholds, population?: number): PrimaryReason[] {
  const reasons: PrimaryReason[] = [];
  if (n > 0 && n < thresholds.count) reasons.push(PrimaryReason.SmallCount);
  if (population !== undefined && population > 0 && isGroupDisclosure([n, population - n])) reasons.push(PrimaryReason.Participation);
  return reasons;
}

/**
 * Primary reasons of the statistics block of one question (or dimension) in one cell, from its
 * counts per answer category. The block (n, mean, sd, median, distribution, top-2 share, CIs)
 * is published or suppressed as a whole, because the distribution determines every statistic.
 */
export function statisticsCellReasons(categoryCounts: readonly number[], thresholds: Thresholds): PrimaryReason[] {
  const reasons = statisticsSizeReasons(
    categoryCounts.reduce((a, b) => a + b, 0),
    thresholds,
  );
  if (isGroupDisclosure(categoryCounts)) reasons.push(PrimaryReason.GroupDisclosure);
  return reasons;
}

/** The size rules of a statistics block alone: 0 < n < count, or count ≤ n < mean threshold. */
export function statisticsSizeReasons(n: number, thresholds: Thresholds): PrimaryReason[] {
  if (n > 0 && n < thresholds.count) return [PrimaryReason.SmallCount];
  if (n > 0 && n < thresholds.mean) return [PrimaryReason.SmallForStatistics];
  return [];
}

/** Free-text answers of a group are shown only from the free-text threshold. */
export function freeTextPublishable(n: number, thresholds: Thresholds): boolean {
  return n >= thresholds.freeText;
}
