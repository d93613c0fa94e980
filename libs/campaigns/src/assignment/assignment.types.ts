/**
 * Types of the peer-review assignment planner (docs/peer-review-assignment.md). Pure data:
 * no Nest, no TypeORM. The caller maps register rows to `PeerReviewJudge` and stores the plan.
 */

export type PeerReviewCourtLevel = 'district' | 'regional' | 'supreme';
export type PeerReviewPosition = 'judge' | 'chamber-president' | 'court-president';

export const PEER_REVIEW_COURT_LEVELS: readonly PeerReviewCourtLevel[] = ['district', 'regional', 'supreme'];
export const PEER_REVIEW_POSITIONS: readonly PeerReviewPosition[] = ['judge', 'chamber-president', 'court-president'];

/** One judge of the round's population. Every judge is both a reviewee and a potential reviewer. */
export interface PeerReviewJudge {
  id: string;
  courtId: string;
  level: PeerReviewCourtLevel;
  regionCode: string;
  position: PeerReviewPosition;
}

/**
 * Who may review whom, besides the court-president rule. Every rule is an equivalence relation,
 * so it splits the population into disjoint groups that are planned separately.
 */
export type EligibilityRule = 'same-level-and-region' | 'same-level' | 'same-region' | 'any';
export const ELIGIBILITY_RULES: readonly EligibilityRule[] = ['same-level-and-region', 'same-level', 'same-region', 'any'];

/** A level-based rule chosen per court level, e.g. district courts by region, regional courts nationally. */
export type LevelEligibilityRule = 'same-level-and-region' | 'same-level';
export type EligibilityByLevel = Record<PeerReviewCourtLevel, LevelEligibilityRule>;
export type EligibilitySetting = EligibilityRule | EligibilityByLevel;

/** A result below this many reviewers can never be published (ANONYMITY.md A, floor). */
export const PEER_REVIEW_REVIEWER_FLOOR = 3;
export const DEFAULT_MIN_REVIEWERS = 5;
export const DEFAULT_ELIGIBILITY: EligibilityRule = 'same-level-and-region';

export interface AssignmentOptions {
  /** Default `'same-level-and-region'`. */
  eligibility?: EligibilitySetting;
  /** k: every judge gets at least this many reviewers, or is reported. Default 5, at least 3. */
  minReviewers?: number;
  /** K ≥ k: the number of reviewers the planner aims for. Default k. */
  maxReviewers?: number;
  /** Optional cap on the number of reviews one reviewer is asked to write. Default: no cap. */
  maxLoad?: number;
  /** Same input and seed give the identical plan. A safe integer. */
  seed: number;
}

/** The options after defaults and validation. */
export interface ResolvedAssignmentOptions {
  eligibility: EligibilitySetting;
  minReviewers: number;
  maxReviewers: number;
  maxLoad: number | null;
  seed: number;
}

export type InfeasibilityReason = 'too-few-eligible-peers' | 'president-conflicts' | 'capacity';
export const INFEASIBILITY_REASONS: readonly InfeasibilityReason[] = ['too-few-eligible-peers', 'president-conflicts', 'capacity'];

/** A judge who cannot get k reviewers under the chosen rules. */
export interface InfeasibleJudge {
  judgeId: string;
  /** The eligibility group (see `GroupOverview.group`). */
  group: string;
  /** Colleagues allowed to review this judge under the chosen rule and the court-president rule. */
  eligibleReviewers: number;
  needed: number;
  reason: InfeasibilityReason;
  /** What each simple rule would give this judge, so the Commission can see what a wider rule changes. */
  eligibleUnder: Record<EligibilityRule, number>;
  /** For `capacity`: the load cap and the bottleneck (judges of the group who cannot all be served together). */
  capacity?: { maxLoad: number; bottleneckJudges: number };
}

export interface GroupOverview {
  /** `district/almaty`, `regional` (same level), `region:almaty` (same region) or `all`. */
  group: string;
  level: PeerReviewCourtLevel | null;
  regionCode: string | null;
  judges: number;
  infeasibleJudges: number;
}

export interface FeasibilityReport {
  feasible: boolean;
  /** Sorted by group, then judge id. Empty when feasible. */
  infeasible: InfeasibleJudge[];
  groups: GroupOverview[];
}

export interface ReviewAssignment {
  reviewerId: string;
  revieweeId: string;
}

export interface CountStats {
  min: number;
  mean: number;
  max: number;
}

/** Counts and balance only: never who reviews whom. Safe to show the Commission before launch. */
export interface GroupSummary {
  group: string;
  level: PeerReviewCourtLevel | null;
  regionCode: string | null;
  judges: number;
  assignments: number;
  reviewersPerJudge: CountStats;
  /** Over every judge of the group as a reviewer, including any who can review nobody (load 0). */
  loadPerReviewer: CountStats;
}

export interface PlanSummary {
  judges: number;
  assignments: number;
  reviewersPerJudge: CountStats;
  loadPerReviewer: CountStats;
  groups: GroupSummary[];
}

export interface PeerReviewPlan {
  options: ResolvedAssignmentOptions;
  /** Sorted by reviewee id, then reviewer id. Stored by the caller for invitations; never shown to a judge. */
  assignments: ReviewAssignment[];
  summary: PlanSummary;
}

export type PlanOutcome = { feasible: true; plan: PeerReviewPlan } | { feasible: false; report: FeasibilityReport };
