import { Highs } from 'highs';
import { AggregationError, AggregationErrorCode } from '../aggregation.errors';
import { loadAuditSolver } from './audit';
import { Catalogue, catalogueCells, CatalogueCell } from './catalogue';
import { ChoiceMicrocell, SuppressedCell, SuppressionReason } from './complementary';
import { isGroupDisclosure, statisticsSizeReasons, Thresholds, validateThresholds } from './suppression';

/**
 * The release of a multiple-choice question (docs/disclosure-control.md, "Choice questions").
 *
 * Options are not a partition (a respondent chooses several), yet they are tied together:
 * whoever answered chose at least `min` and at most `max` options, so in every group
 * `min·n ≤ Σ chosen ≤ max·n`. With "up to three of seven" and everyone choosing three, the
 * published options give the last one exactly. No release of one option at a time can see
 * that, so the question is protected and audited as a whole, by one LP over everything it
 * publishes with those ties. To keep that LP exact and small, a multiple choice is published
 * on the national and gender tables only: its microcells are the gender groups.
 *
 * Quantities of a cell: `n` (answered) and each option's count. Primary: `n` below the
 * thresholds (the whole cell); an option that all but at most one chose, or all but at most
 * one did not (that option in that cell). A table with a suppressed respondent count publishes
 * nothing (the count release bounds those groups through tables this LP does not hold). The
 * audit then proves, for every primary value, zeros included ("not one of them left it out"
 * is the group disclosure itself), an
 * interval of at least min(threshold, cap, public width), as the linked-table audit does. A
 * failing value escalates: its option in every cell of its table (a row adds up to its
 * margin), then every option of its cell (the ties), then every option of its table, then the
 * table's `n`, then the whole question. The last step publishes nothing, so the loop ends.
 */

export interface MultipleChoiceInput {
  /** National and gender tables (and any hidden gender category) only. */
  readonly catalogue: Catalogue;
  /** One per gender group (see {@link genderMicrocells}). */
  readonly microcells: readonly ChoiceMicrocell[];
  readonly thresholds: Thresholds;
  /** Options an answer holds: at least `min` (at least 1: an empty selection is no answer), at most `max`. */
  readonly selection: { readonly min: number; readonly max: number };
  /** The respondent counts' pattern: those totals are known where published, and their suppressions stay. */
  readonly countRelease: { readonly suppressed: readonly SuppressedCell[] };
  /** What earlier releases suppressed: `n` by cell key, and each option's cells. */
  readonly keepSuppressed?: { readonly answered?: Iterable<string>; readonly options?: readonly (Iterable<string> | undefined)[] };
}

export interface MultipleChoiceRelease {
  /** Cells whose `n` (and so every option) is suppressed. */
  readonly answered: { readonly suppressed: readonly SuppressedCell[] };
  /** Per option, the cells where its count is suppressed (a superset of `answered`). */
  readonly options: readonly { readonly suppressed: readonly SuppressedCell[] }[];
  readonly solves: number;
}

/** A value the audit protects: `n` of a cell, an option chosen / not chosen, or a respondent total. */
type Quantity = { kind: 'answered' } | { kind: 'respondents' } | { kind: 'chosen'; option: number } | { kind: 'notChosen'; option: number };

/** The microcells of a choice question summed per gender group: a multiple choice's catalogue has no other variable. */
export function genderMicrocells(microcells: readonly ChoiceMicrocell[], variables: readonly string[]): ChoiceMicrocell[] {
  const groups = new Map<string, { cell: Record<string, string>; population: number; answered: number; noAnswer: number; chosen: number[] }>();
  for (const m of microcells) {
    const cell = Object.fromEntries(variables.map((name) => [name, m.cell[name]]));
    const key = JSON.stringify(cell);
    const group = groups.get(key) ?? { cell, population: 0, answered: 0, noAnswer: 0, chosen: new Array<number>(m.chosen.length).fill(0) };
    group.population += m.population;
    group.answered += m.answered;
    group.noAnswer += m.noAnswer;
    m.chosen.forEach((count, k) => (group.chosen[k] += count));
    groups.set(key, group);
  }
  return [...groups.keys()].sort().map((key) => groups.get(key)!);
}

