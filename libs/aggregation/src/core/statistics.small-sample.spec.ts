import { describeLikert, likertCounts, reverseScore } from './statistics';

/**
 * Scenario: eight answers on a 1..5 scale: 1, 2, 3, 4, 5, 5, 4, 4.
 *
 *   n = 8, Σx = 28, Σx² = 112
 *   mean   = 28 / 8 = 3.5
 *   var    = (n·Σx² − (Σx)²) / (n(n − 1)) = (896 − 784) / 56 = 2        → sd = √2 = 1.4142
 *   median = sorted 1 2 3 4 4 4 5 5, mean of the 4th and 5th = 4
 *   top-2  = answers 4 or 5: 5 of 8 = 0.625
 *   mean CI: t(0.975; 7) = 2.364624, se = √(2/8) = 0.5, 3.5 ± 1.182312 = [2.3177, 4.6823]
 *   Wilson (k = 5, n = 8, z = 1.959964): centre = (0.625 + z²/16) / (1 + z²/8) = 0.584449,
 *     half = z·√(0.625·0.375/8 + z²/256) / (1 + z²/8) = 0.278707 → [0.3057, 0.8632]
 */
describe('statistics of a small Likert sample', () => {
  const scale = { min: 1, max: 5 };
  const answers = [1, 2, 3, 4, 5, 5, 4, 4];

  it('gives the hand-computed values to 4 decimals, and never a minimum or maximum', () => {
    const stats = describeLikert(likertCounts(answers, scale), scale);
    expect(stats).toEqual({
      n: 8,
      mean: 3.5,
      sd: 1.4142,
      median: 4,
      distribution: [
        { value: 1, count: 1 },
        { value: 2, count: 1 },
        { value: 3, count: 1 },
        { value: 4, count: 3 },
        { value: 5, count: 2 },
      ],
      top2Share: 0.625,
      meanCi: { lower: 2.3177, upper: 4.6823 },
      top2Ci: { lower: 0.3057, upper: 0.8632 },
    });
    for (const forbidden of ['min', 'max', 'minimum', 'maximum']) expect(stats).not.toHaveProperty(forbidden);
  });

  it('keeps every scale point in the distribution, zeros included, and skips unanswered items', () => {
    expect(likertCounts([5, null, 5, undefined, 1], scale)).toEqual([1, 0, 0, 0, 2]);
  });

  it('is byte-identical whatever the order of the answers', () => {
    const shuffled = [4, 5, 1, 4, 3, 5, 2, 4];
    expect(JSON.stringify(describeLikert(likertCounts(shuffled, scale), scale))).toBe(JSON.stringify(describeLikert(likertCounts(answers, scale), scale)));
  });

  it('reverse-scores v → min + max − v', () => {
    expect([1, 2, 3, 4, 5].map((v) => reverseScore(v, scale))).toEqual([5, 4, 3, 2, 1]);
    expect(reverseScore(2, { min: 0, max: 10 })).toBe(8);
  });

  it('has no sd or CI for one answer and no statistics at all for none', () => {
    expect(describeLikert([0, 0, 1, 0, 0], scale)).toMatchObject({ n: 1, mean: 3, sd: null, median: 3, meanCi: null, top2Share: 0 });
    expect(describeLikert([0, 0, 0, 0, 0], scale)).toMatchObject({ n: 0, mean: null, sd: null, median: null, top2Share: null, meanCi: null, top2Ci: null });
  });

  it('refuses answers off the scale', () => {
    expect(() => likertCounts([6], scale)).toThrow(expect.objectContaining({ code: 'aggregation.invalid-answer' }));
    expect(() => likertCounts([2.5], scale)).toThrow(expect.objectContaining({ code: 'aggregation.invalid-answer' }));
  });
});
