import { generateSyntheticPopulation } from '@app/registry';
import { EligibilitySetting, PeerReviewJudge, PeerReviewPlan, PlanOutcome } from './assignment.types';
import { describeInfeasibility } from './infeasibility-text';
import { checkPeerReviewFeasibility, planPeerReview } from './plan-peer-review';
import { mayReview, ruleViolations, sameGroup } from './plan-oracle.test-support';

// The synthetic national register (PRODUCT.md §3): 2,235 judges in 327 courts, 60 of them at the
// Supreme Court, 449 in regional courts, 1,726 in district courts, each court with a president.
const population = generateSyntheticPopulation({ seed: 2026, scale: 1, referenceDate: '2026-11-01' });
const courts = new Map(population.courts.map((c) => [c.code, c]));
const judges: PeerReviewJudge[] = population.judges.map((j) => ({
  id: j.personnelNumber,
  courtId: j.courtCode,
  level: courts.get(j.courtCode)!.level,
  regionCode: courts.get(j.courtCode)!.regionCode,
  position: j.position,
}));
const supremePresident = judges.find((j) => j.level === 'supreme' && j.position === 'court-president')!;
const BY_LEVEL: EligibilitySetting = { district: 'same-level-and-region', regional: 'same-level', supreme: 'same-level' };

/** Judges with fewer than k eligible reviewers, counted pair by pair with the rules written out again. */
function expectedInfeasible(rule: EligibilitySetting, k: number): Map<string, number> {
  const result = new Map<string, number>();
  for (const reviewee of judges) {
    const eligible = judges.filter((reviewer) => sameGroup(rule, reviewer, reviewee) && mayReview(rule, reviewer, reviewee)).length;
    if (eligible < k) result.set(reviewee.id, eligible);
  }
  return result;
}

function planOf(outcome: PlanOutcome): PeerReviewPlan {
  if (!outcome.feasible) throw new Error(`expected a plan, got ${outcome.report.infeasible.length} infeasible judges`);
  return outcome.plan;
}

