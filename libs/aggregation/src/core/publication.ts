import { Catalogue, catalogueCells, CatalogueCell, cellKeyOf, NATIONAL, Breakdown } from './catalogue';
import { ChoiceMicrocell, DimensionMicrocell, QuestionMicrocell, RespondentMicrocell } from './complementary';
import { GapFamilyEntry } from './gender-gap';
import { roundOutput } from './rounding';
import { addCounts, ChoiceStatistics, describeChoiceOption, describeDimension, describeLikert, dimensionMoments, DimensionStatistics, ItemStatistics, LikertScale, likertMoments, Moments } from './statistics';

/**
 * Published tables: every catalogue cell with its value, or `null` where the audited pattern
 * suppresses it. Suppressed cells carry no number at all; renderers show
 * {@link SUPPRESSION_MARKER}, the one marker of the methodology sheet.
 */

export const SUPPRESSION_MARKER = '·';

export interface PublishedCell<T> extends CatalogueCell {
  /** `null` when suppressed. */
  readonly value: T | null;
}

function matches(cell: CatalogueCell, microcell: { cell: Readonly<Record<string, string>> }): boolean {
  return Object.entries(cell.assignment).every(([name, code]) => microcell.cell[name] === code);
}

function publishCells<M extends { cell: Readonly<Record<string, string>> }, T>(
  catalogue: Catalogue,
  microcells: readonly M[],
  suppressed: Iterable<string>,
  describe: (members: M[], cell: CatalogueCell) => T,
  tableIds?: readonly string[],
): PublishedCell<T>[] {
  const hidden = new Set(suppressed);
  return catalogueCells(catalogue)
    .filter((cell) => !tableIds || tableIds.includes(cell.tableId))
    .map((cell) => ({ ...cell, value: hidden.has(cell.key) ? null : describe(microcells.filter((m) => matches(cell, m)), cell) }));
}

/** One question's statistics for every catalogue cell under the question's audited pattern. */
export function questionTable(
  catalogue: Catalogue,
  microcells: readonly QuestionMicrocell[],
  scale: LikertScale,
  suppressed: Iterable<string>,
): PublishedCell<ItemStatistics>[] {
  const points = scale.max - scale.min + 1;
  return publishCells(catalogue, microcells, suppressed, (members) =>
    describeLikert(
      addCounts(
        members.map((m) => m.distribution),
        points,
      ),
      scale,
    ),
  );
}

/**
 * One choice question for every catalogue cell: `n` and each option's count and share, under
 * the question's pattern (`suppressed`: the whole block) and, for a multiple choice, each
 * option's own pattern (`optionSuppressed`, by option).
 */
export function choiceTable(
  catalogue: Catalogue,
  microcells: readonly ChoiceMicrocell[],
  suppressed: Iterable<string>,
  optionSuppressed: readonly Iterable<string>[] = [],
): PublishedCell<ChoiceStatistics>[] {
  const optionHidden = optionSuppressed.map((keys) => new Set(keys));
  return publishCells(catalogue, microcells, suppressed, (members, cell) => {
    const n = members.reduce((sum, m) => sum + m.answered, 0);
    const chosen = addCounts(
      members.map((m) => m.chosen),
      microcells[0]?.chosen.length ?? 0,
    );
    return { n, options: chosen.map((count, option) => (optionHidden[option]?.has(cell.key) ? null : describeChoiceOption(count, n))) };
  });
}

/** One dimension's statistics for every catalogue cell under the dimension's audited pattern. */
export function dimensionTable(
  catalogue: Catalogue,
  microcells: readonly DimensionMicrocell[],
  scale: LikertScale,
  suppressed: Iterable<string>,
): PublishedCell<DimensionStatistics>[] {
  return publishCells(catalogue, microcells, suppressed, (members) =>
    describeDimension(
      members.flatMap((m) => m.scores),
      scale,
    ),
  );
}

