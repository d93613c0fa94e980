import { LOCALES, Locale, LocalizedText } from '@app/core';

/**
 * What our questionnaires may contain (docs/instruments.md). Every rule here serves one
 * purpose: each answer can be checked on the server and reported without guessing.
 */

/** Question types whose answers reporting can interpret. */
export const ANSWERABLE_TYPES = ['rating', 'radiogroup', 'checkbox', 'dropdown', 'boolean', 'comment', 'text'] as const;
export type AnswerableType = (typeof ANSWERABLE_TYPES)[number];

export function isAnswerableType(type: unknown): type is AnswerableType {
  return typeof type === 'string' && (ANSWERABLE_TYPES as readonly string[]).includes(type);
}

/** Single-line (`text`) and multi-line (`comment`) free text. */
export const FREE_TEXT_TYPES: readonly AnswerableType[] = ['comment', 'text'];
export const CHOICE_TYPES: readonly AnswerableType[] = ['radiogroup', 'checkbox', 'dropdown'];

/** Question and page names become answer keys and report columns. */
export const NAME_PATTERN = /^[a-z][a-z0-9_]{0,62}$/;
/** String choice values are stored in answers and reports as codes. */
export const CHOICE_CODE_PATTERN = /^[a-z0-9][a-z0-9_-]{0,62}$/;

/** Applied on save when a free-text question declares no maxLength. */
export const DEFAULT_FREE_TEXT_MAX_LENGTH = 2000;
export const FREE_TEXT_MAX_LENGTH_LIMIT = 5000;
export const RATING_POINTS = { min: 2, max: 11 } as const;
export const MAX_QUESTIONS = 300;

/**
 * SurveyJS features that would make an answer mean something the definition does not say
 * (another key, an unlisted value, a computed or default answer, text hidden inside a
 * closed question) or that fetch or render outside content.
 */
export const FORBIDDEN_QUESTION_PROPERTIES = [
  'valueName',
  'defaultValue',
  'defaultValueExpression',
  'setValueExpression',
  'setValueIf',
  'resetValueIf',
  'correctAnswer',
  'readOnly',
  'enableIf',
  'choicesByUrl',
  'choicesFromQuestion',
  'choicesFromQuestionMode',
  'choiceValuesFromQuestion',
  'choiceTextsFromQuestion',
  'choicesVisibleIf',
  'choicesEnableIf',
  'showOtherItem',
  'hasOther',
  'showNoneItem',
  'hasNone',
  'showRefuseItem',
  'showDontKnowItem',
  'showCommentArea',
  'hasComment',
  'valueTrue',
  'valueFalse',
] as const;

export const FORBIDDEN_SURVEY_PROPERTIES = [
  'triggers',
  'calculatedValues',
  'completedHtml',
  'completedHtmlOnCondition',
  'completedBeforeHtml',
  'loadingHtml',
  'navigateToUrl',
  'navigateToUrlOnCondition',
  'cookieName',
  'surveyId',
  'surveyPostId',
  'sendResultOnPageNext',
  'clientId',
  'mode',
  'readOnly',
  'clearInvisibleValues',
  'storeOthersAsComment',
  'logo',
  'questions',
  'elements',
] as const;

export const FORBIDDEN_PAGE_PROPERTIES = ['questions', 'readOnly', 'enableIf'] as const;

/** Choice and scale item keys we accept. */
export const ITEM_PROPERTIES = ['value', 'text'] as const;

/** Text of a localisable SurveyJS string in one locale. `default` counts as Kazakh, our default locale. */
export function textIn(value: unknown, locale: Locale): string | undefined {
  if (value === null || typeof value !== 'object' || Array.isArray(value)) return undefined;
  const texts = value as Record<string, unknown>;
  const text = texts[locale] ?? (locale === 'kk' ? texts.default : undefined);
  return typeof text === 'string' && text.trim() !== '' ? text : undefined;
}

/** The kk, ru and en texts of a localisable string whose translations are complete. */
export function localizedText(value: unknown): LocalizedText {
  return Object.fromEntries(LOCALES.map((locale) => [locale, textIn(value, locale) ?? ''])) as LocalizedText;
}

export function isPlainObject(value: unknown): value is Record<string, unknown> {
  return value !== null && typeof value === 'object' && !Array.isArray(value);
}