export async function protectMultipleChoice(input: MultipleChoiceInput, options: { solver?: Highs } = {}): Promise<MultipleChoiceRelease> {
  const thresholds = validateThresholds(input.thresholds);
  const count = input.microcells[0]?.chosen.length ?? 0;
  const { min, max } = input.selection;
  if (!(Number.isInteger(min) && Number.isInteger(max) && min >= 1 && max >= min && max <= count)) {
    throw new AggregationError(AggregationErrorCode.InconsistentInput, `a multiple choice of ${count} options cannot hold ${min} to ${max} of them`, { reason: 'selection limits' });
  }
  for (const m of input.microcells) {
    const total = m.chosen.reduce((a, b) => a + b, 0);
    if (m.chosen.length !== count || m.chosen.some((c) => c > m.answered) || total < min * m.answered || total > max * m.answered) {
      throw new AggregationError(AggregationErrorCode.InconsistentInput, 'a multiple choice needs one count per option, within the answers and the selection limits', {
        reason: 'multiple-choice counts',
      });
    }
  }
  const solver = options.solver ?? (await loadAuditSolver());
  const cells = catalogueCells(input.catalogue);
  const members = cells.map((cell) => input.microcells.flatMap((m, i) => (Object.entries(cell.assignment).every(([name, code]) => m.cell[name] === code) ? [i] : [])));
  const valueOf = (c: number, q: Quantity) =>
    members[c].reduce((sum, i) => {
      const m = input.microcells[i];
      if (q.kind === 'answered') return sum + m.answered;
      if (q.kind === 'respondents') return sum + m.answered + m.noAnswer;
      return sum + (q.kind === 'chosen' ? m.chosen[q.option] : m.answered - m.chosen[q.option]);
    }, 0);
  const optionIndices = Array.from({ length: count }, (_, k) => k);

  // Suppression state: `n` per cell, and each option per cell; a suppressed `n` hides the whole cell.
  const countSuppressed = new Set(input.countRelease.suppressed.map((s) => s.key));
  const countPrimary = new Set(input.countRelease.suppressed.filter((s) => s.reason === SuppressionReason.Primary).map((s) => s.key));
  const answeredHidden = new Map<number, SuppressionReason>();
  const optionHidden = optionIndices.map(() => new Map<number, SuppressionReason>());
  const hide = (target: Map<number, SuppressionReason>, c: number, reason: SuppressionReason) => {
    if (!target.has(c)) target.set(c, reason);
  };
  const targets: { cell: number; q: Quantity }[] = [];
  const earlier = new Set(input.keepSuppressed?.answered ?? []);
  // Where a group's respondent count is suppressed, the count release's other tables still
  // bound it, which this LP does not hold: nothing of that table is published then.
  const uncertainTables = new Set(cells.filter((cell) => countSuppressed.has(cell.key)).map((cell) => cell.tableId));
  cells.forEach((cell, c) => {
    if (countSuppressed.has(cell.key) || uncertainTables.has(cell.tableId) || earlier.has(cell.key)) hide(answeredHidden, c, SuppressionReason.Inherited);
    if (countPrimary.has(cell.key)) targets.push({ cell: c, q: { kind: 'respondents' } });
    const n = valueOf(c, { kind: 'answered' });
    if (statisticsSizeReasons(n, thresholds).length > 0) {
      hide(answeredHidden, c, SuppressionReason.Primary);
      targets.push({ cell: c, q: { kind: 'answered' } });
    }
    for (const k of optionIndices) {
      if (new Set(input.keepSuppressed?.options?.[k] ?? []).has(cell.key)) hide(optionHidden[k], c, SuppressionReason.Inherited);
      if (isGroupDisclosure([valueOf(c, { kind: 'notChosen', option: k }), valueOf(c, { kind: 'chosen', option: k })])) {
        hide(optionHidden[k], c, SuppressionReason.Primary);
        targets.push({ cell: c, q: { kind: 'chosen', option: k } }, { cell: c, q: { kind: 'notChosen', option: k } });
      }
    }
  });
  const optionShown = (k: number, c: number) => !answeredHidden.has(c) && !optionHidden[k].has(c);

  let solves = 0;
  const lp = (published: boolean, target: { cell: number; q: Quantity }, sense: 'Minimize' | 'Maximize'): number => {
    const rows: string[] = [];
    const sum = (c: number, q: Quantity) => members[c].map((i) => terms(i, q)).join(' + ');
    cells.forEach((cell, c) => {
      if (members[c].length === 0) return;
      if (!countSuppressed.has(cell.key)) rows.push(`${sum(c, { kind: 'respondents' })} = ${valueOf(c, { kind: 'respondents' })}`);
      if (!published || answeredHidden.has(c)) return;
      rows.push(`${sum(c, { kind: 'answered' })} = ${valueOf(c, { kind: 'answered' })}`);
      for (const k of optionIndices) if (optionShown(k, c)) rows.push(`${sum(c, { kind: 'chosen', option: k })} = ${valueOf(c, { kind: 'chosen', option: k })}`);
    });
    input.microcells.forEach((m, i) => {
      const chosen = optionIndices.map((k) => `c${i}_${k}`).join(' + ');
      rows.push(`a${i} + u${i} <= ${m.population}`, `${chosen} - ${min} a${i} >= 0`, `${chosen} - ${max} a${i} <= 0`, ...optionIndices.map((k) => `c${i}_${k} - a${i} <= 0`));
    });
    const bounds = input.microcells.flatMap((m, i) => [`0 <= a${i} <= ${m.population}`, `0 <= u${i} <= ${m.population}`, ...optionIndices.map((k) => `0 <= c${i}_${k} <= ${m.population}`)]);
    const objective = members[target.cell].map((i) => terms(i, target.q)).join(' + ');
    solves += 1;
    const result = solver.solve(`${sense}\n obj: ${objective}\nSubject To\n ${rows.map((r, i) => `r${i}: ${r}`).join('\n ')}\nBounds\n ${bounds.join('\n ')}\nEnd`);
    if (result.Status !== 'Optimal') {
      throw new AggregationError(AggregationErrorCode.AuditFailed, `multiple-choice audit: the LP ended ${result.Status}`, { reason: result.Status });
    }
    return sense === 'Minimize' ? Math.ceil(result.ObjectiveValue - 1e-6) : Math.floor(result.ObjectiveValue + 1e-6);
  };
  const width = (published: boolean, target: { cell: number; q: Quantity }) => lp(published, target, 'Maximize') - lp(published, target, 'Minimize');
  const contains = (outer: CatalogueCell, inner: CatalogueCell) => outer.key !== inner.key && Object.entries(outer.assignment).every(([name, code]) => inner.assignment[name] === code);
  const shownIn = (c: number, q: Quantity) => (q.kind === 'chosen' || q.kind === 'notChosen' ? optionShown(q.option, c) : q.kind === 'answered' ? !answeredHidden.has(c) : !countSuppressed.has(cells[c].key));
  const publicWidth = new Map<string, number>();
  const passes = (target: { cell: number; q: Quantity }) => {
    // Zeros are audited too: "not one of them left it out" is the group disclosure itself.
    const key = `${target.cell}:${JSON.stringify(target.q)}`;
    if (!publicWidth.has(key)) publicWidth.set(key, width(false, target));
    const caps = cells.flatMap((outer, o) => (contains(outer, cells[target.cell]) && shownIn(o, target.q) ? [valueOf(o, target.q)] : []));
    return width(true, target) >= Math.min(thresholds.count, publicWidth.get(key)!, ...caps);
  };

  // Escalate the cell of the first failing target until every target passes.
  for (let round = 0; ; round++) {
    const failing = targets.find((target) => !passes(target));
    if (!failing) break;
    const c = failing.cell;
    const siblings = cells.flatMap((cell, s) => (cell.tableId === cells[c].tableId ? [s] : []));
    const option = 'option' in failing.q ? failing.q.option : null;
    const hideOptions = (targets: number[], ks: number[]) => targets.forEach((t) => ks.forEach((k) => hide(optionHidden[k], t, SuppressionReason.Complementary)));
    if (option !== null && siblings.some((s) => optionShown(option, s))) hideOptions(siblings, [option]); // the row: f + m = national
    else if (optionIndices.some((k) => optionShown(k, c))) hideOptions([c], optionIndices); // the ties within the cell
    else if (siblings.some((s) => optionIndices.some((k) => optionShown(k, s)))) hideOptions(siblings, optionIndices);
    else if (siblings.some((s) => !answeredHidden.has(s))) siblings.forEach((s) => hide(answeredHidden, s, SuppressionReason.Complementary));
    else cells.forEach((_, s) => hide(answeredHidden, s, SuppressionReason.Complementary));
    if (round > (optionIndices.length + 2) * cells.length + 4) throw new AggregationError(AggregationErrorCode.AuditFailed, 'multiple-choice audit did not converge', { reason: 'no convergence' });
  }

  const suppressedOf = (hidden: ReadonlyMap<number, SuppressionReason>) =>
    [...hidden].map(([c, reason]) => ({ key: cells[c].key, reason })).sort((a, b) => (a.key < b.key ? -1 : a.key > b.key ? 1 : 0));
  return {
    answered: { suppressed: suppressedOf(answeredHidden) },
    options: optionIndices.map((k) => ({ suppressed: suppressedOf(new Map([...answeredHidden, ...optionHidden[k]].filter(([c]) => !optionShown(k, c)))) })),
    solves,
  };
}

/** The LP terms of a quantity in microcell i. */
function terms(i: number, q: Quantity): string {
  if (q.kind === 'answered') return `a${i}`;
  if (q.kind === 'respondents') return `a${i} + u${i}`;
  return q.kind === 'chosen' ? `c${i}_${q.option}` : `a${i} - c${i}_${q.option}`;
}
