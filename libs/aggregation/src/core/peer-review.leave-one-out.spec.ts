import { peerDistributionSafe, peerMeanSafe, peerReviewResults, PeerWithholding, protectRaterDiagnostic } from './peer-review';
import { validateThresholds } from './suppression';

/**
 * Scenario: peer-review results (scale 1..5, peer threshold 5, mean threshold 8).
 *
 * A reviewer knows their own answer; subtracting it leaves the other m = n − 1 answers.
 *   - distribution shown only if max count ≤ n − 3 (removing any answer leaves no category with
 *     all but at most one of the others);
 *   - mean shown only if, for every answer present, some m answers with the remaining sum have no
 *     category holding more than m − 2 of them.
 *
 *   judge A (district)
 *   competency        counts 1..5     n   distribution        mean
 *   integrity         0 0 0 1 4       5   max 4 > 2  hidden    own 4: others sum 16 in 4 answers → all 5s; hidden
 *   legal-knowledge   0 0 1 2 2       5   max 2 ≤ 2  shown     4.2 (e.g. own 3: others 5 5 4 3 … spread) shown
 *   reasoning         1 0 1 0 4       6   max 4 > 3  hidden    own 1: others sum 23 = 5 5 5 4 4 (three 5s ≤ 3) shown, 4.0
 *   timeliness        0 1 1 1 1       4   fewer than 5 reviewers: nothing
 *
 *   peer average, legal-knowledge, district: A plus four judges with 0 1 1 2 1:
 *     counts 0 4 5 10 6, n = 25, Σ = 8 + 15 + 40 + 30 = 93 → 3.72 (5 judges ≥ 5, 25 reviews ≥ 8)
 *     A's difference: 4.2 − 3.72 = 0.48
 *   other competencies have a single judge in their pool: no peer average.
 */
describe('peer review: leave-one-out rule', () => {
  const scale = { min: 1, max: 5 };
  const thresholds = validateThresholds();
  const colleague = (id: string) => ({ judgeId: id, courtLevel: 'district', competencies: { 'legal-knowledge': [0, 1, 1, 2, 1] } });
  const results = peerReviewResults({
    scale,
    thresholds,
    judges: [
      colleague('j-b'),
      {
        judgeId: 'j-a',
        courtLevel: 'district',
        competencies: { timeliness: [0, 1, 1, 1, 1], 'legal-knowledge': [0, 0, 1, 2, 2], integrity: [0, 0, 0, 1, 4], reasoning: [1, 0, 1, 0, 4] },
      },
      colleague('j-c'),
      colleague('j-d'),
      colleague('j-e'),
    ],
  });

  it('shows what no reviewer can use to deduce another reviewer’s answer', () => {
    expect(results.map((r) => r.judgeId)).toEqual(['j-a', 'j-b', 'j-c', 'j-d', 'j-e']);
    expect(results[0].competencies).toEqual([
      {
        competency: 'integrity',
        n: 5,
        mean: null,
        distribution: null,
        peerAverage: null,
        difference: null,
        withheld: [PeerWithholding.DistributionDeducible, PeerWithholding.MeanDeducible, PeerWithholding.PeerGroupTooSmall],
      },
      {
        competency: 'legal-knowledge',
        n: 5,
        mean: 4.2,
        distribution: [
          { value: 1, count: 0 },
          { value: 2, count: 0 },
          { value: 3, count: 1 },
          { value: 4, count: 2 },
          { value: 5, count: 2 },
        ],
        peerAverage: 3.72,
        difference: 0.48,
        withheld: [],
      },
      {
        competency: 'reasoning',
        n: 6,
        mean: 4,
        distribution: null,
        peerAverage: null,
        difference: null,
        withheld: [PeerWithholding.DistributionDeducible, PeerWithholding.PeerGroupTooSmall],
      },
      { competency: 'timeliness', n: null, mean: null, distribution: null, peerAverage: null, difference: null, withheld: [PeerWithholding.TooFewReviewers] },
    ]);
  });

  it('the colleagues see the same peer average', () => {
    expect(results[1].competencies[0]).toMatchObject({ competency: 'legal-knowledge', n: 5, mean: 3.6, peerAverage: 3.72, difference: -0.12 });
  });

  it('exactly k reviewers with one category: every reviewer would learn the others’ answers', () => {
    expect(peerDistributionSafe([0, 0, 0, 0, 5])).toBe(false);
    expect(peerMeanSafe([0, 0, 0, 0, 5], scale)).toBe(false);
    // 5 5 5 5 4: the reviewer who said 4 learns the others all said 5; one who said 5 learns all but one did.
    expect(peerMeanSafe([0, 0, 0, 1, 4], scale)).toBe(false);
    // Spread answers: safe.
    expect(peerMeanSafe([1, 1, 1, 1, 1], scale)).toBe(true);
    expect(peerDistributionSafe([1, 1, 1, 1, 1])).toBe(true);
  });
});

/**
 * Scenario: the national rater-gender × judge-gender diagnostic.
 *
 *   reviews (assigned)   judge f    judge m
 *   rater f              40 (50)     3 (20)    ← 0 < 3 < 5: primary
 *   rater m              30 (40)    45 (60)
 *
 * A 2 × 2 table with published margins: the primary cell needs its column partner, its row
 * partner and the opposite corner. With x = f×m: f×f = 43 − x ≤ 50, m×m = 48 − x ≤ 60,
 * m×f = 27 + x ≤ 40 → x ∈ [0, 13]. Every competency's means follow this pattern.
 */
describe('peer review: rater-gender × judge-gender diagnostic', () => {
  it('suppresses the 2 × 2 inner table and carries it into every competency', async () => {
    const answers = (n: number) => ({ distribution: [0, 0, Math.floor(n / 3), Math.floor(n / 3), n - 2 * Math.floor(n / 3)], noAnswer: 0 });
    const cell = (raterGender: string, judgeGender: string, reviews: number, assignments: number) => ({
      raterGender,
      judgeGender,
      reviews,
      assignments,
      competencies: { 'legal-knowledge': answers(reviews), integrity: answers(reviews) },
    });
    const release = await protectRaterDiagnostic({
      scale: { min: 1, max: 5 },
      thresholds: validateThresholds(),
      cells: [cell('f', 'f', 40, 50), cell('f', 'm', 3, 20), cell('m', 'f', 30, 40), cell('m', 'm', 45, 60)],
    });
    const inner = ['rater-gender=f|judge-gender=f', 'rater-gender=f|judge-gender=m', 'rater-gender=m|judge-gender=f', 'rater-gender=m|judge-gender=m'];
    expect(release.counts.suppressed.map((s) => s.key)).toEqual(inner);
    expect(Object.keys(release.competencies)).toEqual(['integrity', 'legal-knowledge']);
    for (const competency of Object.values(release.competencies)) expect(competency.suppressed.map((s) => s.key)).toEqual(inner);
  });
});
