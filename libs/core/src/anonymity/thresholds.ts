/**
 * Minimum group sizes for publishing (ANONYMITY.md A). A campaign stores its thresholds at
 * launch; they can be raised before launch but never set below the floor.
 */
export interface AnonymityThresholds {
  /** Counts and distributions. */
  count: number;
  /** Means, medians, percentages and confidence intervals. */
  mean: number;
  /** Free-text answers. */
  freeText: number;
  /** Reviewers needed before a judge's peer-review result is shown. */
  peer: number;
}

export const DEFAULT_THRESHOLDS: AnonymityThresholds = { count: 5, mean: 8, freeText: 10, peer: 5 };
export const THRESHOLD_FLOORS: AnonymityThresholds = { count: 3, mean: 5, freeText: 10, peer: 3 };

/** The names of thresholds set below their floor (empty when all are acceptable). */
export function thresholdsBelowFloor(thresholds: AnonymityThresholds): (keyof AnonymityThresholds)[] {
  return (Object.keys(THRESHOLD_FLOORS) as (keyof AnonymityThresholds)[]).filter(
    (key) => !Number.isInteger(thresholds[key]) || thresholds[key] < THRESHOLD_FLOORS[key],
  );
}
