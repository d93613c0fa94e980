import { Highs } from 'highs';
import { AggregationError, AggregationErrorCode } from '../aggregation.errors';
import { loadAuditSolver } from '../core/audit';
import { Breakdown, Catalogue, catalogueCells } from '../core/catalogue';
import { protectDimension, protectQuestion, protectRespondentCounts, protectSingleChoice, ReleaseResult, SuppressedCell } from '../core/complementary';
import { genderMicrocells, protectMultipleChoice } from '../core/multiple-choice';
import { GenderGap, genderGapFamily, GapFamilyEntry } from '../core/gender-gap';
import { choiceTable, dimensionGapEntries, dimensionTable, PublishedCell, questionGapEntries, questionTable, ResponseRate, responseRateTable, SUPPRESSION_MARKER } from '../core/publication';
import { ChoiceStatistics, DimensionStatistics, ItemStatistics, LikertScale } from '../core/statistics';
import { Thresholds } from '../core/suppression';
import { isHiddenCell, SurveyMicrocells, UNDISCLOSED } from './survey-input';

/**
 * One release of a survey campaign's protected results: what the results API serves and the
 * reports render. Every number in it passed primary and complementary suppression and the LP
 * audit (docs/disclosure-control.md). It holds no primary reasons and no audit intervals of
 * single cells: which suppressed cell is the small one is exactly what complementary
 * suppression hides.
 */
export const SURVEY_SNAPSHOT_FORMAT = 'jqc-survey-snapshot/2';

/** Significance level of the gender-gap tests, after Benjamini–Hochberg adjustment. */
export const GAP_ALPHA = 0.05;

export interface SurveyQuestion {
  readonly name: string;
  readonly dimension: string;
  /** Scored `min + max − value` in its dimension. Item statistics stay on the scale as asked. */
  readonly reverse: boolean;
  readonly scale: LikertScale;
}

const CHOICE_KINDS = ['single-choice', 'multiple-choice', 'boolean'] as const;
export type ChoiceKind = (typeof CHOICE_KINDS)[number];

export function isChoiceKind(kind: string): kind is ChoiceKind {
  return (CHOICE_KINDS as readonly string[]).includes(kind);
}

/** A question answered by picking options: its option values in the question's order (yes/no: true, false). */
export interface SurveyChoiceQuestion {
  readonly name: string;
  readonly kind: ChoiceKind;
  readonly options: readonly (string | number | boolean)[];
  /** Multiple choice: how many options an answer holds, at least and at most (the form's limits; public). */
  readonly selection?: { readonly min: number; readonly max: number };
}

/** The suppressed keys of an earlier release, every one of which stays suppressed (ANONYMITY.md D). */
export interface ReleaseSuppressions {
  readonly counts: readonly string[];
  readonly questions: Readonly<Record<string, readonly string[]>>;
  readonly dimensions: Readonly<Record<string, readonly string[]>>;
  /** By {@link choiceReleaseId}: a choice question's answered counts (and a single choice's options), and each multiple-choice option. */
  readonly choices: Readonly<Record<string, readonly string[]>>;
}

/** The release of a choice question (`name`), or of option `index` of a multiple-choice question (`name#index`). */
export function choiceReleaseId(name: string, option?: number): string {
  return option === undefined ? name : `${name}#${option}`;
}

export interface SurveySnapshotInput {
  readonly campaign: { readonly id: string; readonly kind: string; readonly release: number };
  readonly thresholds: Thresholds;
  readonly catalogue: Catalogue;
  readonly questions: readonly SurveyQuestion[];
  readonly choices: readonly SurveyChoiceQuestion[];
  readonly microcells: SurveyMicrocells;
  readonly previous: ReleaseSuppressions | null;
}

export interface PublishedGap {
  readonly subject: 'question' | 'dimension';
  readonly id: string;
  /** The cell within which women and men are compared: `national` or e.g. `region=almaty`. */
  readonly within: string;
  readonly gap: GenderGap;
  readonly significant: boolean;
}

export interface SurveySnapshot {
  readonly format: typeof SURVEY_SNAPSHOT_FORMAT;
  readonly campaign: { readonly id: string; readonly kind: string; readonly release: number };
  readonly thresholds: Thresholds;
  readonly suppressionMarker: typeof SUPPRESSION_MARKER;
  /** The published catalogue: undisclosed categories are audited but not listed. */
  readonly catalogue: Catalogue;
  readonly respondents: readonly PublishedCell<ResponseRate>[];
  readonly questions: readonly { readonly name: string; readonly dimension: string; readonly reverse: boolean; readonly scale: LikertScale; readonly cells: readonly PublishedCell<ItemStatistics>[] }[];
  readonly dimensions: readonly { readonly code: string; readonly items: readonly string[]; readonly scale: LikertScale; readonly cells: readonly PublishedCell<DimensionStatistics>[] }[];
  /** Choice questions: who answered, and how many chose each option, per catalogue cell. */
  readonly choices: readonly (SurveyChoiceQuestion & { readonly cells: readonly PublishedCell<ChoiceStatistics>[] })[];
  readonly genderGaps: { readonly test: 'welch-t'; readonly correction: 'benjamini-hochberg'; readonly alpha: number; readonly gaps: readonly PublishedGap[] };
  /** Every audited suppression, hidden cells included, so a later release can keep them. */
  readonly suppressed: ReleaseSuppressions;
  readonly summary: { readonly publishedCells: number; readonly suppressedCells: number; readonly lpSolves: number };
}

