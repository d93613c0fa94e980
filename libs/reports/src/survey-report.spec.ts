import ExcelJS from 'exceljs';
import { buildCatalogue, catalogueCells, ChoiceStatistics, PublishedCell, SURVEY_SNAPSHOT_FORMAT, SurveySnapshot } from '@app/aggregation';
import { Locale } from '@app/core';
import { BUILTIN_INSTRUMENTS, reportingSchema } from '@app/instruments';
import { renderWorkbook } from './render-workbook';
import { REPORT_TEXTS } from './report-texts';
import { schemaLabels, surveyReport, SurveyReportContext } from './survey-report';

const CATALOGUE = buildCatalogue([
  { name: 'gender', categories: ['f', 'm'] },
  { name: 'region', categories: ['abai', 'akmola'] },
]);
const MARKER = '·';

/** A cell's statistics with the shares the aggregation would publish (4 decimals); `null` options are suppressed. */
function choice(n: number, counts: readonly (number | null)[]): ChoiceStatistics {
  return { n, options: counts.map((count) => (count === null ? null : { count, share: Math.round((count / n) * 1e4) / 1e4, shareCi: null })) };
}

/** Every catalogue cell; a cell not given is suppressed whole. */
function cells(published: Record<string, ChoiceStatistics>): PublishedCell<ChoiceStatistics>[] {
  return catalogueCells(CATALOGUE).map((cell) => ({ ...cell, value: published[cell.key] ?? null }));
}

const FORMATS = ['in-person', 'online', 'blended', 'mentoring', 'exchange', 'self-study', 'conferences'];

/**
 * The judges' survey's multiple-choice question (national and gender cells only), whose option
 * "exchange" is suppressed everywhere; a single choice with
 * numeric values whose men are suppressed; a yes/no question.
 */
const SNAPSHOT: SurveySnapshot = {
  format: SURVEY_SNAPSHOT_FORMAT,
  campaign: { id: 'c', kind: 'judges-survey', release: 1 },
  thresholds: { count: 5, mean: 8, freeText: 10, peer: 5 },
  suppressionMarker: MARKER,
  catalogue: CATALOGUE,
  respondents: [],
  questions: [],
  dimensions: [],
  choices: [
    {
      name: 'tn_preferred_formats',
      kind: 'multiple-choice',
      options: FORMATS,
      // Published nationally and by gender only, as multiple choices are.
      cells: cells({
        national: choice(40, [20, 12, 8, 16, null, 10, 6]),
        'gender=f': choice(24, [12, 6, 4, 10, null, 6, 4]),
        'gender=m': choice(16, [8, 6, 4, 6, null, 4, 2]),
      }).filter((cell) => cell.tableId === 'national' || cell.tableId === 'gender'),
    },
    {
      name: 'workload',
      kind: 'single-choice',
      options: [1, 2, 3],
      cells: cells({ national: choice(40, [10, 20, 10]), 'gender=f': choice(24, [6, 12, 6]), 'region=abai': choice(25, [5, 15, 5]), 'region=akmola': choice(15, [5, 5, 5]) }),
    },
    { name: 'mentor', kind: 'boolean', options: [true, false], cells: cells({ national: choice(40, [30, 10]) }) },
  ],
  genderGaps: { test: 'welch-t', correction: 'benjamini-hochberg', alpha: 0.05, gaps: [] },
  suppressed: { counts: [], questions: {}, dimensions: {}, choices: {} },
  summary: { publishedCells: 0, suppressedCells: 0, lpSolves: 0 },
};

const JUDGES = schemaLabels(reportingSchema(BUILTIN_INSTRUMENTS.find((i) => i.code === 'judges-evaluation-survey')!.definition));

