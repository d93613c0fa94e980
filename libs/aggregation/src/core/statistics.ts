import tQuantile from '@stdlib/stats-base-dists-t-quantile';
import { AggregationError, AggregationErrorCode } from '../aggregation.errors';
import { roundOrNull, roundOutput } from './rounding';

/**
 * Descriptive statistics of Likert-type answers and of dimension scores
 * (docs/disclosure-control.md, "Statistics").
 *
 * Every statistic is computed from exact integer sums, never from a running floating-point
 * total, so the order of the answers cannot change a digit. Results are rounded once, at
 * output ({@link roundOutput}). Minimum and maximum are never computed or returned
 * (ANONYMITY.md A). Whether a statistic may be shown is decided elsewhere (suppression.ts,
 * complementary.ts): these functions describe, they do not protect.
 */

/** An integer answer scale, for example 1..5. Reverse-scored items are mapped with {@link reverseScore}. */
export interface LikertScale {
  readonly min: number;
  readonly max: number;
}

export interface Interval {
  readonly lower: number;
  readonly upper: number;
}

export interface ScalePointCount {
  readonly value: number;
  readonly count: number;
}

/** Statistics of one question in one cell. Fields are `null` where they are undefined (n = 0, or n = 1 for sd and CI). */
export interface ItemStatistics {
  readonly n: number;
  readonly mean: number | null;
  /** Sample standard deviation (n − 1 in the denominator). */
  readonly sd: number | null;
  readonly median: number | null;
  /** Every scale point from min to max, zeros included. */
  readonly distribution: readonly ScalePointCount[];
  /** Share of answers on the two highest scale points. */
  readonly top2Share: number | null;
  /** 95% confidence interval of the mean, Student t with n − 1 degrees of freedom. */
  readonly meanCi: Interval | null;
  /** 95% Wilson score interval of the top-2-box share. */
  readonly top2Ci: Interval | null;
}

/**
 * A respondent's dimension score as an exact fraction: the sum of the answered items over their
 * number. `count` respondents have it (1 when absent): a microcell lists each distinct score
 * once, so its size does not grow with the number of respondents.
 */
export interface DimensionScore {
  readonly sum: number;
  readonly answered: number;
  readonly count?: number;
}

/** How many respondents a dimension score stands for. */
export function scoreCount(score: DimensionScore): number {
  return score.count ?? 1;
}

/** Statistics of dimension scores over respondents: as {@link ItemStatistics}, without a distribution. */
export type DimensionStatistics = Omit<ItemStatistics, 'distribution'>;

/** Unrounded sufficient statistics of one group, the input of the gender-gap test. */
export interface Moments {
  readonly n: number;
  readonly mean: number | null;
  /** Sample variance; `null` when n < 2. */
  readonly variance: number | null;
}

/** Two-sided 95% normal quantile, Φ⁻¹(0.975), used by the Wilson interval. */
export const Z_975 = 1.959963984540054;

export function assertScale(scale: LikertScale): void {
  const ok = Number.isSafeInteger(scale.min) && Number.isSafeInteger(scale.max) && scale.max > scale.min && scale.max - scale.min <= 100;
  if (!ok) {
    throw new AggregationError(AggregationErrorCode.InvalidScale, `invalid scale ${scale.min}..${scale.max}`, {}, [
      { field: 'scale', reason: 'must be integers with min < max (at most 101 points)' },
    ]);
  }
}

function assertAnswer(value: number, scale: LikertScale): void {
  if (!Number.isInteger(value) || value < scale.min || value > scale.max) {
    throw new AggregationError(AggregationErrorCode.InvalidAnswer, `answer ${value} outside ${scale.min}..${scale.max}`, { value: String(value) });
  }
}

/** Maps an answer of a reverse-scored item: v → min + max − v. */
export function reverseScore(value: number, scale: LikertScale): number {
  assertScale(scale);
  assertAnswer(value, scale);
  return scale.min + scale.max - value;
}

/** Counts per scale point (index 0 is `scale.min`). `null`/`undefined` (not answered) are skipped. */
export function likertCounts(answers: Iterable<number | null | undefined>, scale: LikertScale): number[] {
  assertScale(scale);
  const counts = new Array<number>(scale.max - scale.min + 1).fill(0);
  for (const answer of answers) {
    if (answer === null || answer === undefined) continue;
    assertAnswer(answer, scale);
    counts[answer - scale.min] += 1;
  }
  return counts;
}

/** Adds count vectors of equal length, for example the distributions of the microcells of a cell. */
export function addCounts(vectors: readonly (readonly number[])[], length: number): number[] {
  const total = new Array<number>(length).fill(0);
  for (const vector of vectors) {
    if (vector.length !== length) {
      throw new AggregationError(AggregationErrorCode.InconsistentInput, 'count vectors of different lengths', { reason: 'count vectors of different lengths' });
    }
    vector.forEach((count, i) => (total[i] += count));
  }
  return total;
}