/**
 * A stored survey snapshot as the current format reads it. Releases stored before choice
 * questions were published (format 1) keep their bytes; they simply published no choice
 * question, so they read as none, with nothing suppressed.
 */
export function upgradeSurveySnapshot(stored: SurveySnapshot): SurveySnapshot {
  return { ...stored, choices: stored.choices ?? [], suppressed: { ...stored.suppressed, choices: stored.suppressed.choices ?? {} } };
}

export interface SnapshotProgress {
  readonly done: number;
  readonly total: number;
}

export interface SnapshotOptions {
  readonly solver?: Highs;
  readonly progress?: (progress: SnapshotProgress) => void | Promise<void>;
}

const keysOf = (cells: readonly SuppressedCell[]) => cells.map((c) => c.key);
const visible = <T extends { assignment: Readonly<Record<string, string>> }>(cells: readonly T[]) => cells.filter((c) => !isHiddenCell(c.assignment));

/** The part of a catalogue a multiple choice is published on: national, and gender when the catalogue has it. */
function genderCatalogue(catalogue: Catalogue): Catalogue {
  const kept = (names: readonly string[]) => names.every((name) => name === Breakdown.Gender);
  return { variables: catalogue.variables.filter((v) => v.name === Breakdown.Gender), tables: catalogue.tables.filter((t) => kept(t.variables)) };
}

/** Questions grouped by dimension, in the order the dimensions first appear; every item of a dimension shares one scale. */
export function dimensionsOf(questions: readonly SurveyQuestion[]): { code: string; items: SurveyQuestion[]; scale: LikertScale }[] {
  const groups = new Map<string, SurveyQuestion[]>();
  for (const question of questions) groups.set(question.dimension, [...(groups.get(question.dimension) ?? []), question]);
  return [...groups].map(([code, items]) => {
    const { scale } = items[0];
    const other = items.find((q) => q.scale.min !== scale.min || q.scale.max !== scale.max);
    if (other) {
      throw new AggregationError(AggregationErrorCode.InconsistentInput, `dimension ${code}: ${other.name} is on another scale`, { reason: `dimension ${code} mixes scales` });
    }
    return { code, items, scale };
  });
}

/**
 * Protects, audits and publishes one release: the respondent counts (with response rates),
 * then each question and each dimension linked to them, then the gender gaps of everything
 * published as one Benjamini–Hochberg family. Deterministic: the same input gives the same
 * snapshot, whatever the order of its microcells.
 */
