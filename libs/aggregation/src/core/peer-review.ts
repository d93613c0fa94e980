import { AggregationError, AggregationErrorCode } from '../aggregation.errors';
import { Catalogue, buildCatalogue } from './catalogue';
import { protectQuestion, protectRespondentCounts, ProtectionOptions, ReleaseResult } from './complementary';
import { roundOutput } from './rounding';
import { assertScale, LikertScale, likertMoments, ScalePointCount } from './statistics';
import { Thresholds, validateThresholds } from './suppression';

/**
 * Peer review (PRODUCT.md 4.5; docs/disclosure-control.md, "Peer review").
 *
 * A judge sees, per competency, the mean and distribution of the reviews they received and
 * the peer average of their court level. The threat is a reviewer who knows their own answer:
 * subtracting it from what is shown leaves the other m = n − 1 answers.
 *
 * Rule implemented (a leave-one-out group-disclosure test):
 *   - nothing is shown below the peer threshold of reviewers;
 *   - the distribution is shown only if, whichever answer is removed, no category holds all
 *     but at most one of the remaining m answers: max category count ≤ m − 2 = n − 3;
 *   - the mean is shown only if, for every answer a reviewer could have given (every
 *     category present), some multiset of m answers on the scale with the remaining sum
 *     n·mean − a has no category holding more than m − 2 of them (a reviewer cannot
 *     conclude from the mean that the others all, or all but one, answered alike);
 *   - the peer average of a court level is the mean of all reviews received by the level's
 *     judges, shown only when at least `peer` judges and `mean` reviews are pooled.
 */

export interface PeerReviewJudge {
  readonly judgeId: string;
  readonly courtLevel: string;
  /** Per competency id, the counts per scale point of the reviews received. */
  readonly competencies: Readonly<Record<string, readonly number[]>>;
}

export enum PeerWithholding {
  TooFewReviewers = 'too-few-reviewers',
  DistributionDeducible = 'distribution-deducible',
  MeanDeducible = 'mean-deducible',
  PeerGroupTooSmall = 'peer-group-too-small',
}

export interface CompetencyResult {
  readonly competency: string;
  /** Number of reviewers, shown only when at least the peer threshold. */
  readonly n: number | null;
  readonly mean: number | null;
  readonly distribution: readonly ScalePointCount[] | null;
  readonly peerAverage: number | null;
  /** mean − peerAverage, when both are shown. */
  readonly difference: number | null;
  readonly withheld: readonly PeerWithholding[];
}

export interface PeerReviewResult {
  readonly judgeId: string;
  readonly courtLevel: string;
  readonly competencies: readonly CompetencyResult[];
}

/** Whether the distribution may be shown: removing any one answer leaves no group disclosure. */
export function peerDistributionSafe(counts: readonly number[]): boolean {
  const n = counts.reduce((a, b) => a + b, 0);
  return n >= 3 && Math.max(...counts) <= n - 3;
}

/**
 * Whether m answers on the scale can sum (in points above the minimum) to `target` with no
 * category used more than `cap` times. Bounded-knapsack reachability over (count, sum).
 */
function spreadPossible(m: number, target: number, points: number, cap: number): boolean {
  if (cap < 0 || target < 0 || target > m * (points - 1)) return false;
  let reach: boolean[][] = Array.from({ length: m + 1 }, () => new Array<boolean>(target + 1).fill(false));
  reach[0][0] = true;
  for (let w = 0; w < points; w += 1) {
    const next = Array.from({ length: m + 1 }, () => new Array<boolean>(target + 1).fill(false));
    for (let c = 0; c <= m; c += 1) {
      for (let s = 0; s <= target; s += 1) {
        if (!reach[c][s]) continue;
        for (let k = 0; k <= cap && c + k <= m && s + k * w <= target; k += 1) next[c + k][s + k * w] = true;
      }
    }
    reach = next;
  }
  return reach[m][target];
}

/** Whether the mean may be shown: see the rule above. */
export function peerMeanSafe(counts: readonly number[], scale: LikertScale): boolean {
  assertScale(scale);
  const n = counts.reduce((a, b) => a + b, 0);
  if (n < 3) return false;
  const m = n - 1;
  const sumAboveMin = counts.reduce((sum, count, w) => sum + w * count, 0);
  return counts.every((count, w) => count === 0 || spreadPossible(m, sumAboveMin - w, counts.length, m - 2));
}

function pooledMean(counts: readonly number[], scale: LikertScale): number | null {
  return likertMoments(counts, scale).mean;
}

