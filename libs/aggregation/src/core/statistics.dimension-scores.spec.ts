import { describeDimension, dimensionScore, dimensionScorePoint } from './statistics';

/**
 * Scenario: a dimension of three items on 1..5, the third reverse-scored (v → 6 − v).
 *
 *   respondent   answers          scored        score
 *   R1           5, 4, 1          5, 4, 5       14/3 = 4.6667
 *   R2           3, –, 2          3, 4           7/2 = 3.5
 *   R3           4, 4, 4          4, 4, 2       10/3 = 3.3333
 *   R4           –, –, –          (no score)
 *
 *   mean = (14/3 + 7/2 + 10/3) / 3 = 23/6 = 3.8333
 *   var  = Σ(s − 23/6)² / 2 = (25/36 + 4/36 + 9/36) / 2 = 19/36, sd = 0.7265
 *   median = 3.5; top-2 share: scores ≥ 4 → 1 of 3 = 0.3333
 *   mean CI: t(0.975; 2) = 4.302653, se = √(19/108) = 0.419434 → [2.0286, 5.6380]
 *     (a t interval of a tiny sample may run past the scale; it is not clipped)
 *   Wilson (1 of 3): [0.0615, 0.7923]
 * The sums are exact (scores are multiples of 1/6), so the order of respondents cannot matter.
 */
describe('dimension scores', () => {
  const scale = { min: 1, max: 5 };
  const reversed = [false, false, true];
  const scores = [
    [5, 4, 1],
    [3, null, 2],
    [4, 4, 4],
  ].map((answers) => dimensionScore(answers, scale, { reversed })!);

  it('averages the answered items of a respondent, exactly', () => {
    expect(scores).toEqual([
      { sum: 14, answered: 3 },
      { sum: 7, answered: 2 },
      { sum: 10, answered: 3 },
    ]);
    expect(dimensionScore([null, null, null], scale, { reversed })).toBeNull();
    expect(dimensionScore([5, null, null], scale, { minAnswered: 2 })).toBeNull();
  });

  it('describes scores over respondents with the hand-computed values', () => {
    expect(describeDimension(scores, scale)).toEqual({
      n: 3,
      mean: 3.8333,
      sd: 0.7265,
      median: 3.5,
      top2Share: 0.3333,
      meanCi: { lower: 2.0286, upper: 5.638 },
      top2Ci: { lower: 0.0615, upper: 0.7923 },
    });
    expect(JSON.stringify(describeDimension([...scores].reverse(), scale))).toBe(JSON.stringify(describeDimension(scores, scale)));
  });

  it('describes a score that stands for several respondents as that many copies of it', () => {
    const repeated = [...scores, scores[1], scores[1], scores[2]];
    const counted = [scores[0], { ...scores[1], count: 3 }, { ...scores[2], count: 2 }];
    expect(describeDimension(counted, scale)).toEqual(describeDimension(repeated, scale));
    expect(describeDimension(counted, scale).n).toBe(6);
    expect(() => describeDimension([{ ...scores[0], count: 0 }], scale)).toThrow(/count ≥ 1/);
  });

  it('counts a score under its nearest scale point, halves upwards, for the audit', () => {
    expect(scores.map((s) => dimensionScorePoint(s, scale))).toEqual([5, 4, 3]);
  });
});
