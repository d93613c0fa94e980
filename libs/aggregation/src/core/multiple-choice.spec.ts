import fc from 'fast-check';
import { Highs } from 'highs';
import { loadAuditSolver } from './audit';
import { buildCatalogue, Catalogue, catalogueCells, CatalogueCell } from './catalogue';
import { ChoiceMicrocell, protectRespondentCounts } from './complementary';
import { protectMultipleChoice } from './multiple-choice';
import { validateThresholds } from './suppression';

const THRESHOLD = 5;
const thresholds = validateThresholds();
const catalogue: Catalogue = buildCatalogue([{ name: 'gender', categories: ['f', 'm'] }]);
const cells = catalogueCells(catalogue);

/** Respondents' selections (option indices) per gender, and who did not answer. */
interface Case {
  options: number;
  selection: { min: number; max: number };
  groups: { gender: string; selections: number[][]; noAnswer: number; extra: number }[];
}

function microcellsOf(c: Case): ChoiceMicrocell[] {
  return c.groups.map((g) => ({
    cell: { gender: g.gender },
    population: g.selections.length + g.noAnswer + g.extra,
    answered: g.selections.length,
    noAnswer: g.noAnswer,
    chosen: Array.from({ length: c.options }, (_, k) => g.selections.filter((s) => s.includes(k)).length),
  }));
}

async function release(c: Case, highs: Highs, within: Catalogue = catalogue) {
  const microcells = microcellsOf(c);
  const counts = await protectRespondentCounts(
    { catalogue: within, thresholds, microcells: microcells.map((m) => ({ cell: m.cell, population: m.population, respondents: m.answered + m.noAnswer })) },
    { solver: highs },
  );
  return { counts, microcells, result: await protectMultipleChoice({ catalogue: within, microcells, thresholds, selection: c.selection, countRelease: counts }, { solver: highs }) };
}

type Quantity = { kind: 'answered' } | { kind: 'chosen'; option: number } | { kind: 'notChosen'; option: number };

/**
 * An attacker's interval for a quantity of a cell, from an LP written here on its own: per
 * gender group its answered and unanswered counts and every option's count, each option at
 * most the answered count, and between `min` and `max` options per answer in total.
 */
function interval(
  highs: Highs,
  c: Case,
  microcells: ChoiceMicrocell[],
  published: { respondents: Set<string>; answered: Set<string>; options: Set<string>[] },
  target: CatalogueCell,
  q: Quantity,
  within: CatalogueCell[] = cells,
): [number, number] {
  const inCell = (cell: CatalogueCell, m: ChoiceMicrocell) => Object.entries(cell.assignment).every(([name, code]) => m.cell[name] === code);
  const term = (i: number, quantity: Quantity | { kind: 'respondents' }) =>
    quantity.kind === 'answered' ? `a${i}` : quantity.kind === 'respondents' ? `a${i} + u${i}` : quantity.kind === 'chosen' ? `c${i}_${quantity.option}` : `a${i} - c${i}_${quantity.option}`;
  const value = (cell: CatalogueCell, quantity: Quantity | { kind: 'respondents' }) =>
    microcells
      .filter((m) => inCell(cell, m))
      .reduce((s, m) => s + (quantity.kind === 'answered' ? m.answered : quantity.kind === 'respondents' ? m.answered + m.noAnswer : quantity.kind === 'chosen' ? m.chosen[quantity.option] : m.answered - m.chosen[quantity.option]), 0);
  const rows: string[] = [];
  const fix = (cell: CatalogueCell, quantity: Quantity | { kind: 'respondents' }) => {
    const members = microcells.flatMap((m, i) => (inCell(cell, m) ? [term(i, quantity)] : []));
    if (members.length > 0) rows.push(`${members.join(' + ')} = ${value(cell, quantity)}`);
  };
  for (const cell of within) {
    if (published.respondents.has(cell.key)) fix(cell, { kind: 'respondents' });
    if (published.answered.has(cell.key)) fix(cell, { kind: 'answered' });
    published.options.forEach((keys, option) => keys.has(cell.key) && fix(cell, { kind: 'chosen', option }));
  }
  const all = (i: number) => Array.from({ length: c.options }, (_, k) => `c${i}_${k}`).join(' + ');
  microcells.forEach((m, i) => {
    rows.push(`a${i} + u${i} <= ${m.population}`, `${all(i)} - ${c.selection.min} a${i} >= 0`, `${all(i)} - ${c.selection.max} a${i} <= 0`);
    for (let k = 0; k < c.options; k++) rows.push(`c${i}_${k} - a${i} <= 0`);
  });
  const objective = microcells.flatMap((m, i) => (inCell(target, m) ? [term(i, q)] : [])).join(' + ');
  const bounds = microcells.flatMap((m, i) => [`0 <= a${i} <= ${m.population}`, `0 <= u${i} <= ${m.population}`, ...Array.from({ length: c.options }, (_, k) => `0 <= c${i}_${k} <= ${m.population}`)]);
  const solve = (sense: string) => {
    const result = highs.solve(`${sense}\n obj: ${objective}\nSubject To\n ${rows.map((r, i) => `r${i}: ${r}`).join('\n ')}\nBounds\n ${bounds.join('\n ')}\nEnd`);
    if (result.Status !== 'Optimal') throw new Error(`independent LP: ${result.Status}`);
    return result.ObjectiveValue;
  };
  return [Math.ceil(solve('Minimize') - 1e-6), Math.floor(solve('Maximize') + 1e-6)];
}

