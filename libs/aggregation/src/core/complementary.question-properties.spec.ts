import fc from 'fast-check';
import { Highs } from 'highs';
import { loadAuditSolver } from './audit';
import { buildCatalogue, Catalogue, catalogueCells, CatalogueCell } from './catalogue';
import { protectQuestion, protectRespondentCounts, QuestionMicrocell, SuppressionReason } from './complementary';
import { validateThresholds } from './suppression';

/**
 * Properties of question releases (layered by scale point) on random gender × court level ×
 * region tables, checked by an independent LP written as CPLEX LP text:
 *   - the question pattern contains the respondent-count pattern;
 *   - every scale point of every primary cell has an interval at least
 *     min(threshold, cap, public width) wide, where the cap is the smallest count a published
 *     cell containing it shows for that point;
 *   - every primary cell of the count release keeps a total interval of the same kind.
 */
const THRESHOLD = 5;
const POINTS = 3;

interface Case {
  catalogue: Catalogue;
  microcells: QuestionMicrocell[];
}

const caseArbitrary: fc.Arbitrary<Case> = fc.tuple(fc.integer({ min: 2, max: 3 }), fc.integer({ min: 2, max: 3 })).chain(([levels, regions]) => {
  const catalogue = buildCatalogue([
    { name: 'gender', categories: ['f', 'm'] },
    { name: 'court-level', categories: Array.from({ length: levels }, (_, i) => `l${i}`) },
    { name: 'region', categories: Array.from({ length: regions }, (_, i) => `r${i}`) },
  ]);
  const combos = ['f', 'm'].flatMap((g) => catalogue.variables[1].categories.flatMap((l) => catalogue.variables[2].categories.map((r) => ({ gender: g, 'court-level': l, region: r }))));
  const small = fc.oneof(fc.constant(0), fc.integer({ min: 0, max: 2 }), fc.integer({ min: 0, max: 6 }));
  const micro = fc.record({ distribution: fc.array(small, { minLength: POINTS, maxLength: POINTS }), noAnswer: fc.oneof(fc.constant(0), fc.integer({ min: 0, max: 1 })), extra: fc.integer({ min: 0, max: 4 }) });
  return fc.array(micro, { minLength: combos.length, maxLength: combos.length }).map((values) => ({
    catalogue,
    microcells: combos.map((cell, i) => ({
      cell,
      distribution: values[i].distribution,
      noAnswer: values[i].noAnswer,
      population: values[i].distribution.reduce((a, b) => a + b, 0) + values[i].noAnswer + values[i].extra,
    })),
  }));
});

function inCell(cell: CatalogueCell, m: QuestionMicrocell): boolean {
  return Object.entries(cell.assignment).every(([name, code]) => m.cell[name] === code);
}

function layerValue(cell: CatalogueCell, microcells: QuestionMicrocell[], layer: number): number {
  return microcells.filter((m) => inCell(cell, m)).reduce((s, m) => s + (layer < POINTS ? m.distribution[layer] : m.noAnswer), 0);
}

