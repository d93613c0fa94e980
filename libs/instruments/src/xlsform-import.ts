import { Workbook, Worksheet } from 'exceljs';
import { FieldProblem, LOCALES } from '@app/core';
import { problem, ProblemCode } from './instruments.errors';
import { validateDefinition, withDefinitionDefaults } from './validate-definition';

type Json = Record<string, unknown>;

/** Largest workbook accepted, in bytes: a questionnaire is a few hundred rows. */
export const XLSFORM_MAX_BYTES = 2 * 1024 * 1024;

export interface XlsFormImport {
  /** The SurveyJS definition, or null when anything is wrong. */
  definition: Json | null;
  /** Each problem names the cell: `<sheet>[<row>].<column>`, e.g. `survey[7].label::ru`. */
  problems: FieldProblem[];
}

interface Row {
  sheet: string;
  row: number;
  cells: Record<string, string>;
}

/** Where each part of the definition came from, to name the cell of a validation problem. */
interface SourceMap {
  survey: Row | null;
  /** Group rows, in page order, with the rows of their questions. */
  pages: { row: Row; questions: QuestionSource[] }[];
}

interface QuestionSource {
  row: Row;
  /** The choices rows of its list: choices or scale points, in order. */
  items: Row[];
}

const UNSUPPORTED_COLUMNS = ['constraint', 'constraint_message', 'calculation', 'default', 'read_only', 'choice_filter', 'repeat_count', 'trigger'];
const TRUE = new Set(['yes', 'true', '1', 'y', 'да', 'иә']);
const FALSE = new Set(['', 'no', 'false', '0', 'n', 'нет', 'жоқ']);

/**
 * Reads a questionnaire written as an XLSForm-style workbook into SurveyJS JSON:
 *
 * - `survey` sheet: `type`, `name`, `label::kk|ru|en`, `hint::kk|ru|en`, `required`,
 *   `relevant`, `appearance`, and our `dimension`, `reverse`, `sensitive`, `max_length`.
 *   Types: `begin group` / `end group` (a page), `select_one <list>` (radiogroup; a
 *   `likert` appearance makes a rating with the list as its points, `minimal` a dropdown),
 *   `select_multiple <list>` (checkbox), `text` (`multiline` appearance: comment).
 * - `choices` sheet: `list_name`, `name`, `label::kk|ru|en`.
 * - `settings` sheet (optional): `form_title::kk|ru|en`.
 *
 * The result then passes the same validation as any posted definition, and every problem
 * is reported at the cell it comes from. Nothing is half-imported.
 */
export async function importXlsForm(content: Buffer): Promise<XlsFormImport> {
  const workbook = new Workbook();
  try {
    await workbook.xlsx.load(content as unknown as ArrayBuffer);
  } catch {
    return { definition: null, problems: [problem('file', ProblemCode.FileUnreadable)] };
  }
  const problems: FieldProblem[] = [];
  const sheet = (name: string) => workbook.worksheets.find((ws) => ws.name.trim().toLowerCase() === name);
  const surveySheet = sheet('survey');
  if (!surveySheet) return { definition: null, problems: [problem('survey', ProblemCode.SheetMissing, { sheet: 'survey' })] };
  const surveyRows = rows(surveySheet, 'survey');
  const choiceRows = sheet('choices') ? rows(sheet('choices')!, 'choices') : [];
  const settings = sheet('settings') ? rows(sheet('settings')!, 'settings')[0] ?? null : null;

  for (const row of surveyRows) {
    for (const column of UNSUPPORTED_COLUMNS) {
      if (row.cells[column]) problems.push(cellProblem(row, column, ProblemCode.ForbiddenProperty, { property: column }));
    }
  }

  const lists = new Map<string, Row[]>();
  for (const row of choiceRows) {
    const list = row.cells.list_name;
    if (!list) continue;
    lists.set(list, [...(lists.get(list) ?? []), row]);
  }

  const source: SourceMap = { survey: settings, pages: [] };
  const pages: Json[] = [];
  let page: Json | null = null;
  for (const row of surveyRows) {
    const [type, list] = row.cells.type.split(/\s+/);
    if (type === 'begin' && list === 'group') {
      if (page) problems.push(cellProblem(row, 'type', ProblemCode.UnsupportedType, { type: 'nested group', supported: SUPPORTED }));
      page = { name: row.cells.name, title: texts(row, 'label'), elements: [] };
      if (row.cells.relevant) page.visibleIf = condition(row.cells.relevant);
      pages.push(page);
      source.pages.push({ row, questions: [] });
      continue;
    }
    if (type === 'end' && list === 'group') {
      page = null;
      continue;
    }
    if (!page) {
      problems.push(cellProblem(row, 'type', ProblemCode.OutsideGroup));
      continue;
    }
    const question = toQuestion(row, type, list, lists, problems);
    if (!question) continue;
    (page.elements as Json[]).push(question);
    source.pages[source.pages.length - 1].questions.push({ row, items: list ? (lists.get(list) ?? []) : [] });
  }

  const definition: Json = { locale: 'kk', title: settings ? texts(settings, 'form_title') : undefined, pages };
  if (problems.length > 0) return { definition: null, problems };
  const stored = withDefinitionDefaults(definition);
  const invalid = validateDefinition(stored).map((found) => located(found, source));
  return invalid.length > 0 ? { definition: null, problems: invalid } : { definition: stored, problems: [] };
}

