import { genderGap } from './gender-gap';
import { likertCounts, likertMoments } from './statistics';

/**
 * Scenario: Welch's test on two small samples (1..5).
 *
 *   women 5 4 4 5 3 4 5 4 5 2: n = 10, Σ = 41, Σx² = 177, mean 4.1,    s² = (1770 − 1681)/90 = 89/90
 *   men   3 4 2 3 3 4:         n = 6,  Σ = 19, Σx² = 63,  mean 3.1667, s² = (378 − 361)/30 = 17/30
 *   d  = 4.1 − 19/6 = 0.9333
 *   se = √(89/900 + 17/180) = √0.193333 = 0.439697;  t = d / se = 2.1227
 *   df = 0.193333² / ((89/900)²/9 + (17/180)²/5) = 0.0373778 / 0.00287050 = 13.0213
 *   p  = 2·F_t(−2.1227; 13.0213) = 0.0535
 *   CI = d ± t(0.975; 13.0213)·se = 0.9333 ± 2.160009·0.439697 = [−0.0164, 1.8831]
 */
describe('gender gap: Welch t-test', () => {
  const scale = { min: 1, max: 5 };
  const women = likertMoments(likertCounts([5, 4, 4, 5, 3, 4, 5, 4, 5, 2], scale), scale);
  const men = likertMoments(likertCounts([3, 4, 2, 3, 3, 4], scale), scale);

  it('gives the hand-computed difference, CI, t, df and p', () => {
    expect(genderGap({ moments: women, publishable: true }, { moments: men, publishable: true })).toEqual({
      test: 'welch-t',
      difference: 0.9333,
      ci: { lower: -0.0164, upper: 1.8831 },
      t: 2.1227,
      df: 13.0213,
      pValue: 0.0535,
      pAdjusted: null,
    });
  });

  it('is antisymmetric: men − women flips the sign, not the p-value', () => {
    const flipped = genderGap({ moments: men, publishable: true }, { moments: women, publishable: true })!;
    expect(flipped).toMatchObject({ difference: -0.9333, t: -2.1227, df: 13.0213, pValue: 0.0535, ci: { lower: -1.8831, upper: 0.0164 } });
  });

  it('is not reported unless both groups are publishable', () => {
    expect(genderGap({ moments: women, publishable: false }, { moments: men, publishable: true })).toBeNull();
    expect(genderGap({ moments: women, publishable: true }, { moments: men, publishable: false })).toBeNull();
  });

  it('is not reported when undefined (a group with one answer, or no variance at all)', () => {
    const one = likertMoments([0, 0, 1, 0, 0], scale);
    const flat = likertMoments([0, 0, 4, 0, 0], scale);
    expect(genderGap({ moments: one, publishable: true }, { moments: men, publishable: true })).toBeNull();
    expect(genderGap({ moments: flat, publishable: true }, { moments: flat, publishable: true })).toBeNull();
  });
});
