import small from './fixtures/small-definition.json';
import { InstrumentsErrorCode } from './instruments.errors';
import { reportingSchema } from './reporting-schema';

const text = (kk: string, ru: string, en: string) => ({ kk, ru, en });
const agreement = [
  { value: 1, text: text('Мүлдем келіспеймін', 'Совершенно не согласен', 'Strongly disagree') },
  { value: 2, text: text('Келіспеймін', 'Не согласен', 'Disagree') },
  { value: 3, text: text('Бейтараппын', 'Ни да, ни нет', 'Neither agree nor disagree') },
  { value: 4, text: text('Келісемін', 'Согласен', 'Agree') },
  { value: 5, text: text('Толық келісемін', 'Полностью согласен', 'Strongly agree') },
];
const base = { page: 'work', reverse: false, sensitive: false, freeText: false, required: false, conditional: false };

describe('reportingSchema', () => {
  it('describes every answerable question of a small definition exactly', () => {
    expect(reportingSchema(small)).toEqual([
      {
        ...base,
        name: 'meaningful_work',
        type: 'rating',
        answerKind: 'scale',
        dimension: 'motivation',
        required: true,
        title: text('Жұмысым мағыналы', 'Моя работа значима', 'My work is meaningful'),
        scale: { min: 1, max: 5, points: 5, values: [1, 2, 3, 4, 5], labels: agreement },
      },
      {
        ...base,
        name: 'overtime',
        type: 'rating',
        answerKind: 'scale',
        dimension: 'workload',
        reverse: true,
        title: text('Жиі үстеме жұмыс істеймін', 'Часто работаю сверхурочно', 'I often work overtime'),
        scale: {
          min: 0,
          max: 10,
          points: 3,
          values: [0, 5, 10],
          labels: [
            { value: 0, text: text('Ешқашан', 'Никогда', 'Never') },
            { value: 10, text: text('Әрдайым', 'Всегда', 'Always') },
          ],
        },
      },
      {
        ...base,
        name: 'unit',
        type: 'radiogroup',
        answerKind: 'single-choice',
        dimension: 'communication',
        title: text('Бөлім', 'Подразделение', 'Unit'),
        choices: [
          { value: 'office', text: text('Кеңсе', 'Канцелярия', 'Office') },
          { value: 'archive', text: text('Мұрағат', 'Архив', 'Archive') },
        ],
      },
      {
        ...base,
        name: 'formats',
        type: 'checkbox',
        answerKind: 'multiple-choice',
        dimension: 'training',
        title: text('Оқу түрлері', 'Форматы обучения', 'Training formats'),
        choices: [
          { value: 'online', text: text('Онлайн', 'Онлайн', 'Online') },
          { value: 'seminar', text: text('Семинар', 'Семинар', 'Seminar') },
          { value: 'mentoring', text: text('Тәлімгерлік', 'Наставничество', 'Mentoring') },
        ],
        maxSelected: 2,
      },
      {
        ...base,
        name: 'had_training',
        type: 'boolean',
        answerKind: 'boolean',
        dimension: 'training',
        title: text('Биыл оқыдыңыз ба?', 'Обучались ли вы в этом году?', 'Did you have training this year?'),
        choices: [
          { value: true, text: text('Иә', 'Да', 'Yes') },
          { value: false, text: text('Жоқ', 'Нет', 'No') },
        ],
      },
      {
        ...base,
        name: 'training_topic',
        type: 'text',
        answerKind: 'free-text',
        dimension: 'training',
        freeText: true,
        conditional: true,
        title: text('Қандай тақырып?', 'Какая тема?', 'Which topic?'),
        maxLength: 100,
      },
      {
        ...base,
        name: 'comment',
        type: 'comment',
        answerKind: 'free-text',
        dimension: 'general',
        freeText: true,
        sensitive: true,
        title: text('Пікіріңіз', 'Ваш комментарий', 'Your comment'),
        maxLength: 20,
      },
    ]);
  });

  it('marks every question of a page shown under a condition, and a question required under one, as conditional', () => {
    type Element = { name: string; requiredIf?: string };
    const definition = structuredClone(small) as { pages: { name: string; title?: unknown; visibleIf?: string; elements: Element[] }[] };
    const [work] = definition.pages;
    const comment = work.elements.pop()!;
    definition.pages.push({ name: 'later', title: { kk: 'Кейін', ru: 'Далее', en: 'Later' }, visibleIf: '{had_training} = true', elements: [comment] });
    work.elements.find((e) => e.name === 'formats')!.requiredIf = '{had_training} = true';
    const conditional = Object.fromEntries(reportingSchema(definition).map((q) => [q.name, q.conditional]));
    expect(conditional).toEqual({ meaningful_work: false, overtime: false, unit: false, formats: true, had_training: false, training_topic: true, comment: true });
  });

  it('takes a checkbox’s limits from answer-count validators too, and counts an expression validator as a condition', () => {
    type Element = { name: string; validators?: unknown[]; maxSelectedChoices?: number };
    const definition = structuredClone(small) as { pages: { elements: Element[] }[] };
    const elements = definition.pages[0].elements;
    elements.find((e) => e.name === 'formats')!.validators = [{ type: 'answercount', minCount: 2, maxCount: 5 }];
    elements.find((e) => e.name === 'meaningful_work')!.validators = [{ type: 'expression', expression: '{meaningful_work} >= 2' }];
    const schema = reportingSchema(definition);
    const formats = schema.find((q) => q.name === 'formats')!;
    expect({ min: formats.minSelected, max: formats.maxSelected }).toEqual({ min: 2, max: Math.min(5, elements.find((e) => e.name === 'formats')!.maxSelectedChoices ?? 5) });
    expect(schema.find((q) => q.name === 'meaningful_work')!.conditional).toBe(true);
  });

  it('refuses a definition that does not validate', () => {
    expect(() => reportingSchema({ pages: [] })).toThrow(expect.objectContaining({ code: InstrumentsErrorCode.InvalidDefinition }));
  });
});
