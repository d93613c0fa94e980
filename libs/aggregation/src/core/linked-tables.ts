import { AggregationError, AggregationErrorCode } from '../aggregation.errors';
import { assertCatalogue, Catalogue, CatalogueCell, catalogueCells, cellKeyOf, tableCells } from './catalogue';

/**
 * The linked-tables model behind complementary suppression and the audit
 * (docs/disclosure-control.md, "Audit model").
 *
 * Respondents are cross-classified by every catalogue variable into microcells (for judges
 * about 2 × 5 × 5 × 3 × 20 = 3,000 of them, most small). Every catalogue cell is the sum of
 * the microcells it contains. A microcell may carry several layers, for example one count per
 * answer category of a question; a cell is published or suppressed with all its layers.
 */

/** One microcell of the underlying cross-classification. */
export interface Microcell {
  /**
   * The category of every catalogue variable. Attributes that are not catalogue variables
   * are aggregated away (microcells that then coincide are added up).
   */
  readonly cell: Readonly<Record<string, string>>;
  /** Register population: public knowledge, an upper bound on the sum of the layers. */
  readonly population: number;
  /** Counts per layer; all microcells have the same number of layers. */
  readonly values: readonly number[];
}

export interface LinkedCell extends CatalogueCell {
  /** Indices of the (populated) microcells in this cell. */
  readonly members: readonly number[];
  readonly population: number;
  /** Sum of the members' values per layer. */
  readonly values: readonly number[];
  /** Sum over layers. */
  readonly total: number;
}

/** `parent = Σ children`: collapsing one variable of a table onto a table that is also in the catalogue. */
export interface Equation {
  readonly parent: number;
  readonly children: readonly number[];
  readonly tableId: string;
}

export interface LinkedMicrocell {
  readonly key: string;
  readonly population: number;
  readonly values: readonly number[];
}

export interface LinkedTables {
  readonly catalogue: Catalogue;
  readonly layers: number;
  /** Catalogue cells in catalogue order. */
  readonly cells: readonly LinkedCell[];
  readonly index: ReadonlyMap<string, number>;
  /** Microcells with a positive population, ordered by key. */
  readonly microcells: readonly LinkedMicrocell[];
  readonly equations: readonly Equation[];
  /** Per cell, the equations it appears in (as parent or child). */
  readonly equationsOf: readonly (readonly number[])[];
}

function inconsistent(reason: string): AggregationError {
  return new AggregationError(AggregationErrorCode.InconsistentInput, `inconsistent aggregation input: ${reason}`, { reason });
}

/** Builds the model; throws `aggregation.inconsistent-input` for unknown categories, negative counts or counts above the population. */
export function buildLinkedTables(catalogue: Catalogue, microcells: readonly Microcell[]): LinkedTables {
  assertCatalogue(catalogue);
  const layers = microcells.length === 0 ? 1 : microcells[0].values.length;
  if (layers < 1) throw inconsistent('a microcell needs at least one value');

  // Aggregate to the catalogue variables.
  const merged = new Map<string, { assignment: Record<string, string>; population: number; values: number[] }>();
  for (const microcell of microcells) {
    if (microcell.values.length !== layers) throw inconsistent('microcells with different numbers of layers');
    const assignment: Record<string, string> = {};
    for (const variable of catalogue.variables) {
      const code = microcell.cell[variable.name];
      if (code === undefined || !variable.categories.includes(code)) throw inconsistent(`microcell without a valid ${variable.name}`);
      assignment[variable.name] = code;
    }
    if (!Number.isSafeInteger(microcell.population) || microcell.population < 0) throw inconsistent('a population must be a non-negative integer');
    if (microcell.values.some((v) => !Number.isSafeInteger(v) || v < 0)) throw inconsistent('counts must be non-negative integers');
    const key = cellKeyOf(catalogue, assignment);
    const entry = merged.get(key) ?? { assignment, population: 0, values: new Array<number>(layers).fill(0) };
    entry.population += microcell.population;
    microcell.values.forEach((v, l) => (entry.values[l] += v));
    merged.set(key, entry);
  }
  const keys = [...merged.keys()].sort();
  const populated: { key: string; assignment: Record<string, string>; population: number; values: number[] }[] = [];
  for (const key of keys) {
    const entry = merged.get(key)!;
    const sum = entry.values.reduce((a, b) => a + b, 0);
    if (sum > entry.population) throw inconsistent(`more answers than population in ${key}`);
    if (entry.population > 0) populated.push({ key, ...entry });
  }

  const catalogueOrder = catalogueCells(catalogue);
  const index = new Map(catalogueOrder.map((cell, i) => [cell.key, i]));
  const members: number[][] = catalogueOrder.map(() => []);
  populated.forEach((micro, m) => {
    for (const table of catalogue.tables) {
      const restricted: Record<string, string> = {};
      for (const name of table.variables) restricted[name] = micro.assignment[name];
      members[index.get(cellKeyOf(catalogue, restricted))!].push(m);
    }
  });
  const cells: LinkedCell[] = catalogueOrder.map((cell, i) => {
    const values = new Array<number>(layers).fill(0);
    let population = 0;
    for (const m of members[i]) {
      population += populated[m].population;
      populated[m].values.forEach((v, l) => (values[l] += v));
    }
    return { ...cell, members: members[i], population, values, total: values.reduce((a, b) => a + b, 0) };
  });

  // Equations: collapse each variable of each table onto the table without it, when that table is in the catalogue.
  const byVariables = new Map(catalogue.tables.map((t) => [t.variables.join('.'), t]));
  const equations: Equation[] = [];
  for (const table of catalogue.tables) {
    for (const collapsed of table.variables) {
      const parentTable = byVariables.get(table.variables.filter((v) => v !== collapsed).join('.'));
      if (!parentTable) continue;
      const variable = catalogue.variables.find((v) => v.name === collapsed)!;
      for (const parent of tableCells(catalogue, parentTable)) {
        const children = variable.categories.map((code) => index.get(cellKeyOf(catalogue, { ...parent.assignment, [collapsed]: code }))!);
        equations.push({ parent: index.get(parent.key)!, children, tableId: table.id });
      }
    }
  }
  const equationsOf: number[][] = cells.map(() => []);
  equations.forEach((equation, e) => {
    for (const cell of [equation.parent, ...equation.children]) equationsOf[cell].push(e);
  });

  return {
    catalogue,
    layers,
    cells,
    index,
    microcells: populated.map(({ key, population, values }) => ({ key, population, values })),
    equations,
    equationsOf,
  };
}

