/**
 * For the specs only: the planner's rules written out again, independently of the planner, and
 * an LP oracle (HiGHS) that computes the optimal totals and load balance by another method.
 */
import loadHighs from 'highs';
import type { EligibilitySetting, PeerReviewJudge, ReviewAssignment } from './assignment.types';

export interface OracleRules {
  eligibility: EligibilitySetting;
  k: number;
  K: number;
  cap: number | null;
}

/** Same eligibility group under the rule, ignoring the court-president rule. */
export function sameGroup(rule: EligibilitySetting, a: PeerReviewJudge, b: PeerReviewJudge): boolean {
  const sameLevel = a.level === b.level;
  const sameRegion = a.regionCode === b.regionCode;
  if (typeof rule === 'object') return sameLevel && (rule[a.level] === 'same-level' || sameRegion);
  switch (rule) {
    case 'same-level-and-region':
      return sameLevel && sameRegion;
    case 'same-level':
      return sameLevel;
    case 'same-region':
      return sameRegion;
    case 'any':
      return true;
  }
}

export function mayReview(rule: EligibilitySetting, reviewer: PeerReviewJudge, reviewee: PeerReviewJudge): boolean {
  if (reviewer.id === reviewee.id) return false;
  const presidentConflict = reviewer.courtId === reviewee.courtId && (reviewer.position === 'court-president' || reviewee.position === 'court-president');
  return !presidentConflict && sameGroup(rule, reviewer, reviewee);
}

export function eligibleReviewersOf(rule: EligibilitySetting, judges: readonly PeerReviewJudge[], reviewee: PeerReviewJudge): PeerReviewJudge[] {
  return judges.filter((reviewer) => mayReview(rule, reviewer, reviewee));
}

/** Every rule a plan breaks, in words; empty for a valid plan. */
export function ruleViolations(judges: readonly PeerReviewJudge[], rules: OracleRules, assignments: readonly ReviewAssignment[]): string[] {
  const byId = new Map(judges.map((j) => [j.id, j]));
  const problems: string[] = [];
  const pairs = new Set<string>();
  const reviewers = new Map<string, number>();
  const loads = new Map<string, number>();
  for (const { reviewerId, revieweeId } of assignments) {
    const reviewer = byId.get(reviewerId);
    const reviewee = byId.get(revieweeId);
    if (!reviewer || !reviewee) {
      problems.push(`unknown judge in ${reviewerId} → ${revieweeId}`);
      continue;
    }
    const pair = `${reviewerId}→${revieweeId}`;
    if (pairs.has(pair)) problems.push(`duplicate ${pair}`);
    pairs.add(pair);
    if (reviewerId === revieweeId) problems.push(`self-review ${pair}`);
    else if (!sameGroup(rules.eligibility, reviewer, reviewee)) problems.push(`not eligible ${pair}`);
    else if (!mayReview(rules.eligibility, reviewer, reviewee)) problems.push(`court-president conflict ${pair}`);
    reviewers.set(revieweeId, (reviewers.get(revieweeId) ?? 0) + 1);
    loads.set(reviewerId, (loads.get(reviewerId) ?? 0) + 1);
  }
  for (const judge of judges) {
    const count = reviewers.get(judge.id) ?? 0;
    if (count < rules.k || count > rules.K) problems.push(`${judge.id} has ${count} reviewers`);
    if (rules.cap !== null && (loads.get(judge.id) ?? 0) > rules.cap) problems.push(`${judge.id} writes ${loads.get(judge.id)} reviews`);
  }
  return problems;
}

export function loadsOf(judges: readonly PeerReviewJudge[], assignments: readonly ReviewAssignment[]): number[] {
  const loads = new Map(judges.map((j) => [j.id, 0]));
  for (const a of assignments) loads.set(a.reviewerId, loads.get(a.reviewerId)! + 1);
  return judges.map((j) => loads.get(j.id)!);
}

type Highs = Awaited<ReturnType<typeof loadHighs>>;
let highs: Promise<Highs> | null = null;

export interface OracleOptimum {
  /** Largest number of reviews in a plan meeting every rule. */
  total: number;
  /** Among plans with that total: least Σ load², least maximum load, greatest minimum load. */
  sumOfSquares: number;
  maxLoad: number;
  minLoad: number;
}

