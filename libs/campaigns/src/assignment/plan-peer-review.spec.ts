import { ErrorKind, LOCALES } from '@app/core';
import { AssignmentError, AssignmentErrorCode } from './assignment.errors';
import { AssignmentOptions, INFEASIBILITY_REASONS, PeerReviewJudge, PeerReviewPlan, PeerReviewPosition, PlanOutcome } from './assignment.types';
import { describeInfeasibility, INFEASIBILITY_TEXT } from './infeasibility-text';
import { checkPeerReviewFeasibility, planPeerReview, requirePeerReviewPlan } from './plan-peer-review';
import { ruleViolations } from './plan-oracle.test-support';

function judge(id: string, courtId: string, position: PeerReviewPosition = 'judge', regionCode = 'almaty'): PeerReviewJudge {
  return { id, courtId, level: 'district', regionCode, position };
}

function planOf(outcome: PlanOutcome): PeerReviewPlan {
  if (!outcome.feasible) throw new Error(`expected a plan, got ${JSON.stringify(outcome.report.infeasible)}`);
  return outcome.plan;
}

function reviewersOf(plan: PeerReviewPlan, revieweeId: string): string[] {
  return plan.assignments.filter((a) => a.revieweeId === revieweeId).map((a) => a.reviewerId).sort();
}

function revieweesOf(plan: PeerReviewPlan, reviewerId: string): string[] {
  return plan.assignments.filter((a) => a.reviewerId === reviewerId).map((a) => a.revieweeId).sort();
}

function pairs(plan: PeerReviewPlan): string[] {
  return plan.assignments.map((a) => `${a.reviewerId}→${a.revieweeId}`);
}

describe('planPeerReview: a group of exactly k+1 judges', () => {
  const judges = ['a', 'b', 'c', 'd', 'e', 'f'].map((id, i) => judge(id, `court-${i % 2}`));

  it('has everyone review everyone else, five reviews each way', () => {
    const plan = planOf(planPeerReview(judges, { seed: 7 }));
    const everyPair = judges.flatMap((r) => judges.filter((j) => j.id !== r.id).map((j) => `${r.id}→${j.id}`));
    expect(pairs(plan).sort()).toEqual(everyPair.sort());
    expect(plan.summary).toEqual({
      judges: 6,
      assignments: 30,
      reviewersPerJudge: { min: 5, mean: 5, max: 5 },
      loadPerReviewer: { min: 5, mean: 5, max: 5 },
      groups: [
        {
          group: 'district/almaty',
          level: 'district',
          regionCode: 'almaty',
          judges: 6,
          assignments: 30,
          reviewersPerJudge: { min: 5, mean: 5, max: 5 },
          loadPerReviewer: { min: 5, mean: 5, max: 5 },
        },
      ],
    });
  });

  it('asks for K = 7 but can give each judge only the 5 colleagues there are', () => {
    const plan = planOf(planPeerReview(judges, { seed: 7, maxReviewers: 7 }));
    expect(plan.assignments).toHaveLength(30);
  });
});

describe('planPeerReview: a tiny group where the plan is forced', () => {
  // Court A: its president P and judge a. Court B: x1, x2, x3. k = K = 3.
  // P and a may be reviewed only by x1..x3 (the court-president rule), so both get exactly them.
  // Five judges share 15 reviews: the balanced plan gives everyone exactly 3. P may review only
  // the x's, so P reviews all three; so does a, who then has no room for P. Each x is reviewed by
  // P, a and one other x: the x's review each other around a directed 3-cycle, one of two ways.
  const judges = [judge('P', 'A', 'court-president'), judge('a', 'A'), judge('x1', 'B'), judge('x2', 'B'), judge('x3', 'B')];
  const options: AssignmentOptions = { minReviewers: 3, seed: 1 };

  it('gives the one plan the rules allow, up to the direction of the 3-cycle', () => {
    const plan = planOf(planPeerReview(judges, options));
    expect(reviewersOf(plan, 'P')).toEqual(['x1', 'x2', 'x3']);
    expect(reviewersOf(plan, 'a')).toEqual(['x1', 'x2', 'x3']);
    expect(revieweesOf(plan, 'P')).toEqual(['x1', 'x2', 'x3']);
    expect(revieweesOf(plan, 'a')).toEqual(['x1', 'x2', 'x3']);
    const cycle = pairs(plan).filter((p) => /^x\d→x\d$/.test(p)).sort();
    expect([
      ['x1→x2', 'x2→x3', 'x3→x1'],
      ['x1→x3', 'x2→x1', 'x3→x2'],
    ]).toContainEqual(cycle);
    expect(plan.summary.loadPerReviewer).toEqual({ min: 3, mean: 3, max: 3 });
    expect(plan.assignments).toHaveLength(15);
  });

  it('finds both directions of the cycle across seeds', () => {
    const cycles = new Set<string>();
    for (let seed = 0; seed < 30; seed++) {
      const plan = planOf(planPeerReview(judges, { ...options, seed }));
      cycles.add(pairs(plan).filter((p) => /^x\d→x\d$/.test(p)).sort().join(' '));
    }
    expect([...cycles].sort()).toEqual(['x1→x2 x2→x3 x3→x1', 'x1→x3 x2→x1 x3→x2']);
  });
});