/** min / max of one layer (or of the total, layer = -1) of a cell, by an LP written from scratch. */
function interval(highs: Highs, c: Case, published: ReadonlySet<string>, knownTotals: ReadonlySet<string>, target: CatalogueCell, layer: number): [number, number] {
  const layers = POINTS + 1;
  const x = (m: number, l: number) => `x${m}_${l}`;
  const rows: string[] = [];
  const cells = catalogueCells(c.catalogue);
  for (const cell of cells) {
    const members = c.microcells.flatMap((m, i) => (inCell(cell, m) ? [i] : []));
    if (published.has(cell.key)) for (let l = 0; l < layers; l += 1) rows.push(`${members.map((m) => x(m, l)).join(' + ')} = ${layerValue(cell, c.microcells, l)}`);
    if (knownTotals.has(cell.key)) {
      const total = Array.from({ length: layers }, (_, l) => layerValue(cell, c.microcells, l)).reduce((a, b) => a + b, 0);
      rows.push(`${members.flatMap((m) => Array.from({ length: layers }, (_, l) => x(m, l))).join(' + ')} = ${total}`);
    }
  }
  c.microcells.forEach((m, i) => rows.push(`${Array.from({ length: layers }, (_, l) => x(i, l)).join(' + ')} <= ${m.population}`));
  const objective = c.microcells.flatMap((m, i) => (inCell(target, m) ? (layer < 0 ? Array.from({ length: layers }, (_, l) => x(i, l)) : [x(i, layer)]) : [])).join(' + ');
  const bounds = c.microcells.flatMap((m, i) => Array.from({ length: layers }, (_, l) => `0 <= ${x(i, l)} <= ${m.population}`));
  const solve = (sense: string) => {
    const result = highs.solve(`${sense}\n obj: ${objective}\nSubject To\n ${rows.map((r, i) => `c${i}: ${r}`).join('\n ')}\nBounds\n ${bounds.join('\n ')}\nEnd`);
    if (result.Status !== 'Optimal') throw new Error(`independent LP: ${result.Status}`);
    return result.ObjectiveValue;
  };
  return [Math.ceil(solve('Minimize') - 1e-6), Math.floor(solve('Maximize') + 1e-6)];
}

describe('question releases on random linked tables', () => {
  it('keep the count pattern and protect every non-zero scale point of every primary cell', async () => {
    const highs = await loadAuditSolver();
    const thresholds = validateThresholds();
    await fc.assert(
      fc.asyncProperty(caseArbitrary, async (c) => {
        const counts = await protectRespondentCounts(
          {
            catalogue: c.catalogue,
            thresholds,
            microcells: c.microcells.map((m) => ({ cell: m.cell, population: m.population, respondents: m.distribution.reduce((a, b) => a + b, 0) + m.noAnswer })),
          },
          { solver: highs },
        );
        const release = await protectQuestion({ catalogue: c.catalogue, microcells: c.microcells, scale: { min: 1, max: POINTS }, thresholds, countRelease: counts }, { solver: highs });
        const suppressed = new Set(release.suppressed.map((s) => s.key));
        const countSuppressed = new Set(counts.suppressed.map((s) => s.key));
        for (const key of countSuppressed) expect(suppressed).toContain(key);

        const cells = catalogueCells(c.catalogue);
        const published = new Set(cells.map((cell) => cell.key).filter((key) => !suppressed.has(key)));
        const knownTotals = new Set(cells.map((cell) => cell.key).filter((key) => !countSuppressed.has(key)));
        const required = (target: CatalogueCell, layer: number, value: (cell: CatalogueCell) => number) => {
          const caps = cells.filter((o) => o.key !== target.key && published.has(o.key) && Object.entries(o.assignment).every(([n, v]) => target.assignment[n] === v)).map(value);
          const [pl, pu] = interval(highs, c, new Set(), knownTotals, target, layer);
          return Math.min(THRESHOLD, pu - pl, ...caps);
        };
        for (const key of Object.keys(release.primaryReasons)) {
          const target = cells.find((cell) => cell.key === key)!;
          for (let layer = 0; layer < POINTS; layer += 1) {
            // A zero layer is not sensitive ("nobody here answered x"); the group's own layer is non-zero.
            if (layerValue(target, c.microcells, layer) === 0) continue;
            const [lower, upper] = interval(highs, c, published, knownTotals, target, layer);
            expect(upper - lower).toBeGreaterThanOrEqual(required(target, layer, (o) => layerValue(o, c.microcells, layer)));
          }
        }
        const total = (cell: CatalogueCell) => Array.from({ length: POINTS + 1 }, (_, l) => layerValue(cell, c.microcells, l)).reduce((a, b) => a + b, 0);
        for (const { key } of counts.suppressed.filter((s) => s.reason === SuppressionReason.Primary)) {
          const target = cells.find((cell) => cell.key === key)!;
          const [lower, upper] = interval(highs, c, published, knownTotals, target, -1);
          expect(upper - lower).toBeGreaterThanOrEqual(required(target, -1, total));
        }
      }),
      { numRuns: 20, seed: 42 },
    );
  });
});