export async function buildSurveySnapshot(input: SurveySnapshotInput, options: SnapshotOptions = {}): Promise<SurveySnapshot> {
  const { catalogue, thresholds, previous } = input;
  const solver = options.solver ?? (await loadAuditSolver());
  const dimensions = dimensionsOf(input.questions);
  const total = 1 + input.questions.length + dimensions.length + input.choices.length;
  let done = 0;
  const step = async () => {
    done += 1;
    await options.progress?.({ done, total });
  };
  let lpSolves = 0;
  const counted = (release: ReleaseResult) => {
    lpSolves += release.audit.solves;
    return release;
  };

  const counts = counted(
    await protectRespondentCounts({ catalogue, microcells: input.microcells.respondents, thresholds, keepSuppressed: previous?.counts }, { solver }),
  );
  await step();

  const gapEntries: { subject: 'question' | 'dimension'; id: string; entries: GapFamilyEntry[] }[] = [];
  const hiddenKeys = catalogueCells(catalogue)
    .filter((c) => isHiddenCell(c.assignment))
    .map((c) => c.key);
  const questionReleases = new Map<string, ReleaseResult>();
  const questions: SurveySnapshot['questions'][number][] = [];
  for (const question of input.questions) {
    const microcells = input.microcells.questions.get(question.name)!;
    const release = counted(
      await protectQuestion(
        { catalogue, microcells, scale: question.scale, thresholds, countRelease: counts, keepSuppressed: previous?.questions[question.name] },
        { solver },
      ),
    );
    questionReleases.set(question.name, release);
    const suppressed = keysOf(release.suppressed);
    questions.push({ name: question.name, dimension: question.dimension, reverse: question.reverse, scale: question.scale, cells: visible(questionTable(catalogue, microcells, question.scale, suppressed)) });
    gapEntries.push({ subject: 'question', id: question.name, entries: questionGapEntries(catalogue, microcells, question.scale, [...suppressed, ...hiddenKeys], { id: question.name }) });
    await step();
  }

  const dimensionReleases = new Map<string, ReleaseResult>();
  const dimensionResults: SurveySnapshot['dimensions'][number][] = [];
  for (const dimension of dimensions) {
    const microcells = input.microcells.dimensions.get(dimension.code)!;
    // A one-item dimension is that item: it keeps the item's pattern. A dimension of several
    // items is a variable of its own, protected on its own scores like another question
    // (docs/disclosure-control.md, "Pipeline"); inheriting the union of many items' patterns
    // suppressed nearly every cell while protecting nothing more.
    const itemPatterns = dimension.items.length === 1 ? keysOf(questionReleases.get(dimension.items[0].name)!.suppressed) : [];
    const inherited = [...itemPatterns, ...(previous?.dimensions[dimension.code] ?? [])];
    const release = counted(
      await protectDimension({ catalogue, microcells, scale: dimension.scale, thresholds, countRelease: counts, keepSuppressed: inherited }, { solver }),
    );
    dimensionReleases.set(dimension.code, release);
    const suppressed = keysOf(release.suppressed);
    dimensionResults.push({
      code: dimension.code,
      items: dimension.items.map((q) => q.name),
      scale: dimension.scale,
      cells: visible(dimensionTable(catalogue, microcells, dimension.scale, suppressed)),
    });
    gapEntries.push({ subject: 'dimension', id: dimension.code, entries: dimensionGapEntries(catalogue, microcells, dimension.scale, [...suppressed, ...hiddenKeys], { id: dimension.code }) });
    await step();
  }

  const choiceReleases: [string, { suppressed: readonly SuppressedCell[] }][] = [];
  const choices: SurveySnapshot['choices'][number][] = [];
  for (const question of input.choices) {
    const microcells = input.microcells.choices.get(question.name)!;
    if (question.kind === 'multiple-choice') {
      // National and gender only: see core/multiple-choice.ts.
      const byGender = genderCatalogue(catalogue);
      const grouped = genderMicrocells(microcells, byGender.variables.map((v) => v.name));
      const release = await protectMultipleChoice(
        {
          catalogue: byGender,
          microcells: grouped,
          thresholds,
          selection: question.selection ?? { min: 1, max: question.options.length },
          countRelease: counts,
          keepSuppressed: { answered: previous?.choices[question.name], options: question.options.map((_, k) => previous?.choices[choiceReleaseId(question.name, k)]) },
        },
        { solver },
      );
      lpSolves += release.solves;
      choiceReleases.push([question.name, release.answered], ...release.options.map((option, k): [string, { suppressed: readonly SuppressedCell[] }] => [choiceReleaseId(question.name, k), option]));
      choices.push({ ...question, cells: visible(choiceTable(byGender, grouped, keysOf(release.answered.suppressed), release.options.map((r) => keysOf(r.suppressed)))) });
    } else {
      const release = counted(await protectSingleChoice({ catalogue, microcells, thresholds, countRelease: counts, keepSuppressed: previous?.choices[question.name] }, { solver }));
      choiceReleases.push([question.name, release]);
      choices.push({ ...question, cells: visible(choiceTable(catalogue, microcells, keysOf(release.suppressed))) });
    }
    await step();
  }

  const family = genderGapFamily(gapEntries.flatMap((g) => g.entries));
  const subjects = gapEntries.flatMap((g) => g.entries.map(() => g));
  const gaps: PublishedGap[] = family.flatMap(({ key, gap }, i) =>
    gap === null ? [] : [{ subject: subjects[i].subject, id: subjects[i].id, within: key.slice(subjects[i].id.length + 1), gap, significant: gap.pAdjusted !== null && gap.pAdjusted < GAP_ALPHA }],
  );

  const respondents = visible(responseRateTable(catalogue, input.microcells.respondents, keysOf(counts.suppressed), catalogue.tables.map((t) => t.id)));
  const published = [respondents, ...questions.map((q) => q.cells), ...dimensionResults.map((d) => d.cells), ...choices.map((c) => c.cells)].flat();
  return {
    format: SURVEY_SNAPSHOT_FORMAT,
    campaign: input.campaign,
    thresholds,
    suppressionMarker: SUPPRESSION_MARKER,
    catalogue: { variables: catalogue.variables.map((v) => ({ name: v.name, categories: v.categories.filter((c) => c !== UNDISCLOSED) })), tables: catalogue.tables },
    respondents,
    questions,
    dimensions: dimensionResults,
    choices,
    genderGaps: { test: 'welch-t', correction: 'benjamini-hochberg', alpha: GAP_ALPHA, gaps },
    suppressed: {
      counts: keysOf(counts.suppressed),
      questions: Object.fromEntries([...questionReleases].map(([name, r]) => [name, keysOf(r.suppressed)])),
      dimensions: Object.fromEntries([...dimensionReleases].map(([code, r]) => [code, keysOf(r.suppressed)])),
      choices: Object.fromEntries(choiceReleases.map(([id, release]) => [id, keysOf(release.suppressed)])),
    },
    summary: { publishedCells: published.filter((c) => c.value !== null).length, suppressedCells: published.filter((c) => c.value === null).length, lpSolves },
  };
}