const SUPPORTED = 'begin group, end group, select_one <list>, select_multiple <list>, text';

function toQuestion(row: Row, type: string, list: string | undefined, lists: Map<string, Row[]>, problems: FieldProblem[]): Json | null {
  const { cells } = row;
  const appearance = cells.appearance?.toLowerCase() ?? '';
  const question: Json = { name: cells.name, title: texts(row, 'label') };
  const hint = texts(row, 'hint');
  if (hint) question.description = hint;
  if (cells.required) question.isRequired = flag(row, 'required', problems);
  if (cells.relevant) question.visibleIf = condition(cells.relevant);
  if (cells.dimension) question.dimension = cells.dimension;
  if (cells.reverse) question.reverse = flag(row, 'reverse', problems);
  if (cells.sensitive) question.sensitive = flag(row, 'sensitive', problems);

  if (type === 'select_one' || type === 'select_multiple') {
    const items = list ? lists.get(list) : undefined;
    if (!items) {
      problems.push(cellProblem(row, 'type', ProblemCode.UnknownChoiceList, { list: list ?? '' }));
      return null;
    }
    const values = items.map((item) => ({ value: choiceValue(item.cells.name), text: texts(item, 'label') }));
    if (type === 'select_one' && appearance === 'likert') return { type: 'rating', ...question, rateValues: values };
    if (type === 'select_one') return { type: appearance === 'minimal' ? 'dropdown' : 'radiogroup', ...question, choices: values };
    const checkbox: Json = { type: 'checkbox', ...question, choices: values };
    if (cells.max_choices) checkbox.maxSelectedChoices = Number(cells.max_choices);
    return checkbox;
  }
  if (type === 'text') {
    const text: Json = { type: appearance === 'multiline' ? 'comment' : 'text', ...question };
    if (cells.max_length) text.maxLength = Number(cells.max_length);
    return text;
  }
  problems.push(cellProblem(row, 'type', ProblemCode.UnsupportedType, { type: cells.type || '(empty)', supported: SUPPORTED }));
  return null;
}

/** The rows under the header, with cell texts keyed by lower-case header. */
function rows(worksheet: Worksheet, sheet: string): Row[] {
  const header: string[] = [];
  worksheet.getRow(1).eachCell((cell, column) => (header[column] = cell.text.trim().toLowerCase()));
  const result: Row[] = [];
  worksheet.eachRow((row, number) => {
    if (number === 1) return;
    const cells: Record<string, string> = {};
    row.eachCell((cell, column) => {
      if (header[column]) cells[header[column]] = cell.text.trim();
    });
    if (!Object.values(cells).some(Boolean)) return;
    result.push({ sheet, row: number, cells: { type: '', name: '', ...cells, ...(cells.type ? { type: cells.type.toLowerCase() } : {}) } });
  });
  return result;
}