function context(locale: Locale): SurveyReportContext {
  return {
    locale,
    title: { kk: 'Сауалнама', ru: 'Опрос', en: 'Survey' },
    launchedAt: null,
    closedAt: null,
    sha256: '0'.repeat(64),
    synthetic: false,
    questionTitles: {
      ...JUDGES.questionTitles,
      workload: { kk: 'Жүктеме', ru: 'Нагрузка', en: 'Workload' },
      mentor: { kk: 'Тәлімгеріңіз бар ма?', ru: 'Есть ли у вас наставник?', en: 'Do you have a mentor?' },
    },
    choiceLabels: {
      ...JUDGES.choiceLabels,
      workload: [
        { value: 1, text: { kk: 'Төмен', ru: 'Низкая', en: 'Low' } },
        { value: 2, text: { kk: 'Қалыпты', ru: 'Нормальная', en: 'Fair' } },
        { value: 3, text: { kk: 'Жоғары', ru: 'Высокая', en: 'High' } },
      ],
      mentor: [
        { value: true, text: { kk: 'Иә', ru: 'Да', en: 'Yes' } },
        { value: false, text: { kk: 'Жоқ', ru: 'Нет', en: 'No' } },
      ],
    },
    categoryLabels: {
      gender: { f: { kk: 'Әйел', ru: 'Женщина', en: 'Woman' }, m: { kk: 'Ер', ru: 'Мужчина', en: 'Man' } },
      region: { abai: { kk: 'Абай облысы', ru: 'Абайская область', en: 'Abai Region' }, akmola: { kk: 'Ақмола облысы', ru: 'Акмолинская область', en: 'Akmola Region' } },
    },
    charts: [],
    comments: [],
  };
}

async function workbook(snapshot: SurveySnapshot, locale: Locale): Promise<ExcelJS.Workbook> {
  const loaded = new ExcelJS.Workbook();
  await loaded.xlsx.load((await renderWorkbook(surveyReport(snapshot, context(locale)))) as unknown as ExcelJS.Buffer);
  return loaded;
}

type Value = string | number | null;

/** The rows of a sheet as values (an empty cell is null), blank rows as []. */
function rowsOf(sheet: ExcelJS.Worksheet): Value[][] {
  const rows: Value[][] = [];
  for (let r = 1; r <= sheet.rowCount; r += 1) {
    const row = sheet.getRow(r);
    rows.push(Array.from({ length: row.cellCount }, (_, c) => (row.getCell(c + 1).value as Value | undefined) ?? null));
  }
  return rows;
}

/** The block titled `title`: its header and rows, up to the next blank row. */
function block(rows: Value[][], title: string): Value[][] {
  const start = rows.findIndex((row) => row.length === 1 && row[0] === title);
  expect(start).toBeGreaterThan(-1);
  const end = rows.findIndex((row, i) => i > start && row.length === 0);
  return rows.slice(start + 1, end === -1 ? undefined : end);
}

const marks = (count: number) => Array<string>(count).fill(MARKER);

