import { Catalogue } from './catalogue';
import { auditLinkedTables } from './audit';
import { protectLinkedTables, SuppressionReason } from './complementary';

/**
 * Scenario: a hierarchy, national → region, one primary region.
 *
 *   region    n   population
 *   abai      9   30
 *   almaty    3    4     ← primary
 *   astana   12   40
 *   shymkent  7    8
 *   national 31   82
 *
 * The only equation is national = Σ regions, and almaty is alone in it. The candidates are
 * the other regions; each is scored by how far it lets almaty move either way
 * (siblings move in opposite directions, needed: min(threshold 5, population 4) = 4):
 *   shymkent: min(4 − 3, 7) + min(3, 8 − 7) = 1 + 1 = 2   (too tight: nearly full response)
 *   abai:     min(4 − 3, 9) + min(3, 30 − 9) = 1 + 3 = 4  ✓
 *   astana:   min(4 − 3, 12) + min(3, 40 − 12) = 1 + 3 = 4 ✓
 * so abai (9 < 12), not the smallest region shymkent. Audit: almaty + abai = 12 with
 * almaty ≤ 4 and abai ≤ 30 gives almaty ∈ [0, 4]. The public width (population alone) is
 * also 4, so the required width is min(5, 4) = 4: nothing is learnt beyond the register.
 */
describe('complementary suppression: national → region', () => {
  const catalogue: Catalogue = {
    variables: [{ name: 'region', categories: ['abai', 'almaty', 'astana', 'shymkent'] }],
    tables: [
      { id: 'national', variables: [] },
      { id: 'region', variables: ['region'] },
    ],
  };
  const region = (code: string, n: number, population: number) => ({ cell: { region: code }, population, values: [n] });
  const microcells = [region('abai', 9, 30), region('almaty', 3, 4), region('astana', 12, 40), region('shymkent', 7, 8)];

  it('hides one more region, chosen for its room to move, and audits almaty to its population', async () => {
    const problem = { catalogue, microcells, primary: ['region=almaty'], threshold: 5 };
    const result = await protectLinkedTables(problem);
    expect(result.suppressed).toEqual([
      { key: 'region=abai', reason: SuppressionReason.Complementary },
      { key: 'region=almaty', reason: SuppressionReason.Primary },
    ]);
    const exact = await auditLinkedTables(
      problem,
      result.suppressed.map((s) => s.key),
    );
    expect(exact.values).toEqual([{ key: 'region=almaty', layer: 0, lower: 0, upper: 4, width: 4, required: 4, passed: true }]);
  });

  it('keeps a region an earlier release suppressed, which is then enough on its own', async () => {
    const result = await protectLinkedTables({ catalogue, microcells, primary: ['region=almaty'], keepSuppressed: ['region=astana'], threshold: 5 });
    expect(result.suppressed).toEqual([
      { key: 'region=almaty', reason: SuppressionReason.Primary },
      { key: 'region=astana', reason: SuppressionReason.Inherited },
    ]);
  });
});
