import fc from 'fast-check';
import { EligibilitySetting, PeerReviewCourtLevel, PeerReviewJudge, PeerReviewPosition } from './assignment.types';
import { checkPeerReviewFeasibility, planPeerReview } from './plan-peer-review';
import { eligibleReviewersOf, loadsOf, oracleOptimum, OracleRules, ruleViolations, sameGroup } from './plan-oracle.test-support';

interface CourtSpec {
  level: PeerReviewCourtLevel;
  region: string;
  size: number;
  presidents: number;
  chamberPresidents: number;
}

function register(courts: CourtSpec[]): PeerReviewJudge[] {
  return courts.flatMap((court, c) =>
    Array.from({ length: court.size }, (_, i) => {
      const position: PeerReviewPosition = i < court.presidents ? 'court-president' : i < court.presidents + court.chamberPresidents ? 'chamber-president' : 'judge';
      return { id: `c${c}-j${i}`, courtId: `court-${c}`, level: court.level, regionCode: court.region, position };
    }),
  );
}

const court = (levels: PeerReviewCourtLevel[], regions: string[]) =>
  fc.record({
    level: fc.constantFrom(...levels),
    region: fc.constantFrom(...regions),
    size: fc.integer({ min: 1, max: 6 }),
    presidents: fc.constantFrom(0, 1, 1, 1, 2),
    chamberPresidents: fc.integer({ min: 0, max: 2 }),
  });

const eligibility: fc.Arbitrary<EligibilitySetting> = fc.oneof(
  fc.constantFrom('same-level-and-region' as const, 'same-level' as const, 'same-region' as const, 'any' as const),
  fc.record({
    district: fc.constantFrom('same-level-and-region' as const, 'same-level' as const),
    regional: fc.constantFrom('same-level-and-region' as const, 'same-level' as const),
    supreme: fc.constantFrom('same-level-and-region' as const, 'same-level' as const),
  }),
);

const options: fc.Arbitrary<InstanceOptions> = fc.record({
  eligibility,
  minReviewers: fc.constantFrom(3, 3, 4, 5),
  extra: fc.constantFrom(0, 0, 1, 2),
  maxLoad: fc.option(fc.integer({ min: 2, max: 8 }), { nil: undefined, freq: 2 }),
  seed: fc.integer(),
});

/** Mixed registers: many tiny groups (often infeasible) and a few larger ones. */
const mixedInstance = fc.record({ courts: fc.array(court(['district', 'regional', 'supreme'], ['r1', 'r2']), { minLength: 1, maxLength: 6 }), options });
/** One level and region mostly: larger groups, mostly feasible. */
const denseInstance = fc.record({ courts: fc.array(court(['district'], ['r1', 'r1', 'r1', 'r2']), { minLength: 2, maxLength: 6 }), options });

/** One big court with several presidents beside small courts: presidents can review few colleagues, so loads cannot all be equal. */
const skewedInstance = fc.record({
  courts: fc
    .tuple(
      fc.record({ level: fc.constant('district' as const), region: fc.constant('r1'), size: fc.integer({ min: 4, max: 9 }), presidents: fc.integer({ min: 1, max: 3 }), chamberPresidents: fc.integer({ min: 0, max: 1 }) }),
      fc.array(fc.record({ level: fc.constant('district' as const), region: fc.constant('r1'), size: fc.integer({ min: 1, max: 3 }), presidents: fc.constantFrom(0, 1), chamberPresidents: fc.constant(0) }), { minLength: 1, maxLength: 4 }),
    )
    .map(([big, small]) => [big, ...small]),
  options: options.map((o) => ({ ...o, eligibility: 'same-level-and-region' as const, minReviewers: 3 })),
});

function shuffled<T>(items: readonly T[], seed: number): T[] {
  const copy = [...items];
  let state = seed >>> 0 || 1;
  for (let i = copy.length - 1; i > 0; i--) {
    state = (Math.imul(state, 1664525) + 1013904223) >>> 0;
    const j = state % (i + 1);
    [copy[i], copy[j]] = [copy[j], copy[i]];
  }
  return copy;
}

interface InstanceOptions {
  eligibility: EligibilitySetting;
  minReviewers: number;
  extra: number;
  maxLoad?: number;
  seed: number;
}

