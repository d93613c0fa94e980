import { buildCatalogue } from './catalogue';
import { DimensionMicrocell, protectDimension, protectRespondentCounts, SuppressionReason } from './complementary';
import { PrimaryReason, validateThresholds } from './suppression';

/**
 * Scenario: a dimension release. Group disclosure is judged on the exact scores: in
 * m × supreme all nine respondents score exactly 5 (they answered 5 to every item), which is
 * group disclosure even though a question-by-question view might not show it. f × supreme has
 * 6 scores: a count that may be shown, but below the mean threshold 8 for statistics.
 * The union of the items' patterns (here one key from an item release) stays suppressed.
 */
describe('a dimension release', () => {
  const catalogue = buildCatalogue([
    { name: 'gender', categories: ['f', 'm'] },
    { name: 'court-level', categories: ['district', 'regional', 'supreme'] },
  ]);
  const spread = (n: number) => Array.from({ length: n }, (_, i) => ({ sum: 6 + (i % 9), answered: 3 }));
  const microcell = (gender: string, level: string, scores: { sum: number; answered: number }[], population: number): DimensionMicrocell => ({
    cell: { gender, 'court-level': level },
    population,
    scores,
    noScore: 0,
  });
  const microcells = [
    microcell('f', 'district', spread(30), 60),
    microcell('f', 'regional', spread(20), 40),
    microcell('f', 'supreme', spread(6), 20),
    microcell('m', 'district', spread(25), 50),
    microcell('m', 'regional', spread(15), 30),
    microcell('m', 'supreme', Array.from({ length: 9 }, () => ({ sum: 15, answered: 3 })), 20),
  ];

  it('finds group disclosure on exact scores and keeps the items’ suppressions', async () => {
    const thresholds = validateThresholds();
    const counts = await protectRespondentCounts({
      catalogue,
      thresholds,
      microcells: microcells.map((m) => ({ cell: m.cell, population: m.population, respondents: m.scores.length })),
    });
    expect(counts.suppressed).toEqual([]);
    const release = await protectDimension({
      catalogue,
      microcells,
      scale: { min: 1, max: 5 },
      thresholds,
      countRelease: counts,
      keepSuppressed: ['gender=f|court-level=regional'],
    });
    expect(release.primaryReasons).toEqual({
      'gender=f|court-level=supreme': [PrimaryReason.SmallForStatistics],
      'gender=m|court-level=supreme': [PrimaryReason.GroupDisclosure],
    });
    const suppressed = Object.fromEntries(release.suppressed.map((s) => [s.key, s.reason]));
    expect(suppressed['gender=f|court-level=regional']).toBe(SuppressionReason.Inherited);
    expect(suppressed['gender=f|court-level=supreme']).toBe(SuppressionReason.Primary);
    expect(suppressed['gender=m|court-level=supreme']).toBe(SuppressionReason.Primary);
    expect(release.audit.passed).toBe(true);
    expect(release.audit.values.length).toBeGreaterThan(0);
  });

  it('releases the same when each distinct score is listed once with its count', async () => {
    const thresholds = validateThresholds();
    const counts = await protectRespondentCounts({
      catalogue,
      thresholds,
      microcells: microcells.map((m) => ({ cell: m.cell, population: m.population, respondents: m.scores.length })),
    });
    const counted = microcells.map((m) => {
      const byScore = new Map<string, { sum: number; answered: number; count: number }>();
      for (const { sum, answered } of m.scores) {
        const entry = byScore.get(`${sum}/${answered}`) ?? { sum, answered, count: 0 };
        entry.count += 1;
        byScore.set(`${sum}/${answered}`, entry);
      }
      return { ...m, scores: [...byScore.values()] };
    });
    const input = { catalogue, scale: { min: 1, max: 5 }, thresholds, countRelease: counts };
    expect(counted.some((m) => m.scores.length < microcells.find((o) => o.cell === m.cell)!.scores.length)).toBe(true);
    expect(await protectDimension({ ...input, microcells: counted })).toEqual(await protectDimension({ ...input, microcells }));
  });
});
