import { ErrorKind, LocalizedText } from '@app/core';
import { AnswerableType, FREE_TEXT_TYPES, isPlainObject, localizedText } from './definition-rules';
import { DimensionCode } from './dimensions';
import { InstrumentsError, InstrumentsErrorCode } from './instruments.errors';
import { validateDefinition } from './validate-definition';

export type AnswerKind = 'scale' | 'single-choice' | 'multiple-choice' | 'boolean' | 'free-text';

export interface ReportingChoice {
  value: string | number | boolean;
  text: LocalizedText;
}

export interface ReportingScale {
  min: number;
  max: number;
  /** Number of points on the scale. */
  points: number;
  /** Every value a respondent can give, ascending. */
  values: number[];
  /** Texts of labelled points: every point (rateValues) or the two ends (min/max descriptions). */
  labels: ReportingChoice[];
}

export interface ReportingQuestion {
  name: string;
  page: string;
  type: AnswerableType;
  answerKind: AnswerKind;
  dimension: DimensionCode;
  /** Score as `scale.min + scale.max - value`. Only ever true for scales. */
  reverse: boolean;
  sensitive: boolean;
  /** Free text: reported only under the free-text threshold, after screening (ANONYMITY.md G). */
  freeText: boolean;
  required: boolean;
  /**
   * Shown, required or checked only under a condition (its own or its page's `visibleIf`, its
   * `requiredIf`, an expression validator). Aggregation leaves such a question out: how many answered it would tell how
   * many gave the answer that opens it, which that answer's own suppression may hide.
   */
  conditional: boolean;
  title: LocalizedText;
  scale?: ReportingScale;
  choices?: ReportingChoice[];
  minSelected?: number;
  maxSelected?: number;
  maxLength?: number;
}

const KINDS: Record<AnswerableType, AnswerKind> = {
  rating: 'scale',
  radiogroup: 'single-choice',
  dropdown: 'single-choice',
  checkbox: 'multiple-choice',
  boolean: 'boolean',
  comment: 'free-text',
  text: 'free-text',
};

type Json = Record<string, unknown>;

/**
 * What reporting needs to know of each answerable question, in the order respondents
 * see them: its dimension, reverse scoring, sensitivity, scale or choices, and whether it
 * is free text. Read from the definition alone; refuses a definition that does not
 * validate.
 */
export function reportingSchema(definition: unknown): ReportingQuestion[] {
  const problems = validateDefinition(definition);
  if (problems.length > 0) {
    throw new InstrumentsError(InstrumentsErrorCode.InvalidDefinition, ErrorKind.Invalid, 'Invalid definition', problems, { count: problems.length });
  }
  const pages = (definition as { pages: Json[] }).pages;
  return pages.flatMap((page) => (page.elements as Json[]).map((element) => describe(String(page.name), element, page.visibleIf !== undefined)));
}

function describe(page: string, json: Json, conditionalPage: boolean): ReportingQuestion {
  const type = json.type as AnswerableType;
  const question: ReportingQuestion = {
    name: String(json.name),
    page,
    type,
    answerKind: KINDS[type],
    dimension: json.dimension as DimensionCode,
    reverse: json.reverse === true,
    sensitive: json.sensitive === true,
    freeText: FREE_TEXT_TYPES.includes(type),
    required: json.isRequired === true,
    conditional: conditionalPage || json.visibleIf !== undefined || json.requiredIf !== undefined || validatorsOf(json).some((v) => v.type === 'expression'),
    title: localizedText(json.title),
  };
  if (type === 'rating') question.scale = scale(json);
  if (type === 'radiogroup' || type === 'dropdown' || type === 'checkbox') question.choices = choices(json.choices);
  if (type === 'checkbox') Object.assign(question, selectionLimits(json));
  if (type === 'boolean') {
    question.choices = [
      { value: true, text: localizedText(json.labelTrue) },
      { value: false, text: localizedText(json.labelFalse) },
    ];
  }
  if (question.freeText) question.maxLength = json.maxLength as number;
  return question;
}

function choices(items: unknown): ReportingChoice[] {
  return (items as Json[]).map((item) => ({ value: item.value as string | number, text: localizedText(item.text) }));
}

function scale(json: Json): ReportingScale {
  if (Array.isArray(json.rateValues)) {
    const labels = choices(json.rateValues).sort((a, b) => (a.value as number) - (b.value as number));
    const values = labels.map((label) => label.value as number);
    return { min: values[0], max: values[values.length - 1], points: values.length, values, labels };
  }
  const [min, max, step] = [json.rateMin as number, json.rateMax as number, (json.rateStep as number | undefined) ?? 1];
  const values: number[] = [];
  for (let value = min; value <= max; value += step) values.push(value);
  const labels: ReportingChoice[] = [];
  if (isPlainObject(json.minRateDescription)) labels.push({ value: values[0], text: localizedText(json.minRateDescription) });
  if (isPlainObject(json.maxRateDescription)) labels.push({ value: values[values.length - 1], text: localizedText(json.maxRateDescription) });
  return { min: values[0], max: values[values.length - 1], points: values.length, values, labels };
}

function validatorsOf(json: Json): { type?: unknown; minCount?: unknown; maxCount?: unknown }[] {
  return Array.isArray(json.validators) ? (json.validators as { type?: unknown }[]) : [];
}

/** How many options a checkbox answer holds, from `minSelectedChoices`/`maxSelectedChoices` and answer-count validators (the tightest wins). */
function selectionLimits(json: Json): { minSelected?: number; maxSelected?: number } {
  const positive = (value: unknown) => (typeof value === 'number' && value > 0 ? [value] : []);
  const counts = validatorsOf(json).filter((v) => v.type === 'answercount');
  const mins = [...positive(json.minSelectedChoices), ...counts.flatMap((v) => positive(v.minCount))];
  const maxes = [...positive(json.maxSelectedChoices), ...counts.flatMap((v) => positive(v.maxCount))];
  return { ...(mins.length > 0 ? { minSelected: Math.max(...mins) } : {}), ...(maxes.length > 0 ? { maxSelected: Math.min(...maxes) } : {}) };
}