/** `label::kk`, `label::ru`, `label::en` (and a plain `label`, taken as Kazakh) as a SurveyJS localisable string. */
function texts(row: Row, column: string): Json | undefined {
  const result: Json = {};
  if (row.cells[column]) result.kk = row.cells[column];
  for (const locale of LOCALES) {
    const text = row.cells[`${column}::${locale}`];
    if (text) result[locale] = text;
  }
  return Object.keys(result).length > 0 ? result : undefined;
}

function flag(row: Row, column: string, problems: FieldProblem[]): boolean {
  const value = (row.cells[column] ?? '').toLowerCase();
  if (TRUE.has(value)) return true;
  if (!FALSE.has(value)) problems.push(cellProblem(row, column, ProblemCode.WrongPropertyType, { property: column, expected: 'yes | no' }));
  return false;
}

/** Integers stay numbers (scale points), everything else is a code. */
function choiceValue(name: string): string | number {
  return /^-?\d+$/.test(name) ? Number(name) : name;
}

/** XLSForm's `${name}` references and `selected(${name}, 'v')` in SurveyJS syntax. */
function condition(expression: string): string {
  return expression
    .replace(/selected\(\s*\$\{(\w+)\}\s*,\s*'([^']*)'\s*\)/g, "{$1} contains '$2'")
    .replace(/\$\{(\w+)\}/g, '{$1}');
}

function cellProblem(row: Row, column: string, code: ProblemCode, params: Record<string, string | number> = {}): FieldProblem {
  return problem(`${row.sheet}[${row.row}].${column}`, code, params);
}

const PROPERTY_COLUMNS: Record<string, string> = {
  title: 'label',
  description: 'hint',
  name: 'name',
  type: 'type',
  dimension: 'dimension',
  reverse: 'reverse',
  sensitive: 'sensitive',
  isRequired: 'required',
  visibleIf: 'relevant',
  maxLength: 'max_length',
  maxSelectedChoices: 'max_choices',
};

/**
 * Moves a validation problem from the definition (`question:x.title.ru`,
 * `page:p.elements[2].name`) to the cell it comes from (`survey[5].label::ru`).
 */
function located(found: FieldProblem, source: SourceMap): FieldProblem {
  const segments = found.field.split('.');
  const locale = (LOCALES as readonly string[]).includes(segments[segments.length - 1]) ? segments.pop() : null;
  const column = (name: string) => (locale ? `${name}::${locale}` : name);
  const at = (row: Row | undefined, name: string): FieldProblem => (row ? { ...found, field: `${row.sheet}[${row.row}].${name}` } : found);
  const index = (segment: string | undefined, list: string) => {
    const match = new RegExp(`^${list}\\[(\\d+)\\]$`).exec(segment ?? '');
    return match ? Number(match[1]) : -1;
  };

  let [head, ...path] = segments;
  if (head === 'survey' && index(path[0], 'pages') >= 0) [head, ...path] = [`page#${index(path[0], 'pages')}`, ...path.slice(1)];
  if (head === 'survey') return source.survey ? at(source.survey, column('form_title')) : { ...found, field: 'settings[2].form_title' };

  const pageIndex = head.startsWith('page#') ? Number(head.slice(5)) : source.pages.findIndex((page) => head === `page:${page.row.cells.name}`);
  let question: QuestionSource | undefined;
  if (pageIndex >= 0) {
    const page = source.pages[pageIndex];
    if (index(path[0], 'elements') < 0) return at(page?.row, column(PROPERTY_COLUMNS[path[0]] ?? 'name'));
    question = page?.questions[index(path[0], 'elements')];
    path = path.slice(1);
  } else {
    question = source.pages.flatMap((page) => page.questions).find((q) => head === `question:${q.row.cells.name}`);
  }
  if (!question) return found;
  const item = Math.max(index(path[0], 'choices'), index(path[0], 'rateValues'));
  if (item >= 0) return at(question.items[item], path[1] === 'value' ? 'name' : column('label'));
  return at(question.row, column(PROPERTY_COLUMNS[path[0]] ?? 'type'));
}