describe('the synthetic national register', () => {
  it('under the default same-level-and-region: reports every regional court president, the Supreme Court president and the Ulytau regional court, and nothing else', () => {
    const report = checkPeerReviewFeasibility(judges, { seed: 1 });
    const expected = expectedInfeasible('same-level-and-region', 5);
    expect(new Map(report.infeasible.map((e) => [e.judgeId, e.eligibleReviewers]))).toEqual(expected);
    expect(report.infeasible).toHaveLength(25);
    const byId = new Map(judges.map((j) => [j.id, j]));
    // 19 regional courts stand alone at their level in their region, so their presidents have no
    // eligible reviewer at all; Astana also has the Military Court, whose judges may review
    // the Astana regional court's president.
    const presidentsWithNoOne = report.infeasible.filter((e) => e.eligibleReviewers === 0);
    expect(presidentsWithNoOne.map((e) => byId.get(e.judgeId)!.position)).toEqual(Array(20).fill('court-president'));
    expect(presidentsWithNoOne.map((e) => e.group).sort()).toEqual(
      [...new Set(judges.filter((j) => j.level === 'regional' && j.regionCode !== 'astana').map((j) => `regional/${j.regionCode}`)), 'supreme/astana'].sort(),
    );
    // The Ulytau regional court has six judges: the president and five who each lose the president.
    const ulytau = report.infeasible.filter((e) => e.group === 'regional/ulytau');
    expect(ulytau.map((e) => e.eligibleReviewers).sort()).toEqual([0, 4, 4, 4, 4, 4]);
    expect(report.infeasible.every((e) => e.reason === 'president-conflicts')).toBe(true);
    // The report says what a wider rule would give, so nothing is widened silently.
    const abai = report.infeasible.find((e) => e.group === 'regional/abai')!;
    expect(abai.eligibleUnder['same-level']).toBeGreaterThan(400);
    expect(report.infeasible.find((e) => e.judgeId === supremePresident.id)!.eligibleUnder).toMatchObject({ 'same-level': 0, 'same-level-and-region': 0 });
    expect(describeInfeasibility(abai, 'ru')).toBe(
      'Председатель суда и судьи того же суда не оценивают друг друга, поэтому в группе «regional/abai» оценить судью могут только 0 коллег, а нужно не менее 5 рецензентов',
    );
    expect(planPeerReview(judges, { seed: 1 })).toEqual({ feasible: false, report });
  });

  it('under same-level: only the Supreme Court president, whom no one outside their own court may review', () => {
    const report = checkPeerReviewFeasibility(judges, { seed: 1, eligibility: 'same-level' });
    expect(report.infeasible.map((e) => [e.judgeId, e.eligibleReviewers, e.reason])).toEqual([[supremePresident.id, 0, 'president-conflicts']]);
    expect(new Map(report.infeasible.map((e) => [e.judgeId, e.eligibleReviewers]))).toEqual(expectedInfeasible('same-level', 5));
  });

  it('under same-level, without the Supreme Court president: a complete, valid, perfectly balanced plan', () => {
    const round = judges.filter((j) => j.id !== supremePresident.id);
    const plan = planOf(planPeerReview(round, { seed: 2026, eligibility: 'same-level' }));
    expect(ruleViolations(round, { eligibility: 'same-level', k: 5, K: 5, cap: null }, plan.assignments)).toEqual([]);
    expect(plan.summary.judges).toBe(2234);
    expect(plan.summary.assignments).toBe(2234 * 5);
    expect(plan.summary.reviewersPerJudge).toEqual({ min: 5, mean: 5, max: 5 });
    expect(plan.summary.loadPerReviewer).toEqual({ min: 5, mean: 5, max: 5 });
    expect(plan.summary.groups.map((g) => [g.group, g.judges])).toEqual([
      ['district', 1726],
      ['regional', 449],
      ['supreme', 59],
    ]);
  });

  it('district courts by region, regional and Supreme Court nationally, K = 7: a complete plan of 22 groups', () => {
    const round = judges.filter((j) => j.id !== supremePresident.id);
    const plan = planOf(planPeerReview(round, { seed: 2026, eligibility: BY_LEVEL, maxReviewers: 7 }));
    expect(ruleViolations(round, { eligibility: BY_LEVEL, k: 5, K: 7, cap: null }, plan.assignments)).toEqual([]);
    expect(plan.summary.groups).toHaveLength(22);
    expect(plan.summary.reviewersPerJudge).toEqual({ min: 7, mean: 7, max: 7 });
    expect(plan.summary.loadPerReviewer).toEqual({ min: 7, mean: 7, max: 7 });
  });

  it('measures the time to plan the national register (reported, not asserted)', () => {
    const round = judges.filter((j) => j.id !== supremePresident.id);
    const cases: [string, EligibilitySetting, number][] = [
      ['same-level-and-region (check only)', 'same-level-and-region', 5],
      ['same-level, k = K = 5', 'same-level', 5],
      ['same-level, K = 7', 'same-level', 7],
      ['district by region, others national, K = 7', BY_LEVEL, 7],
      ['any (one group of 2,234), K = 7', 'any', 7],
    ];
    planPeerReview(round, { seed: 0, eligibility: 'same-level' }); // warm-up
    const lines = cases.map(([label, eligibility, maxReviewers]) => {
      const runs = 5;
      const started = process.hrtime.bigint();
      for (let seed = 1; seed <= runs; seed++) {
        if (eligibility === 'same-level-and-region') checkPeerReviewFeasibility(judges, { seed, eligibility, maxReviewers });
        else planPeerReview(round, { seed, eligibility, maxReviewers });
      }
      const ms = Number(process.hrtime.bigint() - started) / 1e6 / runs;
      return `${label}: ${ms.toFixed(1)} ms`;
    });
    console.log(`Peer-review planning of the synthetic national register (${round.length} judges), mean of 5 seeds:\n${lines.join('\n')}`);
  });
});
