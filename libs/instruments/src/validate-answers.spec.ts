import small from './fixtures/small-definition.json';
import { answerValidator, validateAnswers } from './validate-answers';

const valid = {
  meaningful_work: 4,
  overtime: 5,
  unit: 'office',
  formats: ['online', 'mentoring'],
  had_training: true,
  training_topic: 'Судья әдебі',
  comment: 'Рахмет',
};

describe('validateAnswers', () => {
  it('accepts valid answers and returns them to store', () => {
    expect(validateAnswers(small, valid)).toEqual({ problems: [], answers: valid });
  });

  it('accepts answers to required questions only, and leaves empty answers out', () => {
    expect(validateAnswers(small, { meaningful_work: 1, comment: '   ', formats: [], unit: null })).toEqual({ problems: [], answers: { meaningful_work: 1 } });
  });

  it('names a question that is not in the questionnaire', () => {
    expect(validateAnswers(small, { ...valid, respondent_name: 'Айгүл' }).problems).toEqual([
      { field: 'respondent_name', reason: 'is not a question of this questionnaire', constraint: 'unknown-question', params: {} },
    ]);
    expect(validateAnswers(small, { ...valid, __proto__: 1, toString: 2 }).problems.map((p) => p.field)).toEqual(['toString']);
  });

  it('refuses a rating outside the declared scale, including values between its points', () => {
    expect(validateAnswers(small, { ...valid, meaningful_work: 6 }).problems).toEqual([
      { field: 'meaningful_work', reason: 'the answer must be one of the scale values from 1 to 5', constraint: 'out-of-range', params: { min: 1, max: 5 } },
    ]);
    expect(validateAnswers(small, { ...valid, overtime: 3 }).problems).toEqual([expect.objectContaining({ field: 'overtime', constraint: 'out-of-range', params: { min: 0, max: 10 } })]);
  });

  it.each([
    ['a rating given as text', { meaningful_work: '4' }, 'meaningful_work', 'expected-number'],
    ['a choice given as a number', { unit: 1 }, 'unit', 'not-a-choice'],
    ['a choice that does not exist', { unit: 'kitchen' }, 'unit', 'not-a-choice'],
    ['a multiple choice given as one value', { formats: 'online' }, 'formats', 'expected-list'],
    ['a multiple choice with an unknown value', { formats: ['online', 'podcast'] }, 'formats', 'not-a-choice'],
    ['a multiple choice repeating a value', { formats: ['online', 'online'] }, 'formats', 'duplicate-choice'],
    ['too many choices', { formats: ['online', 'seminar', 'mentoring'] }, 'formats', 'too-many-choices'],
    ['a yes/no given as text', { had_training: 'true' }, 'had_training', 'expected-boolean'],
    ['free text given as a list', { comment: ['a'] }, 'comment', 'expected-text'],
  ])('refuses %s', (_case, change, field, constraint) => {
    expect(validateAnswers(small, { ...valid, ...change }).problems).toEqual([expect.objectContaining({ field, constraint })]);
  });

  it('refuses over-long text, counting against the question’s maxLength', () => {
    expect(validateAnswers(small, { ...valid, comment: 'қ'.repeat(20) }).problems).toEqual([]);
    expect(validateAnswers(small, { ...valid, comment: 'қ'.repeat(21) }).problems).toEqual([
      { field: 'comment', reason: 'the text is too long: at most 20 characters', constraint: 'too-long', params: { max: 20 } },
    ]);
  });

  it('requires required questions (survey-core’s rule)', () => {
    const { meaningful_work: _omitted, ...rest } = valid;
    expect(validateAnswers(small, rest)).toEqual({
      problems: [{ field: 'meaningful_work', reason: 'an answer is required', constraint: 'required', params: {} }],
      answers: {},
    });
  });

  it('refuses an answer to a question its conditions hide (survey-core evaluates visibleIf)', () => {
    expect(validateAnswers(small, { ...valid, had_training: false }).problems).toEqual([
      expect.objectContaining({ field: 'training_topic', constraint: 'not-shown' }),
    ]);
  });

  it('refuses answers that are not an object', () => {
    for (const submitted of [null, [valid], 'answers', 3]) {
      expect(validateAnswers(small, submitted).problems).toEqual([expect.objectContaining({ field: 'answers', constraint: 'answers-not-an-object' })]);
    }
  });

  it('keeps nothing from one submission to the next when a validator is reused', () => {
    const check = answerValidator(small);
    expect(check({ ...valid, had_training: false, training_topic: undefined }).problems).toEqual([]);
    expect(check({ overtime: 0 }).problems).toEqual([expect.objectContaining({ field: 'meaningful_work', constraint: 'required' })]);
    expect(check(valid)).toEqual({ problems: [], answers: valid });
  });
});
