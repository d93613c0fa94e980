import { ConditionRunner, ConditionsParser, JsonError, JsonMissingTypeErrorBase, JsonUnknownPropertyError } from 'survey-core';
import { FieldProblem, LOCALES } from '@app/core';
import {
  ANSWERABLE_TYPES,
  CHOICE_CODE_PATTERN,
  CHOICE_TYPES,
  DEFAULT_FREE_TEXT_MAX_LENGTH,
  FORBIDDEN_PAGE_PROPERTIES,
  FORBIDDEN_QUESTION_PROPERTIES,
  FORBIDDEN_SURVEY_PROPERTIES,
  FREE_TEXT_MAX_LENGTH_LIMIT,
  FREE_TEXT_TYPES,
  isAnswerableType,
  isPlainObject,
  ITEM_PROPERTIES,
  MAX_QUESTIONS,
  NAME_PATTERN,
  RATING_POINTS,
  textIn,
} from './definition-rules';
import { DIMENSION_CODES, isDimensionCode } from './dimensions';
import { problem, ProblemCode } from './instruments.errors';
import { surveyModel, surveySerializer } from './survey-model';

type Json = Record<string, unknown>;

interface ElementRef {
  field: string;
  json: Json;
  type: string;
}

interface Condition {
  field: string;
  expression: unknown;
}

/**
 * Checks a questionnaire definition (SurveyJS form JSON) before it is saved. Returns every
 * problem found, each naming the element (`survey`, `page:<name>`, `question:<name>`), the
 * property and, for translations, the locale. An empty list means the definition can be
 * answered, checked on the server and reported. Pure: no I/O, no Nest.
 */
export function validateDefinition(definition: unknown): FieldProblem[] {
  if (!isPlainObject(definition)) return [problem('survey', ProblemCode.NotAnObject)];
  surveySerializer();
  const problems: FieldProblem[] = [];
  const conditions: Condition[] = [];
  const elements: ElementRef[] = [];

  checkClassProperties('survey', 'survey', definition, problems, conditions);
  checkForbidden('survey', definition, FORBIDDEN_SURVEY_PROPERTIES, problems);
  checkText('survey.title', definition.title, true, problems);
  if (definition.locale !== undefined && !(LOCALES as readonly unknown[]).includes(definition.locale)) {
    problems.push(problem('survey.locale', ProblemCode.WrongPropertyType, { property: 'locale', expected: LOCALES.join(' | ') }));
  }

  const pages = definition.pages;
  if (!Array.isArray(pages) || pages.length === 0) {
    problems.push(problem('survey.pages', ProblemCode.PagesMissing));
    return dedupe(problems);
  }
  const pageNames = new Set<string>();
  pages.forEach((page: unknown, index) => {
    const field = named('page', page, `survey.pages[${index}]`);
    if (!isPlainObject(page)) {
      problems.push(problem(field, ProblemCode.NotAnObject));
      return;
    }
    checkName(field, page.name, pageNames, problems);
    checkClassProperties(field, 'page', page, problems, conditions);
    checkForbidden(field, page, FORBIDDEN_PAGE_PROPERTIES, problems);
    checkText(`${field}.title`, page.title, true, problems);
    if (!Array.isArray(page.elements) || page.elements.length === 0) {
      problems.push(problem(`${field}.elements`, ProblemCode.ElementsMissing));
      return;
    }
    page.elements.forEach((element: unknown, position) => {
      const elementField = named('question', element, `${field}.elements[${position}]`);
      if (!isPlainObject(element)) {
        problems.push(problem(elementField, ProblemCode.NotAnObject));
        return;
      }
      elements.push({ field: elementField, json: element, type: String(element.type) });
    });
  });

  if (elements.length > MAX_QUESTIONS) problems.push(problem('survey.pages', ProblemCode.TooManyQuestions, { max: MAX_QUESTIONS }));
  const questionNames = new Set<string>();
  const unsupported = new Set<string>();
  for (const element of elements) {
    checkName(element.field, element.json.name, questionNames, problems);
    if (isAnswerableType(element.type)) {
      checkQuestion(element, problems, conditions);
    } else {
      unsupported.add(element.field);
      problems.push(problem(`${element.field}.type`, ProblemCode.UnsupportedType, { type: element.type, supported: ANSWERABLE_TYPES.join(', ') }));
    }
  }
  checkConditions(conditions, questionNames, problems);
  // survey-core warns on the console about conditions it cannot parse; they are reported already.
  if (!problems.some((p) => p.constraint === ProblemCode.ConditionInvalid)) checkWithSurveyCore(definition, elements, unsupported, problems);
  return dedupe(problems);
}