describe('the choice-question sheet of the survey workbook', () => {
  it('gives each option its share and count for total, women and men, a suppressed option or cell as the marker, n last and the multiple-choice note', async () => {
    const sheet = (await workbook(SNAPSHOT, 'en')).getWorksheet('Choice questions')!;
    const rows = rowsOf(sheet);
    expect(block(rows, 'Which training formats do you prefer? (choose up to three)')).toEqual([
      ['Option', 'Total: Share', 'Total: Count', 'Women: Share', 'Women: Count', 'Men: Share', 'Men: Count'],
      ['In-person seminars and workshops', 0.5, 20, 0.5, 12, 0.5, 8],
      ['Online courses', 0.3, 12, 0.25, 6, 0.375, 6],
      ['Blended learning (online and in person)', 0.2, 8, 0.1667, 4, 0.25, 4],
      ['Mentoring by an experienced judge', 0.4, 16, 0.4167, 10, 0.375, 6],
      ['Internships and exchange visits', ...marks(6)],
      ['Self-study materials', 0.25, 10, 0.25, 6, 0.25, 4],
      ['Conferences and round tables', 0.15, 6, 0.1667, 4, 0.125, 2],
      ['Answered the question (n)', '', 40, '', 24, '', 16],
      ['Respondents could choose several options, so the shares can add up to more than 100%.'],
    ]);
    expect(block(rows, 'Workload')).toEqual([
      ['Option', 'Total: Share', 'Total: Count', 'Women: Share', 'Women: Count', 'Men: Share', 'Men: Count'],
      ['Low', 0.25, 10, 0.25, 6, ...marks(2)],
      ['Fair', 0.5, 20, 0.5, 12, ...marks(2)],
      ['High', 0.25, 10, 0.25, 6, ...marks(2)],
      ['Answered the question (n)', '', 40, '', 24, '', MARKER],
    ]);
    expect(block(rows, 'Do you have a mentor?')).toEqual([
      ['Option', 'Total: Share', 'Total: Count', 'Women: Share', 'Women: Count', 'Men: Share', 'Men: Count'],
      ['Yes', 0.75, 30, ...marks(4)],
      ['No', 0.25, 10, ...marks(4)],
      ['Answered the question (n)', '', 40, '', MARKER, '', MARKER],
    ]);
    const online = sheet.getRow(rows.findIndex((row) => row[0] === 'Online courses') + 1);
    expect([online.getCell(2).numFmt, online.getCell(3).numFmt]).toEqual(['0.0%', '0']);
  });

  it('breaks each question down by every other catalogue variable it is published on, for total, women and men: n and the share of each option', async () => {
    const rows = rowsOf((await workbook(SNAPSHOT, 'en')).getWorksheet('Choice questions')!);
    expect(rows.some((row) => row[0] === 'Which training formats do you prefer? (choose up to three) — by Region')).toBe(false);
    expect(block(rows, 'Workload — by Region')).toEqual([
      ['Region', 'Total: n', 'Total: Low', 'Total: Fair', 'Total: High', 'Women: n', 'Women: Low', 'Women: Fair', 'Women: High', 'Men: n', 'Men: Low', 'Men: Fair', 'Men: High'],
      ['Abai Region', 25, 0.2, 0.6, 0.2, ...marks(8)],
      ['Akmola Region', 15, 0.3333, 0.3333, 0.3333, ...marks(8)],
    ]);
    expect(rows.some((row) => row[0] === 'Workload — by Gender')).toBe(false);
  });

  it.each([
    ['kk', 'Таңдау сұрақтары', 'Қашықтан оқыту курстары', 'Сұраққа жауап бергендер (n)', 'Барлығы: Үлесі'],
    ['ru', 'Вопросы с выбором ответа', 'Дистанционные курсы', 'Ответили на вопрос (n)', 'Всего: Доля'],
    ['en', 'Choice questions', 'Online courses', 'Answered the question (n)', 'Total: Share'],
  ] as const)('is written in %s, labels from the instrument, and the methodology names choice questions', async (locale, title, online, answered, header) => {
    const book = await workbook(SNAPSHOT, locale);
    const rows = rowsOf(book.getWorksheet(title)!);
    expect(rows[0]).toEqual([title]);
    expect(rows.find((row) => row[0] === online)?.slice(1, 3)).toEqual([0.3, 12]);
    expect(rows.filter((row) => row[0] === answered)).toHaveLength(3);
    expect(rows.some((row) => row[1] === header)).toBe(true);
    expect(rowsOf(book.worksheets[1]).flat()).toContain(REPORT_TEXTS.choiceMethod[locale]);
  });

  it('holds values only: every cell of every sheet is a string or a number, never a formula', async () => {
    for (const locale of ['kk', 'ru', 'en'] as const) {
      for (const sheet of (await workbook(SNAPSHOT, locale)).worksheets) {
        sheet.eachRow((row) => row.eachCell((cell) => expect([ExcelJS.ValueType.String, ExcelJS.ValueType.Number]).toContain(cell.type)));
      }
    }
  });

  it('has no choice sheet and no methodology line about it when the snapshot has no choice questions', async () => {
    const book = await workbook({ ...SNAPSHOT, choices: [] }, 'en');
    expect(book.worksheets.map((s) => s.name)).not.toContain('Choice questions');
    expect(rowsOf(book.worksheets[1]).flat()).not.toContain(REPORT_TEXTS.choiceMethod.en);
  });
});

describe('schemaLabels', () => {
  it('takes question titles and option labels, in the question’s order, from the reporting schema', () => {
    expect(JUDGES.choiceLabels.tn_preferred_formats.map((c) => c.value)).toEqual(FORMATS);
    expect(JUDGES.choiceLabels.tn_preferred_formats[1].text).toEqual({ kk: 'Қашықтан оқыту курстары', ru: 'Дистанционные курсы', en: 'Online courses' });
    expect(Object.keys(JUDGES.choiceLabels)).toEqual(['tn_preferred_formats']);
    expect(JUDGES.questionTitles.tn_preferred_formats.ru).toBe('Какие форматы обучения для вас предпочтительны? (выберите не более трёх)');
  });
});
