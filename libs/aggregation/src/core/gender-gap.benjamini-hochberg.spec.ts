import { benjaminiHochberg, genderGapFamily } from './gender-gap';
import { likertMoments } from './statistics';

/**
 * Scenario: Benjamini–Hochberg over six p-values, m = 6.
 *
 *   input       0.01   0.04   0.03   0.005  0.2    0.04
 *   rank        2      4      3      1      6      5        (ties keep input order)
 *   p·m/rank    0.03   0.06   0.06   0.03   0.2    0.048
 *   step-up min from the largest rank down:
 *   adjusted    0.03   0.048  0.048  0.03   0.2    0.048
 */
describe('Benjamini–Hochberg adjustment', () => {
  it('gives the hand-computed q-values in input order', () => {
    const adjusted = benjaminiHochberg([0.01, 0.04, 0.03, 0.005, 0.2, 0.04]);
    expect(adjusted.map((q) => Number(q.toFixed(10)))).toEqual([0.03, 0.048, 0.048, 0.03, 0.2, 0.048]);
  });

  it('caps at 1 and handles an empty family', () => {
    expect(benjaminiHochberg([0.9, 0.8])).toEqual([0.9, 0.9]);
    expect(benjaminiHochberg([])).toEqual([]);
  });

  it('adjusts over the reported gaps of a family only', () => {
    const scale = { min: 1, max: 5 };
    const a = { moments: likertMoments([0, 1, 2, 4, 3], scale), publishable: true };
    const b = { moments: likertMoments([1, 3, 3, 2, 1], scale), publishable: true };
    const hidden = { moments: likertMoments([0, 0, 3, 3, 3], scale), publishable: false };
    const family = genderGapFamily([
      { key: 'q1|national', women: a, men: b },
      { key: 'q1|region=abai', women: hidden, men: b },
      { key: 'q2|national', women: b, men: a },
    ]);
    expect(family.map((f) => f.key)).toEqual(['q1|national', 'q1|region=abai', 'q2|national']);
    expect(family[1].gap).toBeNull();
    // Two reported tests with equal p: BH leaves both at p·2/2 = p.
    expect(family[0].gap!.pAdjusted).toBe(family[0].gap!.pValue);
    expect(family[2].gap!.pAdjusted).toBe(family[2].gap!.pValue);
  });
});