/**
 * The definition as it is stored: free-text questions without `maxLength` get the default
 * one, so the respondent's form enforces the same limit the server does. Does not change
 * its argument.
 */
export function withDefinitionDefaults<T>(definition: T): T {
  if (!isPlainObject(definition) || !Array.isArray(definition.pages)) return definition;
  const copy = structuredClone(definition) as Json & { pages: unknown[] };
  for (const page of copy.pages) {
    if (!isPlainObject(page) || !Array.isArray(page.elements)) continue;
    for (const element of page.elements) {
      if (isPlainObject(element) && FREE_TEXT_TYPES.includes(element.type as never) && element.maxLength === undefined) {
        element.maxLength = DEFAULT_FREE_TEXT_MAX_LENGTH;
      }
    }
  }
  return copy as T;
}

function named(kind: 'page' | 'question', element: unknown, fallback: string): string {
  const name = isPlainObject(element) ? element.name : undefined;
  return typeof name === 'string' && NAME_PATTERN.test(name) ? `${kind}:${name}` : fallback;
}

function checkName(field: string, name: unknown, seen: Set<string>, problems: FieldProblem[]): void {
  if (typeof name !== 'string' || !NAME_PATTERN.test(name)) {
    problems.push(problem(`${field}.name`, ProblemCode.InvalidName));
  } else if (seen.has(name)) {
    problems.push(problem(`${field}.name`, ProblemCode.DuplicateName, { name }));
  } else {
    seen.add(name);
  }
}

function checkForbidden(field: string, json: Json, forbidden: readonly string[], problems: FieldProblem[]): void {
  for (const property of forbidden) {
    if (json[property] !== undefined) problems.push(problem(`${field}.${property}`, ProblemCode.ForbiddenProperty, { property }));
  }
}

/** A localisable string: `{ kk, ru, en }` (or `default` for kk), every one non-empty. */
function checkText(field: string, value: unknown, required: boolean, problems: FieldProblem[]): void {
  if (value === undefined) {
    if (required) problems.push(problem(field, ProblemCode.TextMissing));
    return;
  }
  const texts = typeof value === 'string' ? { default: value } : value;
  if (!isPlainObject(texts) || Object.values(texts).some((text) => typeof text !== 'string')) {
    problems.push(problem(field, ProblemCode.TextMissing));
    return;
  }
  for (const locale of LOCALES) {
    if (textIn(texts, locale) === undefined) problems.push(problem(`${field}.${locale}`, ProblemCode.TranslationMissing, { locale }));
  }
}

/**
 * What survey-core's metadata says about each property present: localisable texts must be
 * complete in the three languages, and switches, numbers and conditions must have that type.
 */
function checkClassProperties(field: string, className: string, json: Json, problems: FieldProblem[], conditions: Condition[]): void {
  for (const [key, value] of Object.entries(json)) {
    const property = surveySerializer().findProperty(className, key);
    if (!property || value === undefined) continue;
    const propertyField = `${field}.${key}`;
    if (property.isLocalizable) {
      checkText(propertyField, value, false, problems);
    } else if ((property.type === 'boolean' || property.type === 'switch') && typeof value !== 'boolean') {
      problems.push(problem(propertyField, ProblemCode.WrongPropertyType, { property: key, expected: 'boolean' }));
    } else if (property.type === 'number' && (typeof value !== 'number' || !Number.isFinite(value))) {
      problems.push(problem(propertyField, ProblemCode.WrongPropertyType, { property: key, expected: 'number' }));
    } else if (property.type === 'condition' || property.type === 'expression') {
      conditions.push({ field: propertyField, expression: value });
    }
  }
}

