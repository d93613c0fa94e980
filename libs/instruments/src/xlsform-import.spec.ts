import { Workbook } from 'exceljs';
import { importXlsForm } from './xlsform-import';
import { reportingSchema } from './reporting-schema';

type Sheet = (string | number)[][];

const SURVEY_HEADER = ['type', 'name', 'label::kk', 'label::ru', 'label::en', 'hint::kk', 'hint::ru', 'hint::en', 'required', 'relevant', 'appearance', 'dimension', 'reverse', 'sensitive', 'max_length'];
const survey: Sheet = [
  SURVEY_HEADER,
  ['begin group', 'work', 'Жұмыс', 'Работа', 'Work'],
  ['select_one agree5', 'meaningful_work', 'Жұмысым мағыналы', 'Моя работа значима', 'My work is meaningful', '', '', '', 'yes', '', 'likert', 'motivation'],
  ['select_one agree5', 'overtime', 'Жиі үстеме жұмыс істеймін', 'Часто работаю сверхурочно', 'I often work overtime', '', '', '', 'yes', '', 'likert', 'workload', 'yes'],
  ['select_multiple formats', 'formats', 'Оқу түрлері', 'Форматы обучения', 'Training formats', '', '', '', 'no', '', '', 'training'],
  ['text', 'training_topic', 'Қандай тақырып?', 'Какая тема?', 'Which topic?', '', '', '', '', "selected(${formats}, 'online')", '', 'training', '', '', 100],
  ['end group'],
  ['begin group', 'comments', 'Пікір', 'Отзыв', 'Comments'],
  ['text', 'comment', 'Пікіріңіз', 'Ваш комментарий', 'Your comment', 'Аты-жөндерді жазбаңыз', 'Не указывайте имена', 'Do not give names', '', '', 'multiline', 'general', '', 'yes'],
  ['end group'],
];
const choices: Sheet = [
  ['list_name', 'name', 'label::kk', 'label::ru', 'label::en'],
  ['agree5', 1, 'Мүлдем келіспеймін', 'Совершенно не согласен', 'Strongly disagree'],
  ['agree5', 2, 'Келіспеймін', 'Не согласен', 'Disagree'],
  ['agree5', 3, 'Бейтараппын', 'Ни да, ни нет', 'Neither agree nor disagree'],
  ['agree5', 4, 'Келісемін', 'Согласен', 'Agree'],
  ['agree5', 5, 'Толық келісемін', 'Полностью согласен', 'Strongly agree'],
  ['formats', 'online', 'Онлайн', 'Онлайн', 'Online'],
  ['formats', 'seminar', 'Семинар', 'Семинар', 'Seminar'],
];
const settings: Sheet = [
  ['form_title::kk', 'form_title::ru', 'form_title::en'],
  ['Шағын сауалнама', 'Небольшая анкета', 'A small questionnaire'],
];

async function workbook(sheets: Record<string, Sheet>): Promise<Buffer> {
  const book = new Workbook();
  for (const [name, rows] of Object.entries(sheets)) book.addWorksheet(name).addRows(rows);
  return Buffer.from(await book.xlsx.writeBuffer());
}

const edited = (sheet: Sheet, row: number, column: string, value: string | number) => {
  const copy = sheet.map((cells) => [...cells]);
  copy[row - 1][copy[0].indexOf(column)] = value;
  return copy;
};