/** The index of a cell key, or `aggregation.unknown-cell`. */
export function cellIndexOf(tables: LinkedTables, key: string): number {
  const i = tables.index.get(key);
  if (i === undefined) throw new AggregationError(AggregationErrorCode.UnknownCell, `unknown cell ${key}`, { key });
  return i;
}

/** Whether every microcell of `inner` is in `outer` (outer is a margin of inner, or the same cell). */
export function contains(tables: LinkedTables, outer: number, inner: number): boolean {
  const a = tables.cells[outer].assignment;
  const b = tables.cells[inner].assignment;
  return Object.keys(a).every((name) => b[name] === a[name]);
}

/** One release of linked tables to protect or audit. */
export interface ProtectionProblem {
  readonly catalogue: Catalogue;
  readonly microcells: readonly Microcell[];
  /** Keys of the primary (sensitive) cells; each is audited. */
  readonly primary: Iterable<string>;
  /** Keys suppressed by an earlier release of the same table: they stay suppressed. */
  readonly keepSuppressed?: Iterable<string>;
  /** The width an attacker's interval must reach for each audited value: the count threshold. */
  readonly threshold: number;
  /** Layers audited for each primary cell; default every layer. */
  readonly auditLayers?: readonly number[];
  /**
   * Whether a primary cell's layer whose true count is zero is audited (default true). Answer
   * distributions say no: "nobody in the cell answered x" is not sensitive, as a published zero
   * is not. Respondent counts say yes: a zero there can be "nobody of a known population
   * answered", the participation disclosure.
   */
  readonly auditZeroLayers?: boolean;
  /**
   * Totals over all layers that another release publishes (cell key → total), for example the
   * respondent counts a question release is linked to. The attacker knows them.
   */
  readonly knownTotals?: Readonly<Record<string, number>>;
  /**
   * Keys whose total over all layers is audited too: the primary cells of the linked count
   * release, so that the layers of this release cannot narrow what that release protects.
   * They must be suppressed here as well.
   */
  readonly auditTotals?: Iterable<string>;
}

export interface PreparedProblem {
  readonly tables: LinkedTables;
  /** Primary cell indices, in key order. */
  readonly primary: readonly number[];
  readonly keep: readonly number[];
  readonly threshold: number;
  readonly auditLayers: readonly number[];
  readonly auditZeroLayers: boolean;
  readonly knownTotals: ReadonlyMap<number, number>;
  /** Cells whose total is audited, in key order. */
  readonly auditTotals: readonly number[];
  /** Every cell with an audit target (primary or audited total), in key order. */
  readonly audited: readonly number[];
}

/** Orders cell indices by key, the tie-break of every choice (determinism). */
export function cellKeyOrder(tables: LinkedTables): (a: number, b: number) => number {
  return (a, b) => (tables.cells[a].key < tables.cells[b].key ? -1 : tables.cells[a].key > tables.cells[b].key ? 1 : 0);
}

export function prepareProblem(problem: ProtectionProblem): PreparedProblem {
  if (!Number.isSafeInteger(problem.threshold) || problem.threshold < 1) throw inconsistent('the audit threshold must be a positive integer');
  const tables = buildLinkedTables(problem.catalogue, problem.microcells);
  const indices = (keys: Iterable<string>) => [...new Set([...keys].map((key) => cellIndexOf(tables, key)))].sort(cellKeyOrder(tables));
  const auditLayers = problem.auditLayers ?? Array.from({ length: tables.layers }, (_, l) => l);
  if (auditLayers.some((l) => !Number.isInteger(l) || l < 0 || l >= tables.layers)) throw inconsistent('an audited layer does not exist');
  const knownTotals = new Map<number, number>();
  for (const [key, total] of Object.entries(problem.knownTotals ?? {})) {
    const i = cellIndexOf(tables, key);
    if (tables.cells[i].total !== total) throw inconsistent(`the known total of ${key} differs from its microcells`);
    knownTotals.set(i, total);
  }
  const primary = indices(problem.primary);
  const auditTotals = indices(problem.auditTotals ?? []);
  return {
    tables,
    primary,
    auditTotals,
    audited: [...new Set([...primary, ...auditTotals])].sort(cellKeyOrder(tables)),
    keep: indices(problem.keepSuppressed ?? []),
    threshold: problem.threshold,
    auditLayers: [...new Set(auditLayers)].sort((a, b) => a - b),
    auditZeroLayers: problem.auditZeroLayers ?? true,
    knownTotals,
  };
}
