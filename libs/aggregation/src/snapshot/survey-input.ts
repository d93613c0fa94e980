import { AggregationError, AggregationErrorCode } from '../aggregation.errors';
import { BreakdownVariable, Catalogue, cellKeyOf, tableIdOf, validateCampaignCatalogue } from '../core/catalogue';
import { ChoiceMicrocell, DimensionMicrocell, QuestionMicrocell, RespondentMicrocell } from '../core/complementary';
import { DimensionScore, LikertScale } from '../core/statistics';

/**
 * From the grouped counts the response reader returns to the microcells of the core
 * (docs/disclosure-control.md, "Pipeline"). Pure: the job service does the reading.
 *
 * Responses carry *coarsened* attributes: null where a rare combination had one dropped
 * (ANONYMITY.md E). Null becomes the category {@link UNDISCLOSED} of that variable. Its cells
 * take part in every margin and in the audit like any other cell, so national is still the
 * sum of the regions and the linked tables stay consistent, but they are never published:
 * see {@link isHiddenCell}.
 */
export const UNDISCLOSED = 'undisclosed';

/** Attributes stored with responses, by breakdown variable name (`gender`, `age-band`, …); null where dropped. */
export type StoredAttributes = Readonly<Record<string, string | null>>;

export interface SurveyGroups {
  readonly population: readonly { attributes: StoredAttributes; population: number }[];
  readonly respondents: readonly { attributes: StoredAttributes; respondents: number }[];
  /** Per question: how many respondents gave each value (null: no answer). */
  readonly answers: readonly { attributes: StoredAttributes; question: string; value: number | null; count: number }[];
  /** Per dimension: how many respondents have the score sum / answered (answered 0: no score). */
  readonly scores: readonly { attributes: StoredAttributes; dimension: string; sum: number; answered: number; count: number }[];
  /** Per choice question: how many respondents answered it. */
  readonly choiceAnswered: readonly { attributes: StoredAttributes; question: string; count: number }[];
  /** Per choice question and option (its index): how many respondents chose it. */
  readonly choiceChosen: readonly { attributes: StoredAttributes; question: string; option: number; count: number }[];
}

export interface SurveyMicrocells {
  readonly respondents: RespondentMicrocell[];
  readonly questions: ReadonlyMap<string, QuestionMicrocell[]>;
  readonly dimensions: ReadonlyMap<string, DimensionMicrocell[]>;
  readonly choices: ReadonlyMap<string, ChoiceMicrocell[]>;
}

/**
 * The campaign's catalogue (its tables were fixed at launch) with the categories of each
 * variable: the known ones in their order (bands as defined, regions by code), any other
 * value found in the population, and {@link UNDISCLOSED} when coarsening dropped the variable
 * for someone.
 */
export function surveyCatalogue(
  tables: readonly (readonly string[])[],
  knownCategories: Readonly<Record<string, readonly string[]>>,
  population: readonly { attributes: StoredAttributes }[],
): Catalogue {
  const names = [...new Set(tables.flat())];
  const order = Object.keys(knownCategories);
  names.sort((a, b) => order.indexOf(a) - order.indexOf(b));
  const variables: BreakdownVariable[] = names.map((name) => {
    const values = population.map((p) => p.attributes[name] ?? null);
    const known = knownCategories[name] ?? [];
    const others = [...new Set(values.filter((v): v is string => v !== null && !known.includes(v)))].sort();
    return { name, categories: [...known, ...others, ...(values.includes(null) ? [UNDISCLOSED] : [])] };
  });
  const catalogue: Catalogue = {
    variables,
    tables: tables.map((variables) => {
      const ordered = [...variables].sort((a, b) => names.indexOf(a) - names.indexOf(b));
      return { id: tableIdOf(ordered), variables: ordered };
    }),
  };
  validateCampaignCatalogue(catalogue);
  return catalogue;
}

/** A cell that involves an undisclosed category: audited with the others, never published. */
export function isHiddenCell(assignment: Readonly<Record<string, string>>): boolean {
  return Object.values(assignment).includes(UNDISCLOSED);
}

function inconsistent(reason: string): AggregationError {
  return new AggregationError(AggregationErrorCode.InconsistentInput, `inconsistent survey groups: ${reason}`, { reason });
}

/**
 * Microcells of the respondent counts, of each question and of each dimension. Attributes that
 * are not catalogue variables are aggregated away. Every answer must fall in a group of the
 * population: a response outside it means the reader and the register disagree, and nothing
 * is published.
 */