/**
 * Solves the plan as linear programs: x[r][j] ∈ [0, 1] per allowed pair; k ≤ Σ_r x ≤ K per
 * reviewee; Σ_j x ≤ cap per reviewer. The constraint matrix is a network matrix, so every
 * vertex is integral and the LP optima are the integer optima (for the min-max and max-min,
 * the integer optimum is the LP optimum rounded up and down). Null when no plan exists.
 */
export async function oracleOptimum(judges: readonly PeerReviewJudge[], rules: OracleRules): Promise<OracleOptimum | null> {
  highs ??= loadHighs();
  const solver = await highs;
  const n = judges.length;
  const allowed: [number, number][] = [];
  judges.forEach((reviewer, r) => judges.forEach((reviewee, j) => mayReview(rules.eligibility, reviewer, reviewee) && allowed.push([r, j])));
  const incoming = judges.map((_, j) => allowed.filter(([, jj]) => jj === j).map(([r]) => `x_${r}_${j}`));
  const outgoing = judges.map((_, r) => allowed.filter(([rr]) => rr === r).map(([, j]) => `x_${r}_${j}`));
  if (incoming.some((terms) => terms.length < rules.k)) return null;
  const x = allowed.map(([r, j]) => `x_${r}_${j}`);
  const sum = (terms: string[]) => terms.join('\n + ');
  const base: string[] = [];
  for (let j = 0; j < n; j++) base.push(` in_${j}: ${sum(incoming[j])} >= ${rules.k}`, ` inmax_${j}: ${sum(incoming[j])} <= ${rules.K}`);
  for (let r = 0; r < n; r++) if (rules.cap !== null && outgoing[r].length > 0) base.push(` cap_${r}: ${sum(outgoing[r])} <= ${rules.cap}`);
  const bounds = x.map((v) => ` 0 <= ${v} <= 1`);
  const solve = (sense: 'Maximize' | 'Minimize', objective: string, rows: string[], extraBounds: string[] = []) => {
    const text = [sense, ` obj: ${objective}`, 'Subject To', ...base, ...rows, 'Bounds', ...bounds, ...extraBounds, 'End'].join('\n');
    const result = solver.solve(text, { output_flag: false });
    if (result.Status !== 'Optimal') return null;
    return result.ObjectiveValue;
  };
  const totalValue = solve('Maximize', sum(x), []);
  if (totalValue === null) return null;
  const total = Math.round(totalValue);
  const fixTotal = ` total: ${sum(x)} = ${total}`;

  // Σ load² as a sum of unit steps of cost 1, 3, 5, … on each reviewer's load.
  const steps: string[] = [];
  const squareRows: string[] = [];
  const stepBounds: string[] = [];
  for (let r = 0; r < n; r++) {
    if (outgoing[r].length === 0) continue;
    const units = Math.min(outgoing[r].length, rules.cap ?? Number.POSITIVE_INFINITY);
    const ys = Array.from({ length: units }, (_, m) => `y_${r}_${m + 1}`);
    ys.forEach((y, m) => {
      steps.push(`${2 * m + 1} ${y}`);
      stepBounds.push(` 0 <= ${y} <= 1`);
    });
    squareRows.push(` load_${r}: ${sum(outgoing[r])}${ys.map((y) => `\n - ${y}`).join('')} = 0`);
  }
  const sumOfSquares = Math.round(solve('Minimize', sum(steps), [fixTotal, ...squareRows], stepBounds) ?? Number.NaN);
  const maxRows = outgoing.flatMap((terms, r) => (terms.length > 0 ? [` max_${r}: ${sum(terms)}\n - L <= 0`] : []));
  const minMax = solve('Minimize', 'L', [fixTotal, ...maxRows], [' L >= 0']);
  const minRows = outgoing.map((terms, r) => ` min_${r}: ${terms.length > 0 ? `${sum(terms)}\n` : ''} - M >= 0`);
  const maxMin = solve('Maximize', 'M', [fixTotal, ...minRows], [' M >= 0']);
  return {
    total,
    sumOfSquares,
    maxLoad: Math.ceil((minMax ?? Number.NaN) - 1e-6),
    minLoad: Math.floor((maxMin ?? Number.NaN) + 1e-6),
  };
}