/** Per-judge, per-competency peer-review results, judges in id order, competencies in id order. */
export function peerReviewResults(input: { judges: readonly PeerReviewJudge[]; scale: LikertScale; thresholds: Thresholds }): PeerReviewResult[] {
  const thresholds = validateThresholds(input.thresholds);
  const { scale } = input;
  assertScale(scale);
  const points = scale.max - scale.min + 1;

  // Peer pools per court level and competency.
  const pools = new Map<string, { judges: number; counts: number[] }>();
  for (const judge of input.judges) {
    for (const [competency, counts] of Object.entries(judge.competencies)) {
      if (counts.length !== points || counts.some((c) => !Number.isSafeInteger(c) || c < 0)) {
        throw new AggregationError(AggregationErrorCode.InconsistentInput, `competency ${competency}: one count per scale point expected`, { reason: 'one count per scale point expected' });
      }
      if (counts.reduce((a, b) => a + b, 0) === 0) continue;
      const key = JSON.stringify([judge.courtLevel, competency]);
      const pool = pools.get(key) ?? { judges: 0, counts: new Array<number>(points).fill(0) };
      pool.judges += 1;
      counts.forEach((c, i) => (pool.counts[i] += c));
      pools.set(key, pool);
    }
  }
  const peerAverage = (level: string, competency: string): number | null => {
    const pool = pools.get(JSON.stringify([level, competency]));
    if (!pool || pool.judges < thresholds.peer || pool.counts.reduce((a, b) => a + b, 0) < thresholds.mean) return null;
    return pooledMean(pool.counts, scale);
  };

  return [...input.judges]
    .sort((a, b) => (a.judgeId < b.judgeId ? -1 : a.judgeId > b.judgeId ? 1 : 0))
    .map((judge) => ({
      judgeId: judge.judgeId,
      courtLevel: judge.courtLevel,
      competencies: Object.keys(judge.competencies)
        .sort()
        .map((competency): CompetencyResult => {
          const counts = judge.competencies[competency];
          const n = counts.reduce((a, b) => a + b, 0);
          const peer = peerAverage(judge.courtLevel, competency);
          if (n < thresholds.peer) {
            return { competency, n: null, mean: null, distribution: null, peerAverage: peer === null ? null : roundOutput(peer), difference: null, withheld: [PeerWithholding.TooFewReviewers] };
          }
          const withheld: PeerWithholding[] = [];
          const showDistribution = peerDistributionSafe(counts);
          if (!showDistribution) withheld.push(PeerWithholding.DistributionDeducible);
          const showMean = peerMeanSafe(counts, scale);
          if (!showMean) withheld.push(PeerWithholding.MeanDeducible);
          if (peer === null) withheld.push(PeerWithholding.PeerGroupTooSmall);
          const mean = showMean ? pooledMean(counts, scale) : null;
          return {
            competency,
            n,
            mean: mean === null ? null : roundOutput(mean),
            distribution: showDistribution ? counts.map((count, i) => ({ value: scale.min + i, count })) : null,
            peerAverage: peer === null ? null : roundOutput(peer),
            difference: mean === null || peer === null ? null : roundOutput(mean - peer),
            withheld,
          };
        }),
    }));
}

// ---- Rater-gender × judge-gender diagnostic ------------------------------------------------

export const RATER_GENDER = 'rater-gender';
export const JUDGE_GENDER = 'judge-gender';

/** National, rater gender, judge gender, and rater gender × judge gender. */
export function raterDiagnosticCatalogue(genderCodes: readonly string[] = ['f', 'm']): Catalogue {
  return buildCatalogue(
    [
      { name: RATER_GENDER, categories: genderCodes },
      { name: JUDGE_GENDER, categories: genderCodes },
    ],
    { crossWith: RATER_GENDER },
  );
}

export interface RaterDiagnosticCell {
  readonly raterGender: string;
  readonly judgeGender: string;
  /** Reviews assigned in this cell: the bound the audit uses. */
  readonly assignments: number;
  /** Reviews submitted. */
  readonly reviews: number;
  /** Per competency: counts per scale point, and submitted reviews that skipped it. */
  readonly competencies: Readonly<Record<string, { readonly distribution: readonly number[]; readonly noAnswer: number }>>;
}

export interface RaterDiagnosticRelease {
  readonly counts: ReleaseResult;
  readonly competencies: Readonly<Record<string, ReleaseResult>>;
}

/**
 * Protects the national rater-gender × judge-gender diagnostic: review counts (primary when
 * 0 < n < count threshold; reviews are not people, so no participation rule), then each
 * competency's statistics, linked to the counts, under the same rules as survey questions.
 */
export async function protectRaterDiagnostic(
  input: {
    cells: readonly RaterDiagnosticCell[];
    scale: LikertScale;
    thresholds: Thresholds;
    genderCodes?: readonly string[];
    keepSuppressed?: { counts?: Iterable<string>; competencies?: Readonly<Record<string, Iterable<string>>> };
  },
  options: ProtectionOptions = {},
): Promise<RaterDiagnosticRelease> {
  const catalogue = raterDiagnosticCatalogue(input.genderCodes);
  const cellOf = (c: RaterDiagnosticCell) => ({ [RATER_GENDER]: c.raterGender, [JUDGE_GENDER]: c.judgeGender });
  const counts = await protectRespondentCounts(
    {
      catalogue,
      microcells: input.cells.map((c) => ({ cell: cellOf(c), respondents: c.reviews, population: c.assignments })),
      thresholds: input.thresholds,
      keepSuppressed: input.keepSuppressed?.counts,
      participation: false,
    },
    options,
  );
  const competencyIds = [...new Set(input.cells.flatMap((c) => Object.keys(c.competencies)))].sort();
  const competencies: Record<string, ReleaseResult> = {};
  for (const competency of competencyIds) {
    competencies[competency] = await protectQuestion(
      {
        catalogue,
        scale: input.scale,
        thresholds: input.thresholds,
        countRelease: counts,
        keepSuppressed: input.keepSuppressed?.competencies?.[competency],
        microcells: input.cells.map((c) => {
          const answers = c.competencies[competency] ?? { distribution: new Array<number>(input.scale.max - input.scale.min + 1).fill(0), noAnswer: c.reviews };
          return { cell: cellOf(c), population: c.assignments, distribution: answers.distribution, noAnswer: answers.noAnswer };
        }),
      },
      options,
    );
  }
  return { counts, competencies };
}