describe('importXlsForm', () => {
  it('reads pages, scales, choices, conditions and our reporting columns into a valid definition', async () => {
    const { definition, problems } = await importXlsForm(await workbook({ survey, choices, settings }));
    expect(problems).toEqual([]);
    expect(definition).toMatchObject({
      locale: 'kk',
      title: { kk: 'Шағын сауалнама', ru: 'Небольшая анкета', en: 'A small questionnaire' },
      pages: [
        {
          name: 'work',
          title: { kk: 'Жұмыс', ru: 'Работа', en: 'Work' },
          elements: [
            { type: 'rating', name: 'meaningful_work', isRequired: true, dimension: 'motivation', rateValues: expect.arrayContaining([{ value: 1, text: expect.any(Object) }]) },
            { type: 'rating', name: 'overtime', reverse: true },
            { type: 'checkbox', name: 'formats', isRequired: false, choices: [{ value: 'online', text: { kk: 'Онлайн', ru: 'Онлайн', en: 'Online' } }, expect.any(Object)] },
            { type: 'text', name: 'training_topic', visibleIf: "{formats} contains 'online'", maxLength: 100 },
          ],
        },
        { name: 'comments', elements: [{ type: 'comment', name: 'comment', sensitive: true, maxLength: 2000, description: { kk: 'Аты-жөндерді жазбаңыз', ru: 'Не указывайте имена', en: 'Do not give names' } }] },
      ],
    });
    expect(reportingSchema(definition).map((q) => [q.name, q.answerKind, q.dimension])).toEqual([
      ['meaningful_work', 'scale', 'motivation'],
      ['overtime', 'scale', 'workload'],
      ['formats', 'multiple-choice', 'training'],
      ['training_topic', 'free-text', 'training'],
      ['comment', 'free-text', 'general'],
    ]);
  });

  it('names the sheet, row and column of each problem, and imports nothing', async () => {
    const broken = edited(edited(survey, 4, 'label::ru', ''), 5, 'dimension', '');
    const brokenChoices = edited(choices, 8, 'label::en', '');
    const { definition, problems } = await importXlsForm(await workbook({ survey: broken, choices: brokenChoices, settings: edited(settings, 2, 'form_title::kk', '') }));
    expect(definition).toBeNull();
    expect(problems.map((p) => [p.field, p.constraint])).toEqual([
      ['settings[2].form_title::kk', 'translation-missing'],
      ['survey[4].label::ru', 'translation-missing'],
      ['survey[5].dimension', 'dimension-missing'],
      ['choices[8].label::en', 'translation-missing'],
    ]);
  });

  it('places problems of unnamed or badly named questions and pages on their row', async () => {
    const renamed = edited(edited(survey, 5, 'name', 'Training Formats'), 2, 'name', '');
    const { problems } = await importXlsForm(await workbook({ survey: renamed, choices, settings }));
    expect(problems.map((p) => [p.field, p.constraint])).toEqual([
      ['survey[2].name', 'invalid-name'],
      ['survey[5].name', 'invalid-name'],
      ['survey[6].relevant', 'condition-unknown-question'],
    ]);
  });

  it('reports rows it cannot convert at their cell', async () => {
    const rows: Sheet = [
      ...survey.slice(0, 2),
      ['integer', 'age', 'Жасы', 'Возраст', 'Age'],
      ['select_one nolist', 'x', 'X', 'X', 'X'],
      ['text', 'y', 'Y', 'Y', 'Y', '', '', '', 'maybe'],
      ...survey.slice(2),
      ['text', 'outside', 'Тыс', 'Вне', 'Outside'],
    ];
    const { problems } = await importXlsForm(await workbook({ survey: rows, choices, settings }));
    expect(problems.map((p) => [p.field, p.constraint])).toEqual([
      ['survey[3].type', 'unsupported-type'],
      ['survey[4].type', 'unknown-choice-list'],
      ['survey[5].required', 'wrong-property-type'],
      ['survey[14].type', 'outside-group'],
    ]);
  });

  it('refuses XLSForm features reporting cannot follow, and files that are not workbooks', async () => {
    const withDefault = [[...SURVEY_HEADER, 'default'], ...survey.slice(1, 3).map((row, i) => (i === 1 ? [...row, ...Array(SURVEY_HEADER.length - row.length).fill(''), 3] : row))];
    expect((await importXlsForm(await workbook({ survey: withDefault, choices }))).problems).toEqual([
      expect.objectContaining({ field: 'survey[3].default', constraint: 'forbidden-property' }),
    ]);
    expect((await importXlsForm(Buffer.from('not a workbook'))).problems).toEqual([expect.objectContaining({ field: 'file', constraint: 'file-unreadable' })]);
    expect((await importXlsForm(await workbook({ questions: survey }))).problems).toEqual([expect.objectContaining({ field: 'survey', constraint: 'sheet-missing' })]);
  });
});
