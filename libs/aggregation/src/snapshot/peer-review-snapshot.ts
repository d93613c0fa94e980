import { AggregationError, AggregationErrorCode } from '../aggregation.errors';
import { peerReviewResults, PeerReviewResult } from '../core/peer-review';
import { dimensionScorePoint, LikertScale } from '../core/statistics';
import { Thresholds } from '../core/suppression';

/**
 * One release of a peer-review round (docs/disclosure-control.md, "Peer review"). Each review's
 * competency score is the mean of its answered items of that competency (reverse-scored
 * items mirrored), counted under its nearest scale point; the per-judge rules then decide what
 * each judge may be shown.
 */
export const PEER_REVIEW_SNAPSHOT_FORMAT = 'jqc-peer-review-snapshot/1';

export interface PeerReviewSnapshotInput {
  readonly campaign: { readonly id: string; readonly kind: string; readonly release: number };
  readonly thresholds: Thresholds;
  readonly scale: LikertScale;
  readonly competencies: readonly string[];
  /** Every judge who could be reviewed, with their court level. */
  readonly reviewees: readonly { readonly judgeId: string; readonly courtLevel: string }[];
  /** Reviews counted by judge, competency and exact score (answered 0: the competency was skipped). */
  readonly scores: readonly { readonly revieweeJudgeId: string; readonly dimension: string; readonly sum: number; readonly answered: number; readonly count: number }[];
}

export interface PeerReviewSnapshot {
  readonly format: typeof PEER_REVIEW_SNAPSHOT_FORMAT;
  readonly campaign: { readonly id: string; readonly kind: string; readonly release: number };
  readonly thresholds: Thresholds;
  readonly scale: LikertScale;
  readonly competencies: readonly string[];
  /** Per judge: what that judge, and only that judge, may be shown. */
  readonly judges: readonly PeerReviewResult[];
  readonly summary: { readonly reviewees: number; readonly judgesWithResults: number };
}

export function buildPeerReviewSnapshot(input: PeerReviewSnapshotInput): PeerReviewSnapshot {
  const points = input.scale.max - input.scale.min + 1;
  const levels = new Map(input.reviewees.map((r) => [r.judgeId, r.courtLevel]));
  const counts = new Map<string, Record<string, number[]>>();
  for (const row of input.scores) {
    if (!levels.has(row.revieweeJudgeId)) {
      throw new AggregationError(AggregationErrorCode.InconsistentInput, `reviews of a judge outside the round`, { reason: 'reviews of a judge outside the round' });
    }
    if (row.answered === 0 || !input.competencies.includes(row.dimension)) continue;
    const judge = counts.get(row.revieweeJudgeId) ?? Object.fromEntries(input.competencies.map((c) => [c, new Array<number>(points).fill(0)]));
    judge[row.dimension][dimensionScorePoint({ sum: row.sum, answered: row.answered }, input.scale) - input.scale.min] += row.count;
    counts.set(row.revieweeJudgeId, judge);
  }
  const judges = peerReviewResults({
    judges: [...counts].map(([judgeId, competencies]) => ({ judgeId, courtLevel: levels.get(judgeId)!, competencies })),
    scale: input.scale,
    thresholds: input.thresholds,
  });
  return {
    format: PEER_REVIEW_SNAPSHOT_FORMAT,
    campaign: input.campaign,
    thresholds: input.thresholds,
    scale: input.scale,
    competencies: [...input.competencies].sort(),
    judges,
    summary: { reviewees: input.reviewees.length, judgesWithResults: judges.filter((j) => j.competencies.some((c) => c.n !== null)).length },
  };
}
