import { auditLinkedTables } from './audit';
import { buildCatalogue } from './catalogue';
import { protectRespondentCounts, SuppressionReason } from './complementary';
import { responseRateTable } from './publication';
import { PrimaryReason, validateThresholds } from './suppression';

/**
 * Scenario: respondent counts and the response-rate table (region × gender with margins).
 *
 *   responded / population   abai     almaty    astana
 *   f                        20/40    12/12     30/50     ← every woman of almaty responded
 *   m                        15/30    10/25     25/45
 *
 * The populations are public, so a published 12 next to 12 tells that each of them answered:
 * f × almaty is primary (participation). Structural pass: column almaty → m × almaty; row f →
 * f × abai (20 < 30, both can absorb a 5-unit change); row m → m × abai, which also repairs
 * column abai. Audit, x = f × almaty: f×abai = 32 − x, m×almaty = 22 − x, m×abai = 3 + x,
 * all within 0..population, and x ≤ 12: x ∈ [0, 12]. The attacker cannot tell 12 of 12.
 */
describe('respondent counts and response rates', () => {
  const catalogue = buildCatalogue([
    { name: 'gender', categories: ['f', 'm'] },
    { name: 'region', categories: ['abai', 'almaty', 'astana'] },
  ]);
  const cell = (gender: string, region: string, respondents: number, population: number) => ({ cell: { gender, region }, respondents, population });
  const microcells = [cell('f', 'abai', 20, 40), cell('f', 'almaty', 12, 12), cell('f', 'astana', 30, 50), cell('m', 'abai', 15, 30), cell('m', 'almaty', 10, 25), cell('m', 'astana', 25, 45)];

  it('suppresses full participation with its rectangle and publishes the rest as rates', async () => {
    const release = await protectRespondentCounts({ catalogue, microcells, thresholds: validateThresholds() });
    expect(release.primaryReasons).toEqual({ 'gender=f|region=almaty': [PrimaryReason.Participation] });
    expect(release.suppressed).toEqual([
      { key: 'gender=f|region=abai', reason: SuppressionReason.Complementary },
      { key: 'gender=f|region=almaty', reason: SuppressionReason.Primary },
      { key: 'gender=m|region=abai', reason: SuppressionReason.Complementary },
      { key: 'gender=m|region=almaty', reason: SuppressionReason.Complementary },
    ]);
    const exact = await auditLinkedTables(
      {
        catalogue,
        microcells: microcells.map((m) => ({ cell: m.cell, population: m.population, values: [m.respondents] })),
        primary: ['gender=f|region=almaty'],
        threshold: 5,
      },
      release.suppressed.map((s) => s.key),
    );
    expect(exact.values).toEqual([{ key: 'gender=f|region=almaty', layer: 0, lower: 0, upper: 12, width: 12, required: 5, passed: true }]);

    const table = responseRateTable(
      catalogue,
      microcells,
      release.suppressed.map((s) => s.key),
    );
    const byKey = Object.fromEntries(table.map((row) => [row.key, row.value]));
    expect(byKey['national']).toEqual({ respondents: 112, population: 202, rate: 0.5545 });
    expect(byKey['gender=f']).toEqual({ respondents: 62, population: 102, rate: 0.6078 });
    expect(byKey['region=almaty']).toEqual({ respondents: 22, population: 37, rate: 0.5946 });
    expect(byKey['gender=f|region=astana']).toEqual({ respondents: 30, population: 50, rate: 0.6 });
    expect(byKey['gender=f|region=almaty']).toBeNull();
    expect(byKey['gender=m|region=abai']).toBeNull();
    expect(table.map((row) => row.tableId)).not.toContain('region.gender');
  });
});