function checkQuestion(element: ElementRef, problems: FieldProblem[], conditions: Condition[]): void {
  const { field, json, type } = element;
  checkClassProperties(field, type, json, problems, conditions);
  checkForbidden(field, json, FORBIDDEN_QUESTION_PROPERTIES, problems);
  checkText(`${field}.title`, json.title, true, problems);

  if (json.dimension === undefined || json.dimension === '') {
    problems.push(problem(`${field}.dimension`, ProblemCode.DimensionMissing));
  } else if (!isDimensionCode(json.dimension)) {
    problems.push(problem(`${field}.dimension`, ProblemCode.DimensionUnknown, { dimension: String(json.dimension), known: DIMENSION_CODES.join(', ') }));
  }
  if (json.reverse === true && type !== 'rating') problems.push(problem(`${field}.reverse`, ProblemCode.ReverseNotRating));

  if (type === 'rating') checkRating(field, json, problems);
  if (CHOICE_TYPES.includes(type as never)) checkChoices(field, json, problems);
  if (type === 'boolean') {
    checkText(`${field}.labelTrue`, json.labelTrue, true, problems);
    checkText(`${field}.labelFalse`, json.labelFalse, true, problems);
  }
  if (FREE_TEXT_TYPES.includes(type as never)) {
    if (json.maxLength === undefined) {
      problems.push(problem(`${field}.maxLength`, ProblemCode.MaxLengthMissing, { max: FREE_TEXT_MAX_LENGTH_LIMIT }));
    } else if (!Number.isInteger(json.maxLength) || (json.maxLength as number) < 1 || (json.maxLength as number) > FREE_TEXT_MAX_LENGTH_LIMIT) {
      problems.push(problem(`${field}.maxLength`, ProblemCode.MaxLengthInvalid, { max: FREE_TEXT_MAX_LENGTH_LIMIT }));
    }
    if (type === 'text' && json.inputType !== undefined && json.inputType !== 'text') {
      problems.push(problem(`${field}.inputType`, ProblemCode.InputTypeUnsupported, { inputType: String(json.inputType) }));
    }
  }
}

function checkRating(field: string, json: Json, problems: FieldProblem[]): void {
  const scale = { min: RATING_POINTS.min, max: RATING_POINTS.max };
  if (json.rateCount !== undefined) problems.push(problem(`${field}.rateCount`, ProblemCode.ForbiddenProperty, { property: 'rateCount' }));
  if (json.rateValues !== undefined) {
    const values = checkItems(`${field}.rateValues`, json.rateValues, problems, (value) => Number.isInteger(value));
    if (!Array.isArray(json.rateValues) || json.rateValues.length < scale.min || json.rateValues.length > scale.max || values.some((v) => v === undefined)) {
      problems.push(problem(`${field}.rateValues`, ProblemCode.RatingScaleInvalid, scale));
    }
    return;
  }
  if (json.rateMin === undefined || json.rateMax === undefined) {
    problems.push(problem(field, ProblemCode.RatingScaleMissing));
    return;
  }
  const { rateMin, rateMax } = json;
  const rateStep = json.rateStep ?? 1;
  const integers = [rateMin, rateMax, rateStep].every((value) => Number.isInteger(value));
  const points = integers && (rateStep as number) > 0 ? Math.floor(((rateMax as number) - (rateMin as number)) / (rateStep as number)) + 1 : 0;
  if (!integers || points < scale.min || points > scale.max) problems.push(problem(`${field}.rateMax`, ProblemCode.RatingScaleInvalid, scale));
  // Without labelled points, the two ends must say what they mean.
  checkText(`${field}.minRateDescription`, json.minRateDescription, true, problems);
  checkText(`${field}.maxRateDescription`, json.maxRateDescription, true, problems);
}

function checkChoices(field: string, json: Json, problems: FieldProblem[]): void {
  if (!Array.isArray(json.choices) || json.choices.length < 2) {
    problems.push(problem(`${field}.choices`, ProblemCode.ChoicesMissing));
  }
  checkItems(`${field}.choices`, json.choices, problems, (value) => Number.isInteger(value) || (typeof value === 'string' && CHOICE_CODE_PATTERN.test(value)));
}

