import fc from 'fast-check';
import { Highs } from 'highs';
import { loadAuditSolver } from './audit';
import { Catalogue, catalogueCells, CatalogueCell, CatalogueTable, tableIdOf } from './catalogue';
import { protectLinkedTables, protectRespondentCounts, ProtectionResult } from './complementary';
import { Microcell } from './linked-tables';
import { countCellReasons, DEFAULT_THRESHOLDS } from './suppression';

/**
 * Properties of complementary suppression on random linked tables, each checked by code that
 * shares nothing with the implementation:
 *   - an independent LP (CPLEX LP text through `highs.solve`) finds every primary cell's
 *     interval at least min(threshold, width from the populations alone) wide;
 *   - public attack test 6: in every published table with published margins, no row, column
 *     or margin equation holds exactly one suppressed cell;
 *   - re-running (also with the microcells in another order) gives the identical pattern;
 *   - cells an earlier release suppressed stay suppressed.
 * Shapes: a 2-way table with its margins; a full 3-way table with all its 2-way and 1-way
 * margins; the campaign shape on 4 variables (national, one-way tables, first × each other).
 */

const THRESHOLD = 5;
type Shape = '2-way' | '3-way' | '4-way';

function shapeTables(names: string[], shape: Shape): CatalogueTable[] {
  const subsets: string[][] = [[]];
  if (shape === '3-way') {
    for (const name of names) subsets.push(...subsets.map((s) => [...s, name]));
    return subsets.sort((a, b) => a.length - b.length).map((variables) => ({ id: tableIdOf(variables), variables }));
  }
  const tables = [[], ...names.map((n) => [n]), ...names.slice(1).map((n) => [names[0], n])];
  return tables.map((variables) => ({ id: tableIdOf(variables), variables }));
}

interface Case {
  catalogue: Catalogue;
  microcells: Microcell[];
  keep: string[];
}

function caseArbitrary(shape: Shape): fc.Arbitrary<Case> {
  const variables = shape === '2-way' ? 2 : shape === '3-way' ? 3 : 4;
  return fc.array(fc.integer({ min: 2, max: shape === '2-way' ? 4 : 3 }), { minLength: variables, maxLength: variables }).chain((sizes) => {
    const names = sizes.map((_, i) => `v${i}`);
    const catalogue: Catalogue = {
      variables: sizes.map((size, i) => ({ name: names[i], categories: Array.from({ length: size }, (_, c) => `c${c}`) })),
      tables: shapeTables(names, shape),
    };
    const combos = sizes.reduce<string[][]>((acc, size) => acc.flatMap((a) => Array.from({ length: size }, (_, c) => [...a, `c${c}`])), [[]]);
    const count = fc.oneof(fc.constant(0), fc.constant(1), fc.constant(2), fc.integer({ min: 0, max: 4 }), fc.integer({ min: 0, max: 20 }));
    const micro = fc.tuple(count, fc.oneof(fc.constant(0), fc.integer({ min: 0, max: 3 }), fc.integer({ min: 0, max: 15 })));
    const keys = catalogueCells(catalogue).map((c) => c.key);
    return fc.record({
      counts: fc.array(micro, { minLength: combos.length, maxLength: combos.length }),
      keep: fc.oneof(fc.constant([] as string[]), fc.subarray(keys, { maxLength: 2 })),
    }).map(({ counts, keep }) => ({
      catalogue,
      keep,
      microcells: combos.map((combo, i) => ({
        cell: Object.fromEntries(combo.map((code, v) => [names[v], code])),
        values: [counts[i][0]],
        population: counts[i][0] + counts[i][1],
      })),
    }));
  });
}

function members(cell: CatalogueCell, microcells: readonly Microcell[]): number[] {
  return microcells.flatMap((m, i) => (Object.entries(cell.assignment).every(([name, code]) => m.cell[name] === code) ? [i] : []));
}

function total(cell: CatalogueCell, microcells: readonly Microcell[]): number {
  return members(cell, microcells).reduce((s, i) => s + microcells[i].values[0], 0);
}

function primaryKeys(c: Case): string[] {
  return catalogueCells(c.catalogue)
    .filter((cell) => {
      const n = total(cell, c.microcells);
      return n > 0 && n < THRESHOLD;
    })
    .map((cell) => cell.key);
}

/** The independent audit: the tightest interval of a cell's count, from an LP written as text. */
function independentInterval(highs: Highs, c: Case, suppressed: ReadonlySet<string>, target: CatalogueCell, publish: boolean): [number, number] {
  const x = (i: number) => `x${i}`;
  const rows = publish
    ? catalogueCells(c.catalogue)
        .filter((cell) => !suppressed.has(cell.key))
        .map((cell, r) => `r${r}: ${members(cell, c.microcells).map(x).join(' + ') || '0 x0'} = ${total(cell, c.microcells)}`)
        .filter((row) => !row.includes('0 x0 = 0'))
    : [];
  const bounds = c.microcells.map((m, i) => `0 <= ${x(i)} <= ${m.population}`);
  const objective = members(target, c.microcells).map(x).join(' + ');
  const solve = (sense: string) => {
    const lp = `${sense}\n obj: ${objective}\nSubject To\n trivial: x0 >= 0\n ${rows.join('\n ')}\nBounds\n ${bounds.join('\n ')}\nEnd`;
    const result = highs.solve(lp);
    if (result.Status !== 'Optimal') throw new Error(`independent LP: ${result.Status}`);
    return result.ObjectiveValue;
  };
  return [Math.ceil(solve('Minimize') - 1e-6), Math.floor(solve('Maximize') + 1e-6)];
}