describe('planPeerReview: a group of k judges', () => {
  const five = ['a', 'b', 'c', 'd', 'e'].map((id) => judge(id, `court-${id}`));
  // A second, large enough group in another region must not turn into a partial plan.
  const others = ['p', 'q', 'r', 's', 't', 'u', 'v'].map((id) => judge(id, 'court-z', 'judge', 'astana'));

  it('is infeasible: every judge has 4 eligible peers, 5 are needed', () => {
    const outcome = planPeerReview([...five, ...others], { seed: 3 });
    expect(outcome.feasible).toBe(false);
    if (outcome.feasible) return;
    expect(outcome.report.infeasible).toEqual(
      five.map((j) => ({
        judgeId: j.id,
        group: 'district/almaty',
        eligibleReviewers: 4,
        needed: 5,
        reason: 'too-few-eligible-peers',
        eligibleUnder: { 'same-level-and-region': 4, 'same-level': 11, 'same-region': 4, any: 11 },
      })),
    );
    expect(outcome.report.groups).toEqual([
      { group: 'district/almaty', level: 'district', regionCode: 'almaty', judges: 5, infeasibleJudges: 5 },
      { group: 'district/astana', level: 'district', regionCode: 'astana', judges: 7, infeasibleJudges: 0 },
    ]);
    expect(checkPeerReviewFeasibility([...five, ...others], { seed: 3 })).toEqual(outcome.report);
  });

  it('throws a localisable conflict from requirePeerReviewPlan, one problem per judge', () => {
    let error: unknown;
    try {
      requirePeerReviewPlan(five, { seed: 3 });
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(AssignmentError);
    const assignmentError = error as AssignmentError;
    expect(assignmentError.code).toBe(AssignmentErrorCode.Infeasible);
    expect(assignmentError.kind).toBe(ErrorKind.Conflict);
    expect(assignmentError.params).toEqual({ count: 5 });
    expect(assignmentError.problems.map((p) => [p.field, p.constraint])).toEqual(five.map((j) => [`judges.${j.id}`, 'too-few-eligible-peers']));
    expect(assignmentError.problems[0].reason).toBe(
      'The group "district/almaty" is too small: 4 colleagues may review this judge and at least 5 reviewers are needed. Choose a wider rule or leave the judge out of the round',
    );
  });

  it('becomes feasible under a wider rule that the Commission chooses', () => {
    const plan = planOf(planPeerReview([...five, ...others], { seed: 3, eligibility: 'same-level' }));
    expect(plan.summary.groups.map((g) => g.group)).toEqual(['district']);
    expect(plan.summary.reviewersPerJudge).toEqual({ min: 5, mean: 5, max: 5 });
  });
});

describe('planPeerReview: the court-president rule', () => {
  // Court A: president P, chamber president C, judge a. Court B: b1..b5. k = 5, n = 8.
  // P may be reviewed only by the five judges of court B, so they are P's reviewers; P reviews
  // no one of court A either, and neither does a chamber president count as outside the rule.
  const courtA = [judge('P', 'A', 'court-president'), judge('C', 'A', 'chamber-president'), judge('a', 'A')];
  const courtB = ['b1', 'b2', 'b3', 'b4', 'b5'].map((id) => judge(id, 'B'));

  it('keeps a court president and the judges of the same court apart, both ways', () => {
    for (let seed = 0; seed < 10; seed++) {
      const plan = planOf(planPeerReview([...courtA, ...courtB], { seed }));
      expect(reviewersOf(plan, 'P')).toEqual(['b1', 'b2', 'b3', 'b4', 'b5']);
      expect(revieweesOf(plan, 'P').every((id) => id.startsWith('b'))).toBe(true);
      expect(pairs(plan).filter((p) => /^(P→[Ca]|[Ca]→P)$/.test(p))).toEqual([]);
      expect(ruleViolations([...courtA, ...courtB], { eligibility: 'same-level-and-region', k: 5, K: 5, cap: null }, plan.assignments)).toEqual([]);
    }
  });

  it('lets the other judges of the court review each other', () => {
    const reviewedWithinA = new Set<string>();
    for (let seed = 0; seed < 20; seed++) {
      const plan = planOf(planPeerReview([...courtA, ...courtB], { seed }));
      for (const p of pairs(plan)) if (/^[Ca]→[Ca]$/.test(p)) reviewedWithinA.add(p);
    }
    expect([...reviewedWithinA].sort()).toEqual(['C→a', 'a→C']);
  });

  it('reports the president alone when a judge moves to the president’s court', () => {
    const judges = [...courtA, judge('b1', 'A'), ...courtB.slice(1)];
    const report = checkPeerReviewFeasibility(judges, { seed: 1 });
    expect(report.infeasible).toEqual([
      {
        judgeId: 'P',
        group: 'district/almaty',
        eligibleReviewers: 4,
        needed: 5,
        reason: 'president-conflicts',
        eligibleUnder: { 'same-level-and-region': 4, 'same-level': 4, 'same-region': 4, any: 4 },
      },
    ]);
    expect(planPeerReview(judges, { seed: 1 })).toEqual({ feasible: false, report });
  });

  it('lets presidents of different courts review each other', () => {
    const presidents = ['p1', 'p2', 'p3', 'p4', 'p5', 'p6'].map((id) => judge(id, `court-${id}`, 'court-president'));
    const plan = planOf(planPeerReview(presidents, { seed: 2 }));
    expect(plan.assignments).toHaveLength(30);
  });
});

describe('planPeerReview: determinism', () => {
  const judges = Array.from({ length: 40 }, (_, i) => judge(`j${String(i).padStart(2, '0')}`, `court-${i % 6}`, i < 6 ? 'court-president' : 'judge'));
  const elsewhere = Array.from({ length: 8 }, (_, i) => judge(`k${i}`, 'court-k', 'judge', 'astana'));

  it('gives the identical plan for the same input and seed, whatever the input order', () => {
    const first = planPeerReview(judges, { seed: 42, maxReviewers: 6 });
    expect(planPeerReview(judges, { seed: 42, maxReviewers: 6 })).toEqual(first);
    expect(planPeerReview([...judges].reverse(), { seed: 42, maxReviewers: 6 })).toEqual(first);
  });

  it('gives a different plan of the same quality for another seed', () => {
    const a = planOf(planPeerReview(judges, { seed: 42 }));
    const b = planOf(planPeerReview(judges, { seed: 43 }));
    expect(pairs(a)).not.toEqual(pairs(b));
    expect(b.summary).toEqual(a.summary);
    expect(a.summary.loadPerReviewer).toEqual({ min: 5, mean: 5, max: 5 });
  });

  it('plans each group on its own: a change in one group leaves the others untouched', () => {
    const alone = planOf(planPeerReview(judges, { seed: 42 }));
    const together = planOf(planPeerReview([...judges, ...elsewhere], { seed: 42 }));
    expect(together.assignments.filter((a) => a.revieweeId.startsWith('j'))).toEqual(alone.assignments);
  });
});

describe('planPeerReview: minReviewers and maxReviewers', () => {
  const judges = Array.from({ length: 12 }, (_, i) => judge(`j${String(i).padStart(2, '0')}`, `court-${i % 3}`));

  it('gives every judge K reviewers when there are enough colleagues, and balances the loads at K', () => {
    const plan = planOf(planPeerReview(judges, { seed: 5, minReviewers: 5, maxReviewers: 7 }));
    expect(plan.summary.reviewersPerJudge).toEqual({ min: 7, mean: 7, max: 7 });
    expect(plan.summary.loadPerReviewer).toEqual({ min: 7, mean: 7, max: 7 });
    expect(plan.options).toEqual({ eligibility: 'same-level-and-region', minReviewers: 5, maxReviewers: 7, maxLoad: null, seed: 5 });
  });

  it('gives a judge with fewer than K eligible colleagues all of them, and keeps loads within one', () => {
    // Court A: president P and a1..a3; court B: b1..b4. k = 3, K = 5. P may be reviewed by (and
    // may review) only b1..b4, so P gets 4 reviewers and everyone else 5: 39 reviews for 8
    // reviewers. P can write at most 4, the other seven write 5 each.
    const uneven = [judge('P', 'A', 'court-president'), ...['a1', 'a2', 'a3'].map((id) => judge(id, 'A')), ...['b1', 'b2', 'b3', 'b4'].map((id) => judge(id, 'B'))];
    const plan = planOf(planPeerReview(uneven, { seed: 5, minReviewers: 3, maxReviewers: 5 }));
    expect(reviewersOf(plan, 'P')).toEqual(['b1', 'b2', 'b3', 'b4']);
    expect(plan.summary.reviewersPerJudge).toEqual({ min: 4, mean: 39 / 8, max: 5 });
    expect(plan.summary.loadPerReviewer).toEqual({ min: 4, mean: 39 / 8, max: 5 });
    expect(revieweesOf(plan, 'P')).toEqual(['b1', 'b2', 'b3', 'b4']);
  });
});

describe('planPeerReview: a load cap', () => {
  it('reports everyone when k reviews per judge exceed what the capped reviewers can write', () => {
    const judges = ['a', 'b', 'c', 'd', 'e', 'f'].map((id) => judge(id, `court-${id}`));
    const report = checkPeerReviewFeasibility(judges, { seed: 1, maxLoad: 4 });
    expect(report.infeasible.map((e) => [e.judgeId, e.reason, e.eligibleReviewers, e.capacity])).toEqual(
      judges.map((j) => [j.id, 'capacity', 5, { maxLoad: 4, bottleneckJudges: 6 }]),
    );
  });

  it('names just the bottleneck: four presidents of one court share three outside reviewers', () => {
    // Court A has four court presidents and four judges; court C has c1..c3. k = 3, at most 3
    // reviews each. The presidents may be reviewed only by c1..c3, who can write 9 reviews for
    // the 12 the presidents need. Everyone else can be served.
    const courtA = [
      ...['P1', 'P2', 'P3', 'P4'].map((id) => judge(id, 'A', 'court-president')),
      ...['a1', 'a2', 'a3', 'a4'].map((id) => judge(id, 'A')),
    ];
    const courtC = ['c1', 'c2', 'c3'].map((id) => judge(id, 'C'));
    const report = checkPeerReviewFeasibility([...courtA, ...courtC], { seed: 1, minReviewers: 3, maxLoad: 3 });
    expect(report.infeasible.map((e) => [e.judgeId, e.reason, e.eligibleReviewers, e.capacity])).toEqual(
      ['P1', 'P2', 'P3', 'P4'].map((id) => [id, 'capacity', 3, { maxLoad: 3, bottleneckJudges: 4 }]),
    );
    const plan = planOf(planPeerReview([...courtA, ...courtC], { seed: 1, minReviewers: 3, maxLoad: 4 }));
    for (const id of ['P1', 'P2', 'P3', 'P4']) expect(reviewersOf(plan, id)).toEqual(['c1', 'c2', 'c3']);
    expect(plan.summary.loadPerReviewer.max).toBe(4);
  });
  it('fills up to K as far as the cap allows: the maximum number of reviews, loads within one', () => {
    // Court A: presidents P1..P4 and judges a1, a2; court B: b1..b5. k = 3, K = 5, at most 5
    // reviews each. The presidents may be reviewed only by b1..b5, whose 25 reviews must also
    // cover each other and a1, a2. The LP oracle's optimum: 52 reviews, loads 5 (×8) and 4 (×3).
    const judges = [
      ...['P1', 'P2', 'P3', 'P4'].map((id) => judge(id, 'A', 'court-president')),
      judge('a1', 'A'),
      judge('a2', 'A'),
      ...['b1', 'b2', 'b3', 'b4', 'b5'].map((id) => judge(id, 'B')),
    ];
    for (let seed = 0; seed < 20; seed++) {
      const plan = planOf(planPeerReview(judges, { seed, minReviewers: 3, maxReviewers: 5, maxLoad: 5 }));
      expect(ruleViolations(judges, { eligibility: 'same-level-and-region', k: 3, K: 5, cap: 5 }, plan.assignments)).toEqual([]);
      expect(plan.summary.assignments).toBe(52);
      expect(plan.summary.loadPerReviewer).toEqual({ min: 4, mean: 52 / 11, max: 5 });
    }
  });
});

describe('planPeerReview: options and input', () => {
  const judges = ['a', 'b', 'c', 'd', 'e', 'f'].map((id) => judge(id, 'court'));
  const codeOf = (run: () => unknown) => {
    try {
      run();
    } catch (e) {
      return e instanceof AssignmentError ? [e.code, e.params] : e;
    }
    return 'no error';
  };

  it('rejects options below the anonymity floor or out of order', () => {
    expect(codeOf(() => planPeerReview(judges, { seed: 1, minReviewers: 2 }))).toEqual([AssignmentErrorCode.ReviewersBelowFloor, { floor: 3 }]);
    expect(codeOf(() => planPeerReview(judges, { seed: 1, minReviewers: 5, maxReviewers: 4 }))).toEqual([AssignmentErrorCode.MaxBelowMin, { min: 5, max: 4 }]);
    expect(codeOf(() => planPeerReview(judges, { seed: 1.5 }))).toEqual([AssignmentErrorCode.InvalidOption, { option: 'seed' }]);
    expect(codeOf(() => planPeerReview(judges, { seed: 1, maxLoad: 0 }))).toEqual([AssignmentErrorCode.InvalidOption, { option: 'maxLoad' }]);
    expect(codeOf(() => planPeerReview(judges, { seed: 1, eligibility: 'same-court' as never }))).toEqual([AssignmentErrorCode.InvalidOption, { option: 'eligibility' }]);
    expect(codeOf(() => planPeerReview(judges, { seed: 1, eligibility: { district: 'same-level', regional: 'any' } as never }))).toEqual([
      AssignmentErrorCode.InvalidOption,
      { option: 'eligibility' },
    ]);
  });

  it('rejects duplicate, malformed and inconsistent judges', () => {
    expect(codeOf(() => planPeerReview([...judges, judge('a', 'court')], { seed: 1 }))).toEqual([AssignmentErrorCode.DuplicateJudge, { judgeId: 'a' }]);
    expect(codeOf(() => planPeerReview([...judges, { ...judge('g', 'court'), level: 'appeal' as never }], { seed: 1 }))).toEqual([AssignmentErrorCode.InvalidJudge, { judgeId: 'g' }]);
    expect(codeOf(() => planPeerReview([...judges, judge('g', 'court', 'judge', 'astana')], { seed: 1 }))).toEqual([AssignmentErrorCode.InconsistentCourt, { courtId: 'court' }]);
  });

  it('plans an empty population as an empty plan', () => {
    expect(planOf(planPeerReview([], { seed: 1 })).summary).toEqual({
      judges: 0,
      assignments: 0,
      reviewersPerJudge: { min: 0, mean: 0, max: 0 },
      loadPerReviewer: { min: 0, mean: 0, max: 0 },
      groups: [],
    });
  });
});

describe('texts', () => {
  const placeholders = (text: string) => [...text.matchAll(/\{(\w+)\}/g)].map((m) => m[1]).sort();

  it('has every error and every infeasibility reason in kk, ru and en, with the same placeholders', () => {
    const catalogues = [...Object.values(AssignmentError.messages), ...Object.values(INFEASIBILITY_TEXT)];
    expect(Object.keys(AssignmentError.messages).sort()).toEqual(Object.values(AssignmentErrorCode).sort());
    expect(Object.keys(INFEASIBILITY_TEXT).sort()).toEqual([...INFEASIBILITY_REASONS].sort());
    for (const text of catalogues) {
      for (const locale of LOCALES) expect(text[locale].trim()).not.toBe('');
      expect(placeholders(text.kk)).toEqual(placeholders(text.en));
      expect(placeholders(text.ru)).toEqual(placeholders(text.en));
    }
  });

  it('fills every placeholder of a capacity entry', () => {
    const entry = {
      judgeId: 'P1',
      group: 'district/almaty',
      eligibleReviewers: 3,
      needed: 3,
      reason: 'capacity' as const,
      eligibleUnder: { 'same-level-and-region': 3, 'same-level': 3, 'same-region': 3, any: 3 },
      capacity: { maxLoad: 3, bottleneckJudges: 4 },
    };
    for (const locale of LOCALES) expect(describeInfeasibility(entry, locale)).not.toMatch(/[{}]/);
    expect(describeInfeasibility(entry, 'en')).toBe(
      'With at most 3 reviews per reviewer, these 4 judges of the group "district/almaty" cannot all get 3 reviewers: those who may review them have too little capacity',
    );
  });
});