async function checkInstance({ courts, options: o }: { courts: CourtSpec[]; options: InstanceOptions }) {
  const judges = register(courts);
  const k = o.minReviewers;
  const K = k + o.extra;
  const cap = o.maxLoad ?? null;
  const rules: OracleRules = { eligibility: o.eligibility, k, K, cap };
  const planOptions = { eligibility: o.eligibility, minReviewers: k, maxReviewers: K, maxLoad: o.maxLoad, seed: o.seed };
  const outcome = planPeerReview(judges, planOptions);
  const optimum = await oracleOptimum(judges, rules);

  // The planner and the LP agree on whether any valid plan exists.
  expect(outcome.feasible).toBe(optimum !== null);
  // Deterministic, and independent of the input order.
  expect(planPeerReview(shuffled(judges, o.seed), planOptions)).toEqual(outcome);

  if (outcome.feasible) {
    const { plan } = outcome;
    expect(ruleViolations(judges, rules, plan.assignments)).toEqual([]);
    const loads = loadsOf(judges, plan.assignments);
    // As many reviews as the rules allow, and the decreasingly minimal load vector among such plans.
    expect(plan.assignments.length).toBe(optimum!.total);
    expect(loads.reduce((s, l) => s + l * l, 0)).toBe(optimum!.sumOfSquares);
    expect(Math.max(...loads)).toBe(optimum!.maxLoad);
    expect(Math.min(...loads)).toBe(optimum!.minLoad);
    if (cap === null) {
      // Without a load cap every judge gets min(K, eligible) reviewers.
      const counts = new Map<string, number>();
      for (const a of plan.assignments) counts.set(a.revieweeId, (counts.get(a.revieweeId) ?? 0) + 1);
      for (const judge of judges) expect(counts.get(judge.id)).toBe(Math.min(K, eligibleReviewersOf(o.eligibility, judges, judge).length));
    }
    expect(plan.summary.assignments).toBe(plan.assignments.length);
    expect(plan.summary.loadPerReviewer.max).toBe(Math.max(...loads));
    return;
  }

  const { report } = outcome;
  expect(checkPeerReviewFeasibility(judges, planOptions)).toEqual(report);
  expect(report.feasible).toBe(false);
  const reported = new Map(report.infeasible.map((e) => [e.judgeId, e]));
  expect(reported.size).toBe(report.infeasible.length);
  for (const judge of judges) {
    const eligible = eligibleReviewersOf(o.eligibility, judges, judge).length;
    const entry = reported.get(judge.id);
    if (eligible < k) {
      // Every judge with fewer than k eligible reviewers is reported, with the true count and cause.
      const groupSize = judges.filter((other) => sameGroup(o.eligibility, judge, other)).length;
      expect(entry).toMatchObject({ eligibleReviewers: eligible, needed: k, reason: groupSize - 1 < k ? 'too-few-eligible-peers' : 'president-conflicts' });
    } else if (entry) {
      expect(entry.reason).toBe('capacity');
      expect(entry.eligibleReviewers).toBe(eligible);
    }
  }
  // A capacity bottleneck X truly cannot be served: its reviewers can give it at most
  // Σ_r min(cap, |eligible(r) ∩ X|) reviews, fewer than k·|X|.
  const bottlenecks = new Map<string, PeerReviewJudge[]>();
  for (const entry of report.infeasible.filter((e) => e.reason === 'capacity')) {
    bottlenecks.set(entry.group, [...(bottlenecks.get(entry.group) ?? []), judges.find((j) => j.id === entry.judgeId)!]);
  }
  for (const [, members] of bottlenecks) {
    expect(cap).not.toBeNull();
    const reachable = judges.reduce((sum, reviewer) => sum + Math.min(cap!, members.filter((m) => eligibleReviewersOf(o.eligibility, judges, m).includes(reviewer)).length), 0);
    expect(reachable).toBeLessThan(k * members.length);
    for (const m of members) expect(report.infeasible.find((e) => e.judgeId === m.id)!.capacity).toEqual({ maxLoad: cap, bottleneckJudges: members.length });
  }
}

describe('peer-review planner on random registers (property)', () => {
  it('mixed registers: plans obey every rule and are optimal; reports are true and complete', async () => {
    await fc.assert(fc.asyncProperty(mixedInstance, checkInstance), { numRuns: 120 });
  });

  it('dense groups: the same, on groups large enough to plan', async () => {
    await fc.assert(fc.asyncProperty(denseInstance, checkInstance), { numRuns: 120 });
  });

  it('skewed groups: the same, where the court-president rule forces unequal loads', async () => {
    await fc.assert(fc.asyncProperty(skewedInstance, checkInstance), { numRuns: 120 });
  });

  it('a different seed gives a different plan of the same quality', () => {
    fc.assert(
      fc.property(fc.integer({ min: 8, max: 30 }), fc.integer(), (size, seed) => {
        const judges = register([{ level: 'district', region: 'r1', size, presidents: 1, chamberPresidents: 0 }, { level: 'district', region: 'r1', size: 6, presidents: 1, chamberPresidents: 1 }]);
        const a = planPeerReview(judges, { minReviewers: 3, seed });
        const b = planPeerReview(judges, { minReviewers: 3, seed: seed + 1 });
        if (!a.feasible || !b.feasible) throw new Error('expected plans');
        expect(a.plan.assignments).not.toEqual(b.plan.assignments);
        expect(a.plan.summary).toEqual(b.plan.summary);
      }),
      { numRuns: 30 },
    );
  });
});
