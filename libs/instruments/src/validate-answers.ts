import { Question } from 'survey-core';
import { FieldProblem } from '@app/core';
import { DEFAULT_FREE_TEXT_MAX_LENGTH, FREE_TEXT_TYPES, isAnswerableType, isPlainObject } from './definition-rules';
import { problem, ProblemCode } from './instruments.errors';
import { surveyModel } from './survey-model';

export type AnswerValue = number | string | boolean | (string | number)[];
export type Answers = Record<string, AnswerValue>;

export interface AnswerCheck {
  /** One problem per question at most, naming it; empty when the answers may be stored. */
  problems: FieldProblem[];
  /** The answers to store: known questions, well typed, with empty answers left out. */
  answers: Answers;
}

/**
 * Checks submitted answers against a stored definition, the single source of every rule:
 * survey-core evaluates what it knows (required, requiredIf, visibleIf, validators), and
 * this adds what it leaves to the browser (unknown questions, wrong types, values outside
 * the declared scale or choices, too many choices, over-long text, answers to hidden
 * questions). Pure: no I/O, no Nest.
 */
export function validateAnswers(definition: object, submitted: unknown): AnswerCheck {
  return answerValidator(definition)(submitted);
}

/**
 * The same check with the definition loaded once, for checking many submissions against
 * one version. Synchronous, so one validator may serve concurrent requests.
 */
export function answerValidator(definition: object): (submitted: unknown) => AnswerCheck {
  const model = surveyModel(definition);
  const questions = new Map(model.getAllQuestions().map((question) => [question.name, question] as const));

  return (submitted) => {
    if (!isPlainObject(submitted)) return { problems: [problem('answers', ProblemCode.AnswersNotAnObject)], answers: {} };
    const problems = new Map<string, FieldProblem>();
    const answers: Answers = {};
    for (const [name, value] of Object.entries(submitted)) {
      const question = questions.get(name);
      if (!question || !isAnswerableType(question.getType())) {
        problems.set(name, problem(name, ProblemCode.UnknownQuestion));
        continue;
      }
      if (isEmpty(value)) continue;
      const found = checkValue(question, value);
      if (found) problems.set(name, found);
      else answers[name] = value as AnswerValue;
    }

    // Conditions read other answers: evaluate them only on answers that are well formed.
    if (problems.size > 0) return { problems: [...problems.values()], answers: {} };
    model.data = answers;
    for (const [name, question] of questions) {
      if (problems.has(name)) continue;
      if (!question.isVisibleInSurvey) {
        if (name in answers) problems.set(name, problem(name, ProblemCode.NotShown));
        continue;
      }
      if (question.validate(true)) continue;
      const [error] = question.errors;
      problems.set(
        name,
        error?.getErrorType() === 'required' ? problem(name, ProblemCode.Required) : problem(name, ProblemCode.Invalid, { message: error?.getText() ?? 'invalid' }),
      );
    }
    model.clear(true, true);
    return { problems: [...problems.values()], answers: problems.size === 0 ? answers : {} };
  };
}

function isEmpty(value: unknown): boolean {
  return value === null || value === undefined || (typeof value === 'string' && value.trim() === '') || (Array.isArray(value) && value.length === 0);
}

/** Type, scale, choices and length: the rules survey-core leaves to the respondent's browser. */
function checkValue(question: Question, value: unknown): FieldProblem | null {
  const name = question.name;
  const type = question.getType();
  if (type === 'rating') {
    if (typeof value !== 'number' || !Number.isFinite(value)) return problem(name, ProblemCode.ExpectedNumber);
    const scale = (question.visibleRateValues as { value: unknown }[]).map((item) => item.value as number);
    return scale.includes(value) ? null : problem(name, ProblemCode.OutOfRange, { min: Math.min(...scale), max: Math.max(...scale) });
  }
  if (type === 'boolean') return typeof value === 'boolean' ? null : problem(name, ProblemCode.ExpectedBoolean);
  if (FREE_TEXT_TYPES.includes(type as never)) {
    if (typeof value !== 'string') return problem(name, ProblemCode.ExpectedText);
    if (value.includes('\u0000')) return problem(name, ProblemCode.ExpectedText);
    const max = question.maxLength > 0 ? question.maxLength : DEFAULT_FREE_TEXT_MAX_LENGTH;
    return value.length > max ? problem(name, ProblemCode.TooLong, { max }) : null;
  }
  const choices = (question.choices as { value: unknown }[]).map((item) => item.value);
  if (type === 'checkbox') {
    if (!Array.isArray(value)) return problem(name, ProblemCode.ExpectedList);
    if (value.some((item) => !choices.includes(item))) return problem(name, ProblemCode.NotAChoice);
    if (new Set(value).size !== value.length) return problem(name, ProblemCode.DuplicateChoice);
    const max = question.maxSelectedChoices as number;
    return max > 0 && value.length > max ? problem(name, ProblemCode.TooManyChoices, { max }) : null;
  }
  // radiogroup, dropdown: strictly one of the declared values ("2" is not 2).
  return choices.includes(value) ? null : problem(name, ProblemCode.NotAChoice);
}
