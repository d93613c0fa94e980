import fc from 'fast-check';
import { Highs } from 'highs';
import { loadAuditSolver } from './audit';
import { buildCatalogue, Catalogue, catalogueCells, CatalogueCell } from './catalogue';
import { ChoiceMicrocell, protectMultipleChoice, protectRespondentCounts, SuppressionReason } from './complementary';
import { validateThresholds } from './suppression';

/**
 * Multiple-choice releases on random gender × court level × region tables, checked by one
 * independent LP of everything published at once, written as CPLEX LP text. Per microcell it
 * has the answered and unanswered counts and every option's count, each option at most the
 * answered count (options overlap, so they are not layers of one partition):
 *   - every option pattern contains the answered pattern, which contains the count pattern;
 *   - for every primary cell of every option, the chosen and the not-chosen counts keep an
 *     interval at least min(threshold, cap, public width) wide;
 *   - so does the answered count of every primary cell of the answered release.
 */
const THRESHOLD = 5;
const OPTIONS = 3;

interface Case {
  catalogue: Catalogue;
  microcells: ChoiceMicrocell[];
}

const caseArbitrary: fc.Arbitrary<Case> = fc.tuple(fc.integer({ min: 2, max: 3 }), fc.integer({ min: 2, max: 3 })).chain(([levels, regions]) => {
  const catalogue = buildCatalogue([
    { name: 'gender', categories: ['f', 'm'] },
    { name: 'court-level', categories: Array.from({ length: levels }, (_, i) => `l${i}`) },
    { name: 'region', categories: Array.from({ length: regions }, (_, i) => `r${i}`) },
  ]);
  const combos = ['f', 'm'].flatMap((g) => catalogue.variables[1].categories.flatMap((l) => catalogue.variables[2].categories.map((r) => ({ gender: g, 'court-level': l, region: r }))));
  const micro = fc
    .record({ answered: fc.oneof(fc.constant(0), fc.integer({ min: 0, max: 3 }), fc.integer({ min: 0, max: 8 })), noAnswer: fc.integer({ min: 0, max: 1 }), extra: fc.integer({ min: 0, max: 4 }), shares: fc.array(fc.double({ min: 0, max: 1, noNaN: true }), { minLength: OPTIONS, maxLength: OPTIONS }) })
    .map(({ answered, noAnswer, extra, shares }) => ({ answered, noAnswer, extra, chosen: shares.map((s) => Math.round(s * answered)) }));
  return fc.array(micro, { minLength: combos.length, maxLength: combos.length }).map((values) => ({
    catalogue,
    microcells: combos.map((cell, i) => ({ cell, answered: values[i].answered, noAnswer: values[i].noAnswer, chosen: values[i].chosen, population: values[i].answered + values[i].noAnswer + values[i].extra })),
  }));
});

function inCell(cell: CatalogueCell, m: ChoiceMicrocell): boolean {
  return Object.entries(cell.assignment).every(([name, code]) => m.cell[name] === code);
}

/** A count of a cell: answered, unanswered, respondents, or option k chosen / not chosen. */
type Quantity = { kind: 'answered' } | { kind: 'noAnswer' } | { kind: 'respondents' } | { kind: 'chosen'; option: number } | { kind: 'notChosen'; option: number };

function valueOf(cell: CatalogueCell, microcells: ChoiceMicrocell[], q: Quantity): number {
  return microcells
    .filter((m) => inCell(cell, m))
    .reduce((s, m) => {
      if (q.kind === 'answered') return s + m.answered;
      if (q.kind === 'noAnswer') return s + m.noAnswer;
      if (q.kind === 'respondents') return s + m.answered + m.noAnswer;
      return s + (q.kind === 'chosen' ? m.chosen[q.option] : m.answered - m.chosen[q.option]);
    }, 0);
}

/** The LP terms of a quantity in microcell i. */
function terms(i: number, q: Quantity): string {
  if (q.kind === 'answered') return `a${i}`;
  if (q.kind === 'noAnswer') return `u${i}`;
  if (q.kind === 'respondents') return `a${i} + u${i}`;
  return q.kind === 'chosen' ? `c${i}_${q.option}` : `a${i} - c${i}_${q.option}`;
}

interface Published {
  respondents: ReadonlySet<string>;
  answered: ReadonlySet<string>;
  options: readonly ReadonlySet<string>[];
}