export interface ResponseRate {
  readonly respondents: number;
  readonly population: number;
  /** respondents / population, or `null` for an empty population. */
  readonly rate: number | null;
}

/**
 * Respondent counts and response rates under the count release's pattern. By default the
 * response-rate table of the reports: national, gender, region and gender × region.
 */
export function responseRateTable(
  catalogue: Catalogue,
  microcells: readonly RespondentMicrocell[],
  suppressed: Iterable<string>,
  tableIds: readonly string[] | undefined = [NATIONAL, Breakdown.Gender, Breakdown.Region, `${Breakdown.Gender}.${Breakdown.Region}`],
): PublishedCell<ResponseRate>[] {
  return publishCells(
    catalogue,
    microcells,
    suppressed,
    (members) => {
      const respondents = members.reduce((s, m) => s + m.respondents, 0);
      const population = members.reduce((s, m) => s + m.population, 0);
      return { respondents, population, rate: population === 0 ? null : roundOutput(respondents / population) };
    },
    tableIds,
  );
}

/**
 * The gender-gap tests of one question or dimension: national (the two cells of the gender
 * table) and, for every table crossing gender with another breakdown, one per category of that
 * breakdown. Keys: `<id>|national`, `<id>|region=almaty`, … A gap is publishable only when both
 * its cells are published under `suppressed`. Feed every entry of a snapshot to
 * `genderGapFamily` together, so the Benjamini–Hochberg family is the whole snapshot.
 */
export function gapEntries<M extends { cell: Readonly<Record<string, string>> }>(
  catalogue: Catalogue,
  microcells: readonly M[],
  moments: (members: M[]) => Moments,
  suppressed: Iterable<string>,
  options: { id: string; gender?: string; women?: string; men?: string },
): GapFamilyEntry[] {
  const gender = options.gender ?? Breakdown.Gender;
  const women = options.women ?? 'f';
  const men = options.men ?? 'm';
  const hidden = new Set(suppressed);
  const entries: GapFamilyEntry[] = [];
  for (const table of catalogue.tables) {
    if (!table.variables.includes(gender)) continue;
    const others = table.variables.filter((v) => v !== gender);
    const rest: Record<string, string>[] = others.reduce<Record<string, string>[]>(
      (acc, name) => acc.flatMap((a) => catalogue.variables.find((v) => v.name === name)!.categories.map((code) => ({ ...a, [name]: code }))),
      [{}],
    );
    for (const assignment of rest) {
      const group = (code: string) => {
        const full = { ...assignment, [gender]: code };
        const members = microcells.filter((m) => Object.entries(full).every(([name, c]) => m.cell[name] === c));
        return { moments: moments(members), publishable: !hidden.has(cellKeyOf(catalogue, full)) };
      };
      entries.push({ key: `${options.id}|${cellKeyOf(catalogue, assignment)}`, women: group(women), men: group(men) });
    }
  }
  return entries;
}

/** {@link gapEntries} for a question. */
export function questionGapEntries(
  catalogue: Catalogue,
  microcells: readonly QuestionMicrocell[],
  scale: LikertScale,
  suppressed: Iterable<string>,
  options: { id: string; gender?: string; women?: string; men?: string },
): GapFamilyEntry[] {
  const points = scale.max - scale.min + 1;
  return gapEntries(
    catalogue,
    microcells,
    (members) =>
      likertMoments(
        addCounts(
          members.map((m) => m.distribution),
          points,
        ),
        scale,
      ),
    suppressed,
    options,
  );
}

/** {@link gapEntries} for a dimension. */
export function dimensionGapEntries(
  catalogue: Catalogue,
  microcells: readonly DimensionMicrocell[],
  scale: LikertScale,
  suppressed: Iterable<string>,
  options: { id: string; gender?: string; women?: string; men?: string },
): GapFamilyEntry[] {
  return gapEntries(
    catalogue,
    microcells,
    (members) =>
      dimensionMoments(
        members.flatMap((m) => m.scores),
        scale,
      ),
    suppressed,
    options,
  );
}