/** Public attack test 6, generalised to every equation of a table with its margin in the catalogue. */
function loneSuppressions(catalogue: Catalogue, suppressed: ReadonlySet<string>): string[] {
  const lone: string[] = [];
  const ids = new Set(catalogue.tables.map((t) => t.id));
  const byKey = new Map(catalogueCells(catalogue).map((cell) => [cell.key, cell]));
  const keyOf = (assignment: Record<string, string>) => {
    const found = [...byKey.values()].find((cell) => {
      const names = Object.keys(cell.assignment);
      return names.length === Object.keys(assignment).length && names.every((n) => cell.assignment[n] === assignment[n]);
    });
    return found!.key;
  };
  for (const table of catalogue.tables) {
    for (const collapsed of table.variables) {
      const rest = table.variables.filter((v) => v !== collapsed);
      if (!ids.has(tableIdOf(rest))) continue;
      const categories = catalogue.variables.find((v) => v.name === collapsed)!.categories;
      const margins = catalogueCells(catalogue).filter((cell) => cell.tableId === tableIdOf(rest));
      for (const margin of margins) {
        const line = [margin.key, ...categories.map((code) => keyOf({ ...margin.assignment, [collapsed]: code }))];
        const hidden = line.filter((key) => suppressed.has(key));
        if (hidden.length === 1) lone.push(`${table.id}: ${hidden[0]} alone in ${line.join(', ')}`);
      }
    }
  }
  return lone;
}

function shuffled<T>(items: readonly T[], seed: number): T[] {
  const copy = [...items];
  let state = seed;
  for (let i = copy.length - 1; i > 0; i -= 1) {
    state = (state * 1103515245 + 12345) % 2147483648;
    const j = state % (i + 1);
    [copy[i], copy[j]] = [copy[j], copy[i]];
  }
  return copy;
}

describe.each<Shape>(['2-way', '3-way', '4-way'])('complementary suppression on random %s tables', (shape) => {
  let highs: Highs;
  beforeAll(async () => {
    highs = await loadAuditSolver();
  });

  it('passes the independent audit, leaves no suppressed cell alone, is deterministic and keeps earlier suppressions', async () => {
    await fc.assert(
      fc.asyncProperty(caseArbitrary(shape), fc.integer({ min: 1, max: 1000 }), async (c, seed) => {
        const primary = primaryKeys(c);
        const problem = { catalogue: c.catalogue, microcells: c.microcells, primary, keepSuppressed: c.keep, threshold: THRESHOLD };
        const result = await protectLinkedTables(problem, { solver: highs });
        const suppressed = new Set(result.suppressed.map((s) => s.key));

        for (const key of [...primary, ...c.keep]) expect(suppressed).toContain(key);
        expect(loneSuppressions(c.catalogue, suppressed)).toEqual([]);
        for (const key of primary) {
          const cell = catalogueCells(c.catalogue).find((x) => x.key === key)!;
          const [lower, upper] = independentInterval(highs, c, suppressed, cell, true);
          const [publicLower, publicUpper] = independentInterval(highs, c, suppressed, cell, false);
          expect(upper - lower).toBeGreaterThanOrEqual(Math.min(THRESHOLD, publicUpper - publicLower));
        }

        const again: ProtectionResult = await protectLinkedTables({ ...problem, microcells: shuffled(c.microcells, seed), primary: shuffled(primary, seed) }, { solver: highs });
        expect(JSON.stringify(again)).toBe(JSON.stringify(result));
      }),
      { numRuns: shape === '2-way' ? 40 : 25, seed: 20240611 },
    );
  });
});

describe('the respondent-count release on random 4-way tables', () => {
  it('suppresses every small and every participation-disclosing cell and passes the independent audit', async () => {
    const highs = await loadAuditSolver();
    await fc.assert(
      fc.asyncProperty(caseArbitrary('4-way'), async (c) => {
        const release = await protectRespondentCounts(
          {
            catalogue: c.catalogue,
            microcells: c.microcells.map((m) => ({ cell: m.cell, respondents: m.values[0], population: m.population })),
            thresholds: DEFAULT_THRESHOLDS,
          },
          { solver: highs },
        );
        const suppressed = new Set(release.suppressed.map((s) => s.key));
        for (const cell of catalogueCells(c.catalogue)) {
          const population = members(cell, c.microcells).reduce((s, i) => s + c.microcells[i].population, 0);
          const sensitive = countCellReasons(total(cell, c.microcells), DEFAULT_THRESHOLDS, population).length > 0;
          if (sensitive) {
            expect(suppressed).toContain(cell.key);
            const [lower, upper] = independentInterval(highs, c, suppressed, cell, true);
            const [publicLower, publicUpper] = independentInterval(highs, c, suppressed, cell, false);
            expect(upper - lower).toBeGreaterThanOrEqual(Math.min(THRESHOLD, publicUpper - publicLower));
          }
        }
        expect(loneSuppressions(c.catalogue, suppressed)).toEqual([]);
      }),
      { numRuns: 15, seed: 7 },
    );
  });
});