function assertCounts(counts: readonly number[], scale: LikertScale): void {
  assertScale(scale);
  if (counts.length !== scale.max - scale.min + 1 || counts.some((c) => !Number.isSafeInteger(c) || c < 0)) {
    throw new AggregationError(AggregationErrorCode.InconsistentInput, 'a distribution must hold one non-negative integer count per scale point', {
      reason: 'a distribution must hold one non-negative integer count per scale point',
    });
  }
}

/**
 * A sample as exact integers: `values[i] / denominator` occurs `counts[i]` times. Likert
 * answers have denominator 1; dimension scores use the least common multiple of the numbers
 * of answered items, so every score is an integer multiple of 1/denominator.
 */
interface ExactSample {
  readonly values: readonly bigint[];
  readonly counts: readonly number[];
  readonly denominator: bigint;
}

interface ExactSummary {
  n: number;
  mean: number | null;
  variance: number | null;
  median: number | null;
  top2: number;
}

function summarise(sample: ExactSample, scale: LikertScale): ExactSummary {
  const order = sample.values.map((_, i) => i).sort((a, b) => (sample.values[a] < sample.values[b] ? -1 : sample.values[a] > sample.values[b] ? 1 : 0));
  const d = sample.denominator;
  let n = 0;
  let sum = 0n;
  let squares = 0n;
  let top2 = 0;
  const top2From = BigInt(scale.max - 1) * d;
  for (const i of order) {
    const count = sample.counts[i];
    if (count === 0) continue;
    const value = sample.values[i];
    n += count;
    sum += value * BigInt(count);
    squares += value * value * BigInt(count);
    if (value >= top2From) top2 += count;
  }
  if (n === 0) return { n, mean: null, variance: null, median: null, top2 };
  const bn = BigInt(n);
  const mean = Number(sum) / Number(bn * d);
  const variance = n < 2 ? null : Number(bn * squares - sum * sum) / Number(bn * (bn - 1n) * d * d);
  // Median: the middle value, or the average of the two middle values.
  const lowRank = Math.floor((n - 1) / 2);
  const highRank = Math.floor(n / 2);
  let low: bigint | null = null;
  let high: bigint | null = null;
  let seen = 0;
  for (const i of order) {
    const count = sample.counts[i];
    if (count === 0) continue;
    if (low === null && lowRank < seen + count) low = sample.values[i];
    if (high === null && highRank < seen + count) high = sample.values[i];
    seen += count;
    if (high !== null) break;
  }
  const median = Number(low! + high!) / Number(2n * d);
  return { n, mean, variance, median, top2 };
}

function meanInterval(summary: ExactSummary): Interval | null {
  if (summary.n < 2 || summary.mean === null || summary.variance === null) return null;
  const half = tQuantile(0.975, summary.n - 1) * Math.sqrt(summary.variance / summary.n);
  return { lower: summary.mean - half, upper: summary.mean + half };
}

/** 95% Wilson score interval of a proportion `successes / n`. */
export function wilsonInterval(successes: number, n: number): Interval | null {
  if (n <= 0) return null;
  const p = successes / n;
  const z2 = Z_975 * Z_975;
  const denominator = 1 + z2 / n;
  const centre = (p + z2 / (2 * n)) / denominator;
  const half = (Z_975 * Math.sqrt((p * (1 - p)) / n + z2 / (4 * n * n))) / denominator;
  return { lower: Math.max(0, centre - half), upper: Math.min(1, centre + half) };
}

/** One option of a choice question in one cell: how many chose it, and their share of those who answered the question. */
export interface ChoiceOptionStatistics {
  readonly count: number;
  /** `count / n`; null when nobody in the cell answered the question. */
  readonly share: number | null;
  /** 95% Wilson score interval of the share. */
  readonly shareCi: Interval | null;
}

/**
 * A choice question (single choice, multiple choice, yes/no) in one cell. Options are in the
 * question's order. A single-choice block is published or suppressed whole; for multiple
 * choice each option has its own audited pattern, so an option can be null (suppressed) where
 * `n` and the other options are published.
 */
export interface ChoiceStatistics {
  /** Respondents of the cell who answered the question. */
  readonly n: number;
  readonly options: readonly (ChoiceOptionStatistics | null)[];
}

/** Statistics of one option chosen by `count` of the `n` who answered. */
export function describeChoiceOption(count: number, n: number): ChoiceOptionStatistics {
  if (!Number.isSafeInteger(count) || !Number.isSafeInteger(n) || count < 0 || count > n) throw new RangeError(`an option chosen ${count} times of ${n} answers`);
  return { count, share: n === 0 ? null : roundOutput(count / n), shareCi: roundInterval(wilsonInterval(count, n)) };
}

