import { ErrorKind } from '@app/core';
import { resolveAssignmentOptions, validateJudges } from './assignment-input';
import { AssignmentError, AssignmentErrorCode } from './assignment.errors';
import {
  AssignmentOptions,
  CountStats,
  FeasibilityReport,
  GroupOverview,
  GroupSummary,
  InfeasibleJudge,
  PeerReviewJudge,
  PeerReviewPlan,
  PlanOutcome,
  ResolvedAssignmentOptions,
  ReviewAssignment,
} from './assignment.types';
import { eligibleUnderEveryRule, GroupIdentity, groupOf, isCourtPresident } from './eligibility';
import { GroupSolver } from './group-solver';
import { describeInfeasibility } from './infeasibility-text';
import { groupRandom, shuffleInPlace } from './seeded-random';

function byText(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

interface AnalysedGroup {
  identity: GroupIdentity;
  /** Sorted by id, then shuffled by the group's seeded generator: the solver's member order. */
  members: PeerReviewJudge[];
  solver: GroupSolver;
  infeasible: InfeasibleJudge[];
}

interface Analysis {
  options: ResolvedAssignmentOptions;
  groups: AnalysedGroup[];
  report: FeasibilityReport;
}

/**
 * Splits the population into eligibility groups and finds, in each, the judges who cannot get
 * k reviewers. With `forPlan`, every group's solver is left holding k reviewers per judge, ready
 * to be completed. The result depends on the set of judges, not on their order in the input.
 */
function analyse(judges: readonly PeerReviewJudge[], options: AssignmentOptions, forPlan: boolean): Analysis {
  const resolved = resolveAssignmentOptions(options);
  validateJudges(judges);
  const k = resolved.minReviewers;
  const byGroup = new Map<string, { identity: GroupIdentity; members: PeerReviewJudge[] }>();
  for (const judge of judges) {
    const identity = groupOf(resolved.eligibility, judge);
    const entry = byGroup.get(identity.key) ?? { identity, members: [] };
    entry.members.push(judge);
    byGroup.set(identity.key, entry);
  }
  const eligibleUnder = eligibleUnderEveryRule(judges);
  const groups: AnalysedGroup[] = [...byGroup.values()]
    .sort((a, b) => byText(a.identity.key, b.identity.key))
    .map(({ identity, members }) => {
      const rng = groupRandom(resolved.seed, identity.key);
      const ordered = shuffleInPlace(rng, [...members].sort((a, b) => byText(a.id, b.id)));
      const courtIndex = new Map<string, number>();
      for (const judge of ordered) if (!courtIndex.has(judge.courtId)) courtIndex.set(judge.courtId, courtIndex.size);
      const solver = new GroupSolver(
        ordered.map((judge) => ({ court: courtIndex.get(judge.courtId)!, president: isCourtPresident(judge) })),
        { floor: k, ceiling: resolved.maxReviewers, cap: resolved.maxLoad },
        rng,
      );
      const entry = (i: number, reason: InfeasibleJudge['reason']): InfeasibleJudge => ({
        judgeId: ordered[i].id,
        group: identity.key,
        eligibleReviewers: solver.eligible[i],
        needed: k,
        reason,
        eligibleUnder: eligibleUnder(ordered[i]),
      });
      const infeasible: InfeasibleJudge[] = [];
      ordered.forEach((_, i) => {
        if (solver.eligible[i] < k) infeasible.push(entry(i, ordered.length - 1 < k ? 'too-few-eligible-peers' : 'president-conflicts'));
      });
      if (forPlan || resolved.maxLoad !== null) {
        const bottleneck = solver.satisfyFloor();
        for (const i of bottleneck) {
          infeasible.push({ ...entry(i, 'capacity'), capacity: { maxLoad: resolved.maxLoad!, bottleneckJudges: bottleneck.length } });
        }
      }
      infeasible.sort((a, b) => byText(a.judgeId, b.judgeId));
      return { identity, members: ordered, solver, infeasible };
    });
  const overview: GroupOverview[] = groups.map((g) => ({
    group: g.identity.key,
    level: g.identity.level,
    regionCode: g.identity.regionCode,
    judges: g.members.length,
    infeasibleJudges: g.infeasible.length,
  }));
  const infeasible = groups.flatMap((g) => g.infeasible);
  return { options: resolved, groups, report: { feasible: infeasible.length === 0, infeasible, groups: overview } };
}

/**
 * Before launch: for each judge who cannot get k reviewers under the rules, the number of
 * eligible reviewers and the reason. `feasible` is true when `planPeerReview` will return a plan.
 */
export function checkPeerReviewFeasibility(judges: readonly PeerReviewJudge[], options: AssignmentOptions): FeasibilityReport {
  return analyse(judges, options, false).report;
}

function stats(values: number[]): CountStats {
  if (values.length === 0) return { min: 0, mean: 0, max: 0 };
  let min = Number.POSITIVE_INFINITY;
  let max = Number.NEGATIVE_INFINITY;
  let sum = 0;
  for (const v of values) {
    min = Math.min(min, v);
    max = Math.max(max, v);
    sum += v;
  }
  return { min, mean: sum / values.length, max };
}

/**
 * Assigns reviewers to every judge of the population: a complete plan that meets every rule,
 * or, when some judge cannot get k reviewers, the feasibility report and no plan at all.
 */
export function planPeerReview(judges: readonly PeerReviewJudge[], options: AssignmentOptions): PlanOutcome {
  const analysis = analyse(judges, options, true);
  if (!analysis.report.feasible) return { feasible: false, report: analysis.report };
  const assignments: ReviewAssignment[] = [];
  const groupSummaries: GroupSummary[] = [];
  const allCounts: number[] = [];
  const allLoads: number[] = [];
  for (const group of analysis.groups) {
    const { solver, members } = group;
    solver.raiseToTarget();
    solver.balance();
    for (const [reviewer, reviewee] of solver.assignments()) assignments.push({ reviewerId: members[reviewer].id, revieweeId: members[reviewee].id });
    const counts = members.map((_, i) => solver.reviewerCount(i));
    const loads = members.map((_, i) => solver.load(i));
    allCounts.push(...counts);
    allLoads.push(...loads);
    groupSummaries.push({
      group: group.identity.key,
      level: group.identity.level,
      regionCode: group.identity.regionCode,
      judges: members.length,
      assignments: counts.reduce((a, b) => a + b, 0),
      reviewersPerJudge: stats(counts),
      loadPerReviewer: stats(loads),
    });
  }
  assignments.sort((a, b) => byText(a.revieweeId, b.revieweeId) || byText(a.reviewerId, b.reviewerId));
  const plan: PeerReviewPlan = {
    options: analysis.options,
    assignments,
    summary: {
      judges: allCounts.length,
      assignments: assignments.length,
      reviewersPerJudge: stats(allCounts),
      loadPerReviewer: stats(allLoads),
      groups: groupSummaries,
    },
  };
  return { feasible: true, plan };
}

/** `planPeerReview` for callers that must not go on without a plan (launch): throws when infeasible. */
export function requirePeerReviewPlan(judges: readonly PeerReviewJudge[], options: AssignmentOptions): PeerReviewPlan {
  const outcome = planPeerReview(judges, options);
  if (outcome.feasible) return outcome.plan;
  const { infeasible } = outcome.report;
  throw new AssignmentError(
    AssignmentErrorCode.Infeasible,
    ErrorKind.Conflict,
    `Peer-review plan infeasible for ${infeasible.length} judges`,
    infeasible.map((entry) => ({
      field: `judges.${entry.judgeId}`,
      reason: describeInfeasibility(entry, 'en'),
      constraint: entry.reason,
      params: { eligible: entry.eligibleReviewers, needed: entry.needed, group: entry.group },
    })),
    { count: infeasible.length },
  );
}
