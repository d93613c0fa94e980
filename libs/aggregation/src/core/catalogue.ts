import { AggregationError, AggregationErrorCode } from '../aggregation.errors';

/**
 * The fixed table catalogue of a campaign (ANONYMITY.md B; docs/disclosure-control.md,
 * "Catalogue"). Results exist only as cells of these tables: no free filter, no negation.
 *
 * Every table is a margin of one cross-classification of respondents by the breakdown
 * variables, so all tables are linked: a cell of one table is a sum of cells of a finer one.
 */

/** A breakdown variable with its ordered category codes, e.g. `region` with `abai`, `akmola`, … */
export interface BreakdownVariable {
  readonly name: string;
  readonly categories: readonly string[];
}

/** A table of the catalogue: the variables it crosses, in catalogue order. `[]` is the national table. */
export interface CatalogueTable {
  readonly id: string;
  readonly variables: readonly string[];
}

export interface Catalogue {
  readonly variables: readonly BreakdownVariable[];
  readonly tables: readonly CatalogueTable[];
}

/** One cell: a table and one category of each of its variables. */
export interface CatalogueCell {
  /** Stable key, e.g. `gender=f|region=almaty` (variables in catalogue order), or `national`. */
  readonly key: string;
  readonly tableId: string;
  readonly assignment: Readonly<Record<string, string>>;
}

/** Names of the standard breakdowns of the platform's campaigns. */
export const Breakdown = {
  Gender: 'gender',
  AgeBand: 'age-band',
  ExperienceBand: 'experience-band',
  CourtLevel: 'court-level',
  Region: 'region',
} as const;

export const NATIONAL = 'national';

const NAME = /^[a-z][a-z0-9-]*$/;
const CODE = /^[A-Za-z0-9][A-Za-z0-9_.+-]*$/;

function invalid(reason: string): AggregationError {
  return new AggregationError(AggregationErrorCode.InvalidCatalogue, `invalid catalogue: ${reason}`, { reason });
}

/** The id of the table crossing `variables` (given in catalogue order): `national`, `region`, `gender.region`. */
export function tableIdOf(variables: readonly string[]): string {
  return variables.length === 0 ? NATIONAL : variables.join('.');
}

/**
 * Checks names, codes and table definitions. Used for every catalogue, including the
 * generic ones of tests and of the peer-review diagnostic; {@link validateCampaignCatalogue}
 * adds the product rules.
 */
export function assertCatalogue(catalogue: Catalogue): void {
  const order = new Map<string, number>();
  catalogue.variables.forEach((variable, i) => {
    if (!NAME.test(variable.name)) throw invalid(`variable name "${variable.name}"`);
    if (variable.name === NATIONAL) throw invalid(`"${NATIONAL}" is reserved`);
    if (order.has(variable.name)) throw invalid(`variable "${variable.name}" twice`);
    if (variable.categories.length === 0) throw invalid(`variable "${variable.name}" has no categories`);
    if (new Set(variable.categories).size !== variable.categories.length) throw invalid(`variable "${variable.name}" repeats a category`);
    for (const code of variable.categories) if (!CODE.test(code)) throw invalid(`category code "${code}" of "${variable.name}"`);
    order.set(variable.name, i);
  });
  const ids = new Set<string>();
  for (const table of catalogue.tables) {
    const positions = table.variables.map((name) => {
      const position = order.get(name);
      if (position === undefined) throw invalid(`table "${table.id}" uses unknown variable "${name}"`);
      return position;
    });
    if (positions.some((p, i) => i > 0 && p <= positions[i - 1])) throw invalid(`table "${table.id}" must list its variables once, in catalogue order`);
    if (table.id !== tableIdOf(table.variables)) throw invalid(`table id "${table.id}" should be "${tableIdOf(table.variables)}"`);
    if (ids.has(table.id)) throw invalid(`table "${table.id}" twice`);
    ids.add(table.id);
  }
}

/**
 * The product rules of ANONYMITY.md B: the national table and every one-way table are
 * present (they are the published margins); every two-way table crosses the cross variable
 * (gender) with one other breakdown; no table has three variables; region is crossed with at
 * most one other variable.
 */
export function validateCampaignCatalogue(catalogue: Catalogue, options: { crossWith?: string; limited?: readonly string[] } = {}): void {
  assertCatalogue(catalogue);
  const crossWith = options.crossWith ?? Breakdown.Gender;
  const limited = options.limited ?? [Breakdown.Region];
  const ids = new Set(catalogue.tables.map((t) => t.id));
  if (!ids.has(NATIONAL)) throw invalid('the national table is missing');
  for (const variable of catalogue.variables) if (!ids.has(variable.name)) throw invalid(`the one-way table "${variable.name}" is missing`);
  for (const table of catalogue.tables) {
    if (table.variables.length > 2) throw invalid(`table "${table.id}" crosses more than two variables`);
    if (table.variables.length === 2 && !table.variables.includes(crossWith)) throw invalid(`table "${table.id}" does not cross ${crossWith}`);
  }
  for (const name of limited) {
    const crossings = catalogue.tables.filter((t) => t.variables.length === 2 && t.variables.includes(name)).length;
    if (crossings > 1) throw invalid(`"${name}" is crossed with more than one other variable`);
  }
}