const caseArbitrary: fc.Arbitrary<Case> = fc
  .integer({ min: 2, max: 4 })
  .chain((options) => fc.tuple(fc.constant(options), fc.integer({ min: 1, max: options }), fc.integer({ min: 1, max: options })))
  .chain(([options, a, b]) => {
    const selection = { min: Math.min(a, b), max: Math.max(a, b) };
    const answer = fc.uniqueArray(fc.integer({ min: 0, max: options - 1 }), { minLength: selection.min, maxLength: selection.max });
    const group = (gender: string) =>
      fc.record({ gender: fc.constant(gender), selections: fc.array(answer, { maxLength: 14 }), noAnswer: fc.integer({ min: 0, max: 2 }), extra: fc.integer({ min: 0, max: 3 }) });
    return fc.record({ options: fc.constant(options), selection: fc.constant(selection), groups: fc.tuple(group('f'), group('m')) });
  });

describe('protectMultipleChoice', () => {
  it('hides an option the other options and the selection limit would give away', async () => {
    // 40 women and 40 men, each chose exactly three of seven; one woman chose the last option.
    const women = Array.from({ length: 40 }, (_, i) => (i === 0 ? [0, 1, 6] : [i % 2, 2 + (i % 2), 4 + (i % 2)]));
    const men = Array.from({ length: 40 }, (_, i) => [i % 3, 3 + (i % 2), 5 + (i % 2)]);
    const c: Case = { options: 7, selection: { min: 1, max: 3 }, groups: [{ gender: 'f', selections: women, noAnswer: 3, extra: 5 }, { gender: 'm', selections: men, noAnswer: 3, extra: 5 }] };
    const highs = await loadAuditSolver();
    const { microcells, result } = await release(c, highs);
    const shown = (k: number, key: string) => !result.options[k].suppressed.some((s) => s.key === key);
    expect(shown(6, 'gender=f')).toBe(false);
    // Six options shown beside n would give it as 3n − their sum: at least one more is hidden.
    expect([0, 1, 2, 3, 4, 5].filter((k) => !shown(k, 'gender=f')).length).toBeGreaterThan(0);
    // No other option of the women is sensitive on its own: only the tie can hide them.
    expect(microcells[0].chosen.slice(0, 6).every((count) => count >= 19 && count <= 21)).toBe(true);
    expect(microcells[0].chosen[6]).toBe(1);
  });

  it('does not let national minus the other groups give away that every woman who answered chose an option', async () => {
    // Women all chose option 0; men and the undisclosed group mostly did. Women = national − men − undisclosed.
    const three = buildCatalogue([{ name: 'gender', categories: ['f', 'm', 'undisclosed'] }]);
    const threeCells = catalogueCells(three);
    const pick = (n: number, chooser: (i: number) => number[]) => Array.from({ length: n }, (_, i) => chooser(i));
    const c: Case = {
      options: 3,
      selection: { min: 1, max: 2 },
      groups: [
        { gender: 'f', selections: pick(20, (i) => [0, 1 + (i % 2)]), noAnswer: 4, extra: 6 },
        { gender: 'm', selections: pick(20, (i) => (i < 12 ? [0] : [1, 2])), noAnswer: 4, extra: 6 },
        { gender: 'undisclosed', selections: pick(12, (i) => (i < 6 ? [0, 2] : [1])), noAnswer: 2, extra: 4 },
      ],
    };
    const highs = await loadAuditSolver();
    const { counts, microcells, result } = await release(c, highs, three);
    expect(counts.suppressed).toEqual([]);
    const keys = (suppressed: readonly { key: string }[]) => new Set(suppressed.map((s) => s.key));
    const publishedOf = (hidden: Set<string>) => new Set(threeCells.map((cell) => cell.key).filter((key) => !hidden.has(key)));
    const published = { respondents: publishedOf(keys(counts.suppressed)), answered: publishedOf(keys(result.answered.suppressed)), options: result.options.map((o) => publishedOf(keys(o.suppressed))) };
    expect(published.options[0].has('gender=f')).toBe(false);
    const women = threeCells.find((cell) => cell.key === 'gender=f')!;
    const [lower, upper] = interval(highs, c, microcells, published, women, { kind: 'notChosen', option: 0 }, threeCells);
    expect(upper - lower).toBeGreaterThanOrEqual(THRESHOLD);
  });

  it('keeps every primary value wide enough against everything published, ties between options included', async () => {
    const highs = await loadAuditSolver();
    await fc.assert(
      fc.asyncProperty(caseArbitrary, async (c) => {
        const { counts, microcells, result } = await release(c, highs);
        const keys = (suppressed: readonly { key: string }[]) => new Set(suppressed.map((s) => s.key));
        const publishedOf = (hidden: Set<string>) => new Set(cells.map((cell) => cell.key).filter((key) => !hidden.has(key)));
        const answeredHidden = keys(result.answered.suppressed);
        for (const key of keys(counts.suppressed)) expect(answeredHidden).toContain(key);
        for (const option of result.options) for (const key of answeredHidden) expect(keys(option.suppressed)).toContain(key);
        const published = { respondents: publishedOf(keys(counts.suppressed)), answered: publishedOf(answeredHidden), options: result.options.map((o) => publishedOf(keys(o.suppressed))) };
        const nothing = { respondents: published.respondents, answered: new Set<string>(), options: [] };
        const value = (cell: CatalogueCell, q: Quantity) =>
          microcells
            .filter((m) => Object.entries(cell.assignment).every(([name, code]) => m.cell[name] === code))
            .reduce((sum, m) => sum + (q.kind === 'answered' ? m.answered : q.kind === 'chosen' ? m.chosen[q.option] : m.answered - m.chosen[q.option]), 0);
        const sensitive: { cell: CatalogueCell; q: Quantity }[] = [];
        for (const cell of cells) {
          const n = value(cell, { kind: 'answered' });
          if (n > 0 && n < thresholds.mean) sensitive.push({ cell, q: { kind: 'answered' } });
          for (let option = 0; option < c.options; option++) {
            const chosen = value(cell, { kind: 'chosen', option });
            if (n > 0 && (chosen <= 1 || chosen >= n - 1)) sensitive.push({ cell, q: { kind: 'chosen', option } }, { cell, q: { kind: 'notChosen', option } });
          }
        }
        for (const { cell, q } of sensitive) {
          const shownIn = q.kind === 'answered' ? published.answered : published.options[q.option];
          const caps = cells.filter((o) => o.key !== cell.key && shownIn.has(o.key) && Object.entries(o.assignment).every(([name, code]) => cell.assignment[name] === code)).map((o) => value(o, q));
          const [pl, pu] = interval(highs, c, microcells, nothing, cell, q);
          const [lower, upper] = interval(highs, c, microcells, published, cell, q);
          expect({ cell: cell.key, q, width: upper - lower >= Math.min(THRESHOLD, pu - pl, ...caps) }).toEqual({ cell: cell.key, q, width: true });
        }
      }),
      { numRuns: 40, seed: 42 },
    );
  }, 120_000);
});