/** Choices and scale points: `{ value, text }` with a valid, unique value and a complete text. */
function checkItems(field: string, items: unknown, problems: FieldProblem[], validValue: (value: unknown) => boolean): unknown[] {
  if (!Array.isArray(items)) return [];
  const seen = new Set<unknown>();
  return items.map((item: unknown, index) => {
    const itemField = `${field}[${index}]`;
    if (!isPlainObject(item)) {
      problems.push(problem(`${itemField}.text`, ProblemCode.TextMissing));
      return undefined;
    }
    for (const key of Object.keys(item)) {
      if (!(ITEM_PROPERTIES as readonly string[]).includes(key)) problems.push(problem(`${itemField}.${key}`, ProblemCode.ForbiddenProperty, { property: key }));
    }
    checkText(`${itemField}.text`, item.text, true, problems);
    if (!validValue(item.value)) {
      problems.push(problem(`${itemField}.value`, ProblemCode.ChoiceValueInvalid));
      return undefined;
    }
    if (seen.has(item.value)) problems.push(problem(`${itemField}.value`, ProblemCode.ChoiceValueDuplicate, { value: String(item.value) }));
    seen.add(item.value);
    return item.value;
  });
}

/** Conditions (visibleIf, requiredIf) parse, and refer only to questions of this definition. */
function checkConditions(conditions: Condition[], questionNames: Set<string>, problems: FieldProblem[]): void {
  for (const { field, expression } of conditions) {
    if (typeof expression !== 'string' || expression.trim() === '' || !new ConditionsParser().parseExpression(expression)) {
      problems.push(problem(field, ProblemCode.ConditionInvalid));
      continue;
    }
    for (const variable of new ConditionRunner(expression).getVariables()) {
      const name = variable.split(/[.[]/)[0];
      if (!questionNames.has(name)) problems.push(problem(field, ProblemCode.ConditionUnknownQuestion, { name }));
    }
  }
}

/**
 * survey-core's own reading: unknown properties (its `jsonErrors`), and the scale it would
 * actually offer, which must be the one the definition declares. Unsupported types and
 * choice items are reported above, with their position.
 */
function checkWithSurveyCore(definition: Json, elements: ElementRef[], unsupported: Set<string>, problems: FieldProblem[]): void {
  let model;
  try {
    model = surveyModel(definition);
  } catch (error) {
    problems.push(problem('survey', ProblemCode.SurveyJsError, { message: (error as Error).message }));
    return;
  }
  for (const error of (model.jsonErrors ?? []) as JsonError[]) {
    const field = fieldOf(error.element);
    if (error instanceof JsonMissingTypeErrorBase || isItem(error.element) || unsupported.has(field)) continue;
    if (error instanceof JsonUnknownPropertyError) {
      problems.push(problem(`${field}.${error.propertyName}`, ProblemCode.UnknownProperty, { property: error.propertyName }));
    } else {
      problems.push(problem(field, ProblemCode.SurveyJsError, { message: error.message }));
    }
  }
  for (const { field, json, type } of elements) {
    if (type !== 'rating' || problems.some((p) => p.field.startsWith(`${field}.`) || p.field === field)) continue;
    const question = typeof json.name === 'string' ? model.getQuestionByName(json.name) : null;
    if (!question) continue;
    const declared = Array.isArray(json.rateValues)
      ? (json.rateValues as Json[]).map((item) => item.value)
      : range(json.rateMin as number, json.rateMax as number, (json.rateStep as number | undefined) ?? 1);
    const offered = (question.visibleRateValues as { value: unknown }[]).map((item) => item.value);
    if (JSON.stringify(declared) !== JSON.stringify(offered)) {
      problems.push(problem(`${field}.rateValues`, ProblemCode.RatingScaleInvalid, { min: RATING_POINTS.min, max: RATING_POINTS.max }));
    }
  }
}

function isItem(element: unknown): boolean {
  const owner = (element as { locOwner?: unknown } | undefined)?.locOwner;
  return owner !== undefined && owner !== null && owner !== element && !(element as { isQuestion?: boolean }).isQuestion;
}

function fieldOf(element: unknown): string {
  const base = element as { name?: string; isQuestion?: boolean; isPage?: boolean } | undefined;
  if (base?.isPage) return `page:${base.name}`;
  if (base?.isQuestion) return `question:${base.name}`;
  return 'survey';
}

function range(min: number, max: number, step: number): number[] {
  const values: number[] = [];
  for (let value = min; value <= max; value += step) values.push(value);
  return values;
}

function dedupe(problems: FieldProblem[]): FieldProblem[] {
  const seen = new Set<string>();
  return problems.filter((p) => {
    const key = `${p.field}\u0000${p.constraint}\u0000${p.reason}`;
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}