export function surveyMicrocells(
  catalogue: Catalogue,
  groups: SurveyGroups,
  questions: readonly { name: string; scale: LikertScale }[],
  dimensions: readonly string[],
  choices: readonly { name: string; kind: string; options: readonly unknown[] }[],
): SurveyMicrocells {
  const cellOf = (attributes: StoredAttributes) => Object.fromEntries(catalogue.variables.map((v) => [v.name, attributes[v.name] ?? UNDISCLOSED]));
  const keyOf = (attributes: StoredAttributes) => cellKeyOf(catalogue, cellOf(attributes));

  const cells = new Map<string, { cell: Record<string, string>; population: number; respondents: number }>();
  for (const group of groups.population) {
    const key = keyOf(group.attributes);
    const entry = cells.get(key) ?? { cell: cellOf(group.attributes), population: 0, respondents: 0 };
    entry.population += group.population;
    cells.set(key, entry);
  }
  const member = (attributes: StoredAttributes) => {
    const key = keyOf(attributes);
    if (!cells.has(key)) throw inconsistent(`responses in ${key}, which has no register population`);
    return key;
  };
  for (const group of groups.respondents) cells.get(member(group.attributes))!.respondents += group.respondents;
  const keys = [...cells.keys()].sort();

  const scales = new Map(questions.map((q) => [q.name, q.scale]));
  const distributions = new Map<string, Map<string, { distribution: number[]; noAnswer: number }>>();
  for (const question of questions) {
    const points = question.scale.max - question.scale.min + 1;
    distributions.set(question.name, new Map(keys.map((key) => [key, { distribution: new Array<number>(points).fill(0), noAnswer: 0 }])));
  }
  for (const row of groups.answers) {
    const scale = scales.get(row.question);
    if (!scale) continue;
    const entry = distributions.get(row.question)!.get(member(row.attributes))!;
    if (row.value === null) entry.noAnswer += row.count;
    else if (Number.isInteger(row.value) && row.value >= scale.min && row.value <= scale.max) entry.distribution[row.value - scale.min] += row.count;
    else throw inconsistent(`question ${row.question} has the answer ${row.value} outside its scale`);
  }

  const scores = new Map(dimensions.map((d) => [d, new Map(keys.map((key) => [key, { scores: [] as DimensionScore[], noScore: 0 }]))]));
  for (const row of groups.scores) {
    const entry = scores.get(row.dimension)?.get(member(row.attributes));
    if (!entry) continue;
    if (row.answered === 0) {
      entry.noScore += row.count;
      continue;
    }
    // Each distinct score once, with its count: memory does not grow with the respondents.
    entry.scores.push({ sum: row.sum, answered: row.answered, count: row.count });
  }

  const answers = new Map(choices.map((q) => [q.name, new Map(keys.map((key) => [key, { answered: 0, chosen: new Array<number>(q.options.length).fill(0) }]))]));
  for (const row of groups.choiceAnswered) {
    const entry = answers.get(row.question)?.get(member(row.attributes));
    if (entry) entry.answered += row.count;
  }
  for (const row of groups.choiceChosen) {
    const entry = answers.get(row.question)?.get(member(row.attributes));
    if (!entry) continue;
    if (!Number.isInteger(row.option) || row.option < 0 || row.option >= entry.chosen.length) throw inconsistent(`question ${row.question} has no option ${row.option}`);
    entry.chosen[row.option] += row.count;
  }
  for (const question of choices) {
    for (const [key, entry] of answers.get(question.name)!) {
      const chosen = entry.chosen.reduce((a, b) => a + b, 0);
      // A single choice is one option per answer; any other value would be an answer the form cannot give.
      if (question.kind !== 'multiple-choice' && chosen !== entry.answered) throw inconsistent(`question ${question.name} in ${key}: ${entry.answered} answers, ${chosen} of them an option`);
      if (entry.answered > cells.get(key)!.respondents) throw inconsistent(`question ${question.name} in ${key}: more answers than respondents`);
    }
  }

  const base = keys.map((key) => cells.get(key)!);
  return {
    respondents: base.map((c) => ({ cell: c.cell, population: c.population, respondents: c.respondents })),
    questions: new Map(
      questions.map((q) => [q.name, keys.map((key, i) => ({ cell: base[i].cell, population: base[i].population, ...distributions.get(q.name)!.get(key)! }))]),
    ),
    dimensions: new Map(dimensions.map((d) => [d, keys.map((key, i) => ({ cell: base[i].cell, population: base[i].population, ...scores.get(d)!.get(key)! }))])),
    choices: new Map(
      choices.map((q) => [
        q.name,
        keys.map((key, i) => {
          const { answered, chosen } = answers.get(q.name)!.get(key)!;
          return { cell: base[i].cell, population: base[i].population, answered, noAnswer: base[i].respondents - answered, chosen };
        }),
      ]),
    ),
  };
}
