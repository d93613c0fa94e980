import { buildCatalogue } from './catalogue';
import { auditLinkedTables } from './audit';
import { protectLinkedTables, SuppressionReason } from './complementary';

/**
 * Scenario: gender × court level with its margins (the gender table, the court-level table and
 * the national total), one primary cell.
 *
 *                district  regional  supreme | total
 *   f (pop)      20 (40)   12 (24)    3 (10) |  35
 *   m (pop)      18 (36)   10 (20)    9 (18) |  37
 *   total        38        22        12      |  72
 *
 * Primary: f × supreme = 3. Structural pass, equations in catalogue order (columns of the
 * two-way table first, then its rows):
 *   - column "supreme": f×supreme is alone → its only sibling m×supreme;
 *   - row "f": f×supreme is alone → the smaller sibling, f×regional (12 < 20);
 *   - row "m": m×supreme is alone → m×regional, because it also repairs column "regional",
 *     where f×regional is alone (the rectangle closes).
 * The four corners form a hypercube. With x = f×supreme: f×regional = 15 − x,
 * m×supreme = 12 − x, m×regional = 7 + x; bounds 0 ≤ x ≤ 10 (population), 15 − x ≥ 0,
 * 12 − x ≥ 0, 7 + x ≤ 20, so the attacker's interval is [0, 10], width 10 ≥ 5.
 */
describe('complementary suppression: a two-way table with margins', () => {
  const catalogue = buildCatalogue([
    { name: 'gender', categories: ['f', 'm'] },
    { name: 'court-level', categories: ['district', 'regional', 'supreme'] },
  ]);
  const cell = (gender: string, level: string, n: number, population: number) => ({ cell: { gender, 'court-level': level }, population, values: [n] });
  const microcells = [
    cell('f', 'district', 20, 40),
    cell('f', 'regional', 12, 24),
    cell('f', 'supreme', 3, 10),
    cell('m', 'district', 18, 36),
    cell('m', 'regional', 10, 20),
    cell('m', 'supreme', 9, 18),
  ];

  it('suppresses exactly the rectangle and the audit proves [0, 10]', async () => {
    const problem = { catalogue, microcells, primary: ['gender=f|court-level=supreme'], threshold: 5 };
    const result = await protectLinkedTables(problem);
    expect(result.suppressed).toEqual([
      { key: 'gender=f|court-level=regional', reason: SuppressionReason.Complementary },
      { key: 'gender=f|court-level=supreme', reason: SuppressionReason.Primary },
      { key: 'gender=m|court-level=regional', reason: SuppressionReason.Complementary },
      { key: 'gender=m|court-level=supreme', reason: SuppressionReason.Complementary },
    ]);
    expect(result.audit.passed).toBe(true);
    expect(result.rounds).toBe(1);
    const exact = await auditLinkedTables(
      problem,
      result.suppressed.map((s) => s.key),
    );
    expect(exact.values).toEqual([{ key: 'gender=f|court-level=supreme', layer: 0, lower: 0, upper: 10, width: 10, required: 5, passed: true }]);
  });
});
