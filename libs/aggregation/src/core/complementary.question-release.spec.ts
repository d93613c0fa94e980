import { auditLinkedTables } from './audit';
import { buildCatalogue } from './catalogue';
import { protectQuestion, protectRespondentCounts, SuppressionReason } from './complementary';
import { PrimaryReason, validateThresholds } from './suppression';

/**
 * Scenario: group disclosure in one question, audited by scale point (layer).
 *
 *   answers 1..5     f                         m
 *   district         2 3 5 6 4  (20, pop 40)   1 2 4 6 5  (18, pop 36)
 *   regional         1 2 3 4 2  (12, pop 24)   1 1 3 3 2  (10, pop 20)
 *   supreme          1 1 2 3 3  (10, pop 20)   0 0 0 0 9  ( 9, pop 18)   ← all nine said 5
 *
 * The respondent counts are all published (none small, none near its population), so every
 * cell's n is known. m × supreme is primary for group disclosure. The structural pass hides the
 * rectangle f/m × regional/supreme (as in the two-way scenario). Audited by layer, with
 * x = the number of "5" in m × supreme and the published margins (layer 5: supreme 12, f 9):
 *   f×supreme = 12 − x ≤ 10 (its n)  and  f×regional = 5 − (12 − x) ≥ 0  →  x ≥ 7,  x ≤ 9
 * so the attacker learns that at least 7 of the 9 said 5: width 2 < 5, exposed. The search adds
 * m × district (its own table first) and the structural pass f × district, so the whole inner
 * table is hidden. Now f×district + f×regional = x − 3 ≥ 0 gives x ∈ [3, 9] (width 6).
 * The other layers of m × supreme are 0 and capped by the published supreme margin, which
 * shows 1, 1, 2, 3 answers of 1..4: their required width is that cap, e.g. "4" ∈ [0, 3].
 */
describe('a question release with group disclosure', () => {
  const catalogue = buildCatalogue([
    { name: 'gender', categories: ['f', 'm'] },
    { name: 'court-level', categories: ['district', 'regional', 'supreme'] },
  ]);
  const thresholds = validateThresholds();
  const rows: [string, string, number[], number][] = [
    ['f', 'district', [2, 3, 5, 6, 4], 40],
    ['f', 'regional', [1, 2, 3, 4, 2], 24],
    ['f', 'supreme', [1, 1, 2, 3, 3], 20],
    ['m', 'district', [1, 2, 4, 6, 5], 36],
    ['m', 'regional', [1, 1, 3, 3, 2], 20],
    ['m', 'supreme', [0, 0, 0, 0, 9], 18],
  ];
  const microcells = rows.map(([gender, level, distribution, population]) => ({ cell: { gender, 'court-level': level }, population, distribution, noAnswer: 0 }));
  const scale = { min: 1, max: 5 };

  it('suppresses the inner table and proves every scale point of the exposed cell', async () => {
    const counts = await protectRespondentCounts({
      catalogue,
      thresholds,
      microcells: microcells.map((m) => ({ cell: m.cell, population: m.population, respondents: m.distribution.reduce((a, b) => a + b, 0) })),
    });
    expect(counts.suppressed).toEqual([]);

    const release = await protectQuestion({ catalogue, microcells, scale, thresholds, countRelease: counts });
    expect(release.primaryReasons).toEqual({ 'gender=m|court-level=supreme': [PrimaryReason.GroupDisclosure] });
    expect(release.suppressed).toEqual([
      { key: 'gender=f|court-level=district', reason: SuppressionReason.Complementary },
      { key: 'gender=f|court-level=regional', reason: SuppressionReason.Complementary },
      { key: 'gender=f|court-level=supreme', reason: SuppressionReason.Complementary },
      { key: 'gender=m|court-level=district', reason: SuppressionReason.Complementary },
      { key: 'gender=m|court-level=regional', reason: SuppressionReason.Complementary },
      { key: 'gender=m|court-level=supreme', reason: SuppressionReason.Primary },
    ]);
    expect(release.rounds).toBe(2);

    const problem = {
      catalogue,
      microcells: microcells.map((m) => ({ cell: m.cell, population: m.population, values: [...m.distribution, m.noAnswer] })),
      primary: ['gender=m|court-level=supreme'],
      threshold: 5,
      auditLayers: [0, 1, 2, 3, 4],
      knownTotals: Object.fromEntries(rows.map(([g, l, d]) => [`gender=${g}|court-level=${l}`, d.reduce((a, b) => a + b, 0)])),
    };
    const rectangle = ['gender=f|court-level=regional', 'gender=f|court-level=supreme', 'gender=m|court-level=regional', 'gender=m|court-level=supreme'];
    const exposed = await auditLinkedTables(problem, rectangle);
    expect(exposed.values.find((v) => v.layer === 4)).toEqual({ key: 'gender=m|court-level=supreme', layer: 4, lower: 7, upper: 9, width: 2, required: 5, passed: false });

    const final = await auditLinkedTables(
      problem,
      release.suppressed.map((s) => s.key),
    );
    expect(final.passed).toBe(true);
    expect(final.values.map((v) => [v.layer, v.lower, v.upper, v.required])).toEqual([
      [0, 0, 1, 1],
      [1, 0, 1, 1],
      [2, 0, 2, 2],
      [3, 0, 3, 3],
      [4, 3, 9, 5],
    ]);
  });
});
