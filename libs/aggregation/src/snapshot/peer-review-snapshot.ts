import { Highs } from 'highs';
import { AggregationError, AggregationErrorCode } from '../aggregation.errors';
import { SuppressedCell } from '../core/complementary';
import { peerReviewResults, PeerReviewResult, protectRaterDiagnostic, RATER_GENDER, JUDGE_GENDER, raterDiagnosticCatalogue, RaterDiagnosticCell } from '../core/peer-review';
import { PublishedCell, questionTable, ResponseRate, responseRateTable } from '../core/publication';
import { dimensionScorePoint, ItemStatistics, LikertScale } from '../core/statistics';
import { Thresholds } from '../core/suppression';

/**
 * One release of a peer-review round (docs/disclosure-control.md, "Peer review"). Each review's
 * competency score is the mean of its answered items of that competency (reverse-scored
 * items mirrored), counted under its nearest scale point; the per-judge rules then decide what
 * each judge may be shown.
 */
export const PEER_REVIEW_SNAPSHOT_FORMAT = 'jqc-peer-review-snapshot/1';

export interface PeerReviewSnapshotInput {
  readonly campaign: {
    readonly id: string;
    readonly kind: string;
    readonly release: number;
  };
  readonly thresholds: Thresholds;
  readonly scale: LikertScale;
  readonly competencies: readonly string[];
  /** Every judge who could be reviewed, with their court level. */
  readonly reviewees: readonly {
    readonly judgeId: string;
    readonly courtLevel: string;
  }[];
  /** Reviews counted by judge, competency and exact score (answered 0: the competency was skipped). */
  readonly scores: readonly {
    readonly revieweeJudgeId: string;
    readonly dimension: string;
    readonly sum: number;
    readonly answered: number;
    readonly count: number;
  }[];
  /** Assignments by reviewer and judge gender: the public bound of each diagnostic cell. */
  readonly assignments: readonly {
    readonly raterGender: string;
    readonly judgeGender: string;
    readonly assignments: number;
  }[];
  /** The national tally of reviews by reviewer and judge gender, competency and score point (0: skipped). */
  readonly tally: readonly {
    readonly raterGender: string;
    readonly judgeGender: string;
    readonly competency: string;
    readonly point: number;
    readonly count: number;
  }[];
  readonly previous: DiagnosticSuppressions | null;
}

/** The suppressed keys of the rater diagnostic, kept by later releases. */
export interface DiagnosticSuppressions {
  readonly counts: readonly string[];
  readonly competencies: Readonly<Record<string, readonly string[]>>;
}

/** The national rater-gender × judge-gender table, under the survey rules (docs/disclosure-control.md). */
export interface RaterDiagnostic {
  readonly variables: readonly [typeof RATER_GENDER, typeof JUDGE_GENDER];
  /** Reviews submitted of the reviews assigned, per cell. */
  readonly reviews: readonly PublishedCell<ResponseRate>[];
  readonly competencies: readonly {
    readonly competency: string;
    readonly cells: readonly PublishedCell<ItemStatistics>[];
  }[];
  readonly suppressed: DiagnosticSuppressions;
}

export interface PeerReviewSnapshot {
  readonly format: typeof PEER_REVIEW_SNAPSHOT_FORMAT;
  readonly campaign: {
    readonly id: string;
    readonly kind: string;
    readonly release: number;
  };
  readonly thresholds: Thresholds;
  readonly scale: LikertScale;
  readonly competencies: readonly string[];
  /** Per judge: what that judge, and only that judge, may be shown. */
  readonly judges: readonly PeerReviewResult[];
  readonly raterDiagnostic: RaterDiagnostic;
  readonly summary: {
    readonly reviewees: number;
    readonly judgesWithResults: number;
  };
}

const keysOf = (cells: readonly SuppressedCell[]) => cells.map((c) => c.key);

async function raterDiagnostic(input: PeerReviewSnapshotInput, solver?: Highs): Promise<RaterDiagnostic> {
  const points = input.scale.max - input.scale.min + 1;
  const genders = [...new Set(input.assignments.flatMap((a) => [a.raterGender, a.judgeGender]))].sort();
  const cells: RaterDiagnosticCell[] = input.assignments.map((a) => {
    const rows = input.tally.filter((t) => t.raterGender === a.raterGender && t.judgeGender === a.judgeGender);
    const competencies = Object.fromEntries(
      input.competencies.map((competency) => {
        const distribution = new Array<number>(points).fill(0);
        let noAnswer = 0;
        for (const row of rows.filter((r) => r.competency === competency)) {
          if (row.point === 0) noAnswer += row.count;
          else distribution[row.point - input.scale.min] += row.count;
        }
        return [competency, { distribution, noAnswer }];
      }),
    );
    // Every review has one tally row per competency (point 0 when skipped), so any competency counts the reviews.
    const first = competencies[input.competencies[0]];
    const reviews = first ? first.distribution.reduce((sum, c) => sum + c, first.noAnswer) : 0;
    return {
      raterGender: a.raterGender,
      judgeGender: a.judgeGender,
      assignments: a.assignments,
      reviews,
      competencies,
    };
  });
  const release = await protectRaterDiagnostic(
    {
      cells,
      scale: input.scale,
      thresholds: input.thresholds,
      genderCodes: genders,
      keepSuppressed: input.previous ?? undefined,
    },
    { solver },
  );
  const catalogue = raterDiagnosticCatalogue(genders);
  const cellOf = (c: RaterDiagnosticCell) => ({
    [RATER_GENDER]: c.raterGender,
    [JUDGE_GENDER]: c.judgeGender,
  });
  const competencies = Object.keys(release.competencies).sort();
  return {
    variables: [RATER_GENDER, JUDGE_GENDER],
    reviews: responseRateTable(
      catalogue,
      cells.map((c) => ({
        cell: cellOf(c),
        respondents: c.reviews,
        population: c.assignments,
      })),
      keysOf(release.counts.suppressed),
      catalogue.tables.map((t) => t.id),
    ),
    competencies: competencies.map((competency) => ({
      competency,
      cells: questionTable(
        catalogue,
        cells.map((c) => ({
          cell: cellOf(c),
          population: c.assignments,
          ...c.competencies[competency],
        })),
        input.scale,
        keysOf(release.competencies[competency].suppressed),
      ),
    })),
    suppressed: {
      counts: keysOf(release.counts.suppressed),
      competencies: Object.fromEntries(competencies.map((c) => [c, keysOf(release.competencies[c].suppressed)])),
    },
  };
}

export async function buildPeerReviewSnapshot(input: PeerReviewSnapshotInput, options: { solver?: Highs } = {}): Promise<PeerReviewSnapshot> {
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
    judges: [...counts].map(([judgeId, competencies]) => ({
      judgeId,
      courtLevel: levels.get(judgeId)!,
      competencies,
    })),
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
    raterDiagnostic: await raterDiagnostic(input, options.solver),
    summary: {
      reviewees: input.reviewees.length,
      judgesWithResults: judges.filter((j) => j.competencies.some((c) => c.n !== null)).length,
    },
  };
}