/** min / max of a quantity of a cell given everything published. */
function interval(highs: Highs, c: Case, published: Published, target: CatalogueCell, q: Quantity): [number, number] {
  const rows: string[] = [];
  const fix = (cell: CatalogueCell, quantity: Quantity) => {
    const members = c.microcells.flatMap((m, i) => (inCell(cell, m) ? [i] : []));
    if (members.length > 0) rows.push(`${members.map((i) => terms(i, quantity)).join(' + ')} = ${valueOf(cell, c.microcells, quantity)}`);
  };
  for (const cell of catalogueCells(c.catalogue)) {
    if (published.respondents.has(cell.key)) fix(cell, { kind: 'respondents' });
    if (published.answered.has(cell.key)) fix(cell, { kind: 'answered' });
    published.options.forEach((keys, option) => keys.has(cell.key) && fix(cell, { kind: 'chosen', option }));
  }
  c.microcells.forEach((m, i) => {
    rows.push(`a${i} + u${i} <= ${m.population}`);
    for (let k = 0; k < OPTIONS; k++) rows.push(`c${i}_${k} - a${i} <= 0`);
  });
  const objective = c.microcells.flatMap((m, i) => (inCell(target, m) ? [terms(i, q)] : [])).join(' + ');
  const bounds = c.microcells.flatMap((m, i) => [`0 <= a${i} <= ${m.population}`, `0 <= u${i} <= ${m.population}`, ...Array.from({ length: OPTIONS }, (_, k) => `0 <= c${i}_${k} <= ${m.population}`)]);
  const solve = (sense: string) => {
    const result = highs.solve(`${sense}\n obj: ${objective}\nSubject To\n ${rows.map((r, i) => `r${i}: ${r}`).join('\n ')}\nBounds\n ${bounds.join('\n ')}\nEnd`);
    if (result.Status !== 'Optimal') throw new Error(`independent LP: ${result.Status}`);
    return result.ObjectiveValue;
  };
  return [Math.ceil(solve('Minimize') - 1e-6), Math.floor(solve('Maximize') + 1e-6)];
}

describe('multiple-choice releases on random linked tables', () => {
  it('nest their patterns and keep every primary option count and answered count of every primary cell wide enough, all options published at once', async () => {
    const highs = await loadAuditSolver();
    const thresholds = validateThresholds();
    await fc.assert(
      fc.asyncProperty(caseArbitrary, async (c) => {
        const counts = await protectRespondentCounts(
          { catalogue: c.catalogue, thresholds, microcells: c.microcells.map((m) => ({ cell: m.cell, population: m.population, respondents: m.answered + m.noAnswer })) },
          { solver: highs },
        );
        const releases = await protectMultipleChoice({ catalogue: c.catalogue, microcells: c.microcells, thresholds, countRelease: counts }, { solver: highs });
        const keys = (suppressed: readonly { key: string }[]) => new Set(suppressed.map((s) => s.key));
        const [countSuppressed, answeredSuppressed] = [keys(counts.suppressed), keys(releases.answered.suppressed)];
        for (const key of countSuppressed) expect(answeredSuppressed).toContain(key);
        for (const option of releases.options) for (const key of answeredSuppressed) expect(keys(option.suppressed)).toContain(key);

        const cells = catalogueCells(c.catalogue);
        const publishedOf = (suppressed: ReadonlySet<string>) => new Set(cells.map((cell) => cell.key).filter((key) => !suppressed.has(key)));
        const published: Published = { respondents: publishedOf(countSuppressed), answered: publishedOf(answeredSuppressed), options: releases.options.map((r) => publishedOf(keys(r.suppressed))) };
        const nothingOfTheQuestion: Published = { respondents: published.respondents, answered: new Set(), options: [] };
        const expectWide = (target: CatalogueCell, q: Quantity, shownIn: ReadonlySet<string>) => {
          if (valueOf(target, c.microcells, q) === 0) return; // "nobody here chose it" is not sensitive, as a published zero is not
          const caps = cells.filter((o) => o.key !== target.key && shownIn.has(o.key) && Object.entries(o.assignment).every(([n, v]) => target.assignment[n] === v)).map((o) => valueOf(o, c.microcells, q));
          const [pl, pu] = interval(highs, c, nothingOfTheQuestion, target, q);
          const [lower, upper] = interval(highs, c, published, target, q);
          expect(upper - lower).toBeGreaterThanOrEqual(Math.min(THRESHOLD, pu - pl, ...caps));
        };
        for (const key of Object.keys(releases.answered.primaryReasons)) expectWide(cells.find((cell) => cell.key === key)!, { kind: 'answered' }, published.answered);
        releases.options.forEach((release, option) => {
          for (const key of Object.keys(release.primaryReasons)) {
            const target = cells.find((cell) => cell.key === key)!;
            expectWide(target, { kind: 'chosen', option }, published.options[option]);
            expectWide(target, { kind: 'notChosen', option }, published.options[option]);
          }
        });
        expect(counts.suppressed.every((s) => s.reason !== SuppressionReason.Primary || answeredSuppressed.has(s.key))).toBe(true);
      }),
      { numRuns: 12, seed: 42 },
    );
  });
});