/**
 * The catalogue of a campaign: national; each breakdown alone; `crossWith` (gender) × each
 * other breakdown. Region is then crossed with gender only. Variable order is kept as given.
 */
export function buildCatalogue(variables: readonly BreakdownVariable[], options: { crossWith?: string } = {}): Catalogue {
  const crossWith = options.crossWith ?? Breakdown.Gender;
  if (!variables.some((v) => v.name === crossWith)) throw invalid(`the cross variable "${crossWith}" is missing`);
  const names = variables.map((v) => v.name);
  const tables: CatalogueTable[] = [{ id: NATIONAL, variables: [] }];
  for (const name of names) tables.push({ id: tableIdOf([name]), variables: [name] });
  for (const name of names) {
    if (name === crossWith) continue;
    const pair = names.filter((n) => n === crossWith || n === name);
    tables.push({ id: tableIdOf(pair), variables: pair });
  }
  const catalogue: Catalogue = { variables: variables.map((v) => ({ name: v.name, categories: [...v.categories] })), tables };
  validateCampaignCatalogue(catalogue, { crossWith });
  return catalogue;
}

/** The key of a cell from its categories; variables in catalogue order, `national` for none. */
export function cellKeyOf(catalogue: Catalogue, assignment: Readonly<Record<string, string>>): string {
  const parts = catalogue.variables.filter((v) => assignment[v.name] !== undefined).map((v) => `${v.name}=${assignment[v.name]}`);
  return parts.length === 0 ? NATIONAL : parts.join('|');
}

/** Every cell of one table, the first variable's categories varying slowest. */
export function tableCells(catalogue: Catalogue, table: CatalogueTable): CatalogueCell[] {
  let assignments: Record<string, string>[] = [{}];
  for (const name of table.variables) {
    const variable = catalogue.variables.find((v) => v.name === name);
    if (!variable) throw invalid(`table "${table.id}" uses unknown variable "${name}"`);
    assignments = assignments.flatMap((a) => variable.categories.map((code) => ({ ...a, [name]: code })));
  }
  return assignments.map((assignment) => ({ key: cellKeyOf(catalogue, assignment), tableId: table.id, assignment }));
}

/** Every cell of the catalogue, table by table in catalogue order. */
export function catalogueCells(catalogue: Catalogue): CatalogueCell[] {
  assertCatalogue(catalogue);
  return catalogue.tables.flatMap((table) => tableCells(catalogue, table));
}

// ---- Requests -------------------------------------------------------------------------

/** The only shape of a results request: a catalogue table, optionally one of its cells. */
export interface TableRequest {
  readonly table: string;
  readonly cell?: string;
}

export interface ResolvedRequest {
  readonly table: CatalogueTable;
  readonly cell: CatalogueCell | null;
}

const NEGATION = /(^|[^a-z])(not|except|exclude|excluding|without)([^a-z]|$)|!|~|¬|≠|<>|^\s*-/i;
const NEGATION_FIELD = /^(not|except|exclude|excluding|without|negate|negation|others?)$/i;

function refuse(code: AggregationErrorCode, field: string, reason: string): AggregationError {
  return new AggregationError(code, reason, {}, [{ field, reason }]);
}

/**
 * Validates a results request against the catalogue. Anything but `{ table, cell? }` naming
 * a catalogue table (and one of its cells) is refused: an unknown table
 * (`aggregation.table-not-in-catalogue`), any other field or an unknown cell, which is a free
 * filter (`aggregation.filter-not-allowed`), and any "all except …" form
 * (`aggregation.negation-not-allowed`). Refusals are `forbidden`.
 */
export function resolveTableRequest(catalogue: Catalogue, request: unknown): ResolvedRequest {
  if (typeof request !== 'object' || request === null || Array.isArray(request)) {
    throw refuse(AggregationErrorCode.TableNotInCatalogue, 'table', 'a request names one catalogue table');
  }
  const fields = Object.keys(request);
  for (const field of fields) {
    if (field === 'table' || field === 'cell') continue;
    if (NEGATION_FIELD.test(field)) throw refuse(AggregationErrorCode.NegationNotAllowed, field, 'negations are not allowed');
    throw refuse(AggregationErrorCode.FilterNotAllowed, field, 'free filters are not allowed');
  }
  const { table: tableId, cell: cellKey } = request as Record<string, unknown>;
  if (typeof tableId !== 'string') throw refuse(AggregationErrorCode.TableNotInCatalogue, 'table', 'a request names one catalogue table');
  if (NEGATION.test(tableId)) throw refuse(AggregationErrorCode.NegationNotAllowed, 'table', 'negations are not allowed');
  const table = catalogue.tables.find((t) => t.id === tableId);
  if (!table) throw refuse(AggregationErrorCode.TableNotInCatalogue, 'table', 'not a table of the catalogue');
  if (cellKey === undefined) return { table, cell: null };
  if (typeof cellKey !== 'string') throw refuse(AggregationErrorCode.FilterNotAllowed, 'cell', 'free filters are not allowed');
  if (NEGATION.test(cellKey)) throw refuse(AggregationErrorCode.NegationNotAllowed, 'cell', 'negations are not allowed');
  const cell = tableCells(catalogue, table).find((c) => c.key === cellKey);
  if (!cell) throw refuse(AggregationErrorCode.FilterNotAllowed, 'cell', 'not a cell of this table');
  return { table, cell };
}
