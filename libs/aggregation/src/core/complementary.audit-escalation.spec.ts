import { buildCatalogue } from './catalogue';
import { auditLinkedTables } from './audit';
import { protectLinkedTables, SuppressionReason } from './complementary';

/**
 * Scenario: the rectangle is not enough because of the register populations, and the LP audit
 * makes the search suppress more.
 *
 *                district  regional  supreme
 *   f (pop)      20 (40)   12 (30)    3 (50)     ← f × supreme primary
 *   m (pop)      18 (40)   10 (11)    9  (9)
 *
 * The structural pass picks the rectangle f×regional, f×supreme, m×regional, m×supreme, as in
 * the two-way scenario. With x = f×supreme the published margins give
 *   m×supreme = 12 − x ≤ 9 (its population)  → x ≥ 3
 *   m×regional = 7 + x ≤ 11                    → x ≤ 4
 * so the attacker knows x ∈ [3, 4]: width 1 < 5. The audit fails; the search adds the best
 * published cell sharing an equation with f×supreme, in its own table: f×district, and the
 * structural pass then adds m×district (alone in column "district"). Now (all six inner cells
 * hidden, every margin published) x ∈ [3, 12]: m×supreme = 12 − x ≥ 0 gives x ≤ 12, and
 * every other cell stays within 0..population. Width 9 ≥ 5.
 */
describe('complementary suppression: the audit escalates', () => {
  const catalogue = buildCatalogue([
    { name: 'gender', categories: ['f', 'm'] },
    { name: 'court-level', categories: ['district', 'regional', 'supreme'] },
  ]);
  const cell = (gender: string, level: string, n: number, population: number) => ({ cell: { gender, 'court-level': level }, population, values: [n] });
  const microcells = [
    cell('f', 'district', 20, 40),
    cell('f', 'regional', 12, 30),
    cell('f', 'supreme', 3, 50),
    cell('m', 'district', 18, 40),
    cell('m', 'regional', 10, 11),
    cell('m', 'supreme', 9, 9),
  ];
  const problem = { catalogue, microcells, primary: ['gender=f|court-level=supreme'], threshold: 5 };
  const rectangle = ['gender=f|court-level=regional', 'gender=f|court-level=supreme', 'gender=m|court-level=regional', 'gender=m|court-level=supreme'];

  it('the audit finds the rectangle exposed: [3, 4]', async () => {
    const report = await auditLinkedTables(problem, rectangle);
    expect(report.passed).toBe(false);
    expect(report.values).toEqual([{ key: 'gender=f|court-level=supreme', layer: 0, lower: 3, upper: 4, width: 1, required: 5, passed: false }]);
  });

  it('suppresses the whole inner table and passes with [3, 12]', async () => {
    const result = await protectLinkedTables(problem);
    expect(result.suppressed.map((s) => s.key)).toEqual([
      'gender=f|court-level=district',
      'gender=f|court-level=regional',
      'gender=f|court-level=supreme',
      'gender=m|court-level=district',
      'gender=m|court-level=regional',
      'gender=m|court-level=supreme',
    ]);
    expect(result.suppressed.filter((s) => s.reason === SuppressionReason.Primary).map((s) => s.key)).toEqual(['gender=f|court-level=supreme']);
    const exact = await auditLinkedTables(
      problem,
      result.suppressed.map((s) => s.key),
    );
    expect(exact.values).toEqual([{ key: 'gender=f|court-level=supreme', layer: 0, lower: 3, upper: 12, width: 9, required: 5, passed: true }]);
    expect(result.rounds).toBe(2);
  });

  it('refuses to audit a pattern that publishes a primary cell', async () => {
    await expect(auditLinkedTables(problem, [])).rejects.toMatchObject({ code: 'aggregation.audit-failed' });
  });
});