function roundInterval(interval: Interval | null): Interval | null {
  return interval === null ? null : { lower: roundOutput(interval.lower), upper: roundOutput(interval.upper) };
}

function describeSummary(summary: ExactSummary): DimensionStatistics {
  const top2Share = summary.n === 0 ? null : summary.top2 / summary.n;
  return {
    n: summary.n,
    mean: roundOrNull(summary.mean),
    sd: summary.variance === null ? null : roundOutput(Math.sqrt(summary.variance)),
    median: roundOrNull(summary.median),
    top2Share: roundOrNull(top2Share),
    meanCi: roundInterval(meanInterval(summary)),
    top2Ci: roundInterval(wilsonInterval(summary.top2, summary.n)),
  };
}

function likertSample(counts: readonly number[], scale: LikertScale): ExactSample {
  assertCounts(counts, scale);
  return { values: counts.map((_, i) => BigInt(scale.min + i)), counts, denominator: 1n };
}

/** Statistics of one question in one cell, from its counts per scale point (see {@link likertCounts}). */
export function describeLikert(counts: readonly number[], scale: LikertScale): ItemStatistics {
  const summary = summarise(likertSample(counts, scale), scale);
  return {
    ...describeSummary(summary),
    distribution: counts.map((count, i) => ({ value: scale.min + i, count })),
  };
}

/** Unrounded mean and variance of Likert counts, for {@link genderGap}. */
export function likertMoments(counts: readonly number[], scale: LikertScale): Moments {
  const { n, mean, variance } = summarise(likertSample(counts, scale), scale);
  return { n, mean, variance };
}

/**
 * A respondent's dimension score: the mean of their answered items of the dimension, or
 * `null` when fewer than `minAnswered` (default 1) items were answered. `reversed[i]` marks
 * reverse-scored items, mapped v → min + max − v before averaging.
 */
export function dimensionScore(
  answers: readonly (number | null | undefined)[],
  scale: LikertScale,
  options: { reversed?: readonly boolean[]; minAnswered?: number } = {},
): DimensionScore | null {
  assertScale(scale);
  const minAnswered = Math.max(1, options.minAnswered ?? 1);
  let sum = 0;
  let answered = 0;
  answers.forEach((answer, i) => {
    if (answer === null || answer === undefined) return;
    assertAnswer(answer, scale);
    sum += options.reversed?.[i] ? scale.min + scale.max - answer : answer;
    answered += 1;
  });
  return answered >= minAnswered ? { sum, answered } : null;
}

function gcd(a: bigint, b: bigint): bigint {
  while (b !== 0n) [a, b] = [b, a % b];
  return a;
}

function dimensionSample(scores: readonly DimensionScore[], scale: LikertScale): ExactSample {
  assertScale(scale);
  let denominator = 1n;
  for (const score of scores) {
    if (!Number.isSafeInteger(score.answered) || score.answered < 1 || !Number.isSafeInteger(score.sum) || !Number.isSafeInteger(scoreCount(score)) || scoreCount(score) < 1) {
      throw new AggregationError(AggregationErrorCode.InconsistentInput, 'a dimension score needs integer sum, answered ≥ 1 and count ≥ 1', { reason: 'invalid dimension score' });
    }
    if (score.sum < scale.min * score.answered || score.sum > scale.max * score.answered) {
      throw new AggregationError(AggregationErrorCode.InvalidAnswer, 'dimension score outside the scale', { value: `${score.sum}/${score.answered}` });
    }
    const answered = BigInt(score.answered);
    denominator = (denominator * answered) / gcd(denominator, answered);
  }
  const histogram = new Map<bigint, number>();
  for (const score of scores) {
    const scaled = (BigInt(score.sum) * denominator) / BigInt(score.answered);
    histogram.set(scaled, (histogram.get(scaled) ?? 0) + scoreCount(score));
  }
  return { values: [...histogram.keys()], counts: [...histogram.values()], denominator };
}

/**
 * Statistics of dimension scores over respondents. The top-2-box share is the share of
 * respondents whose score is at least `max − 1` (on average in the two highest points).
 */
export function describeDimension(scores: readonly DimensionScore[], scale: LikertScale): DimensionStatistics {
  return describeSummary(summarise(dimensionSample(scores, scale), scale));
}

/** Unrounded mean and variance of dimension scores, for {@link genderGap}. */
export function dimensionMoments(scores: readonly DimensionScore[], scale: LikertScale): Moments {
  const { n, mean, variance } = summarise(dimensionSample(scores, scale), scale);
  return { n, mean, variance };
}

/**
 * The scale point a dimension score is counted under when its cell is audited
 * (complementary.ts): the nearest point, halves upwards.
 */
export function dimensionScorePoint(score: DimensionScore, scale: LikertScale): number {
  const point = Math.floor((2 * score.sum + score.answered) / (2 * score.answered));
  return Math.min(scale.max, Math.max(scale.min, point));
}
