import { Readable } from 'node:stream';
import ExcelJS from 'exceljs';
import { Locale, LocalizedText, spreadsheetSafeText } from '@app/core';
import { COURT_LEVELS, GENDERS, JUDGE_POSITIONS, SPECIALISATIONS, STAFF_CATEGORIES } from '../reference/codes';
import { REGIONS } from '../reference/regions';
import { CourtRecord, JudgeRecord, StaffRecord } from '../register-records';
import { describeProblem, RegisterProblem, RegisterRecord } from './parse-register';
import { columnKeyOf, REGISTER_COLUMNS, RegisterKind } from './register-columns';

export type RegisterFormat = 'xlsx' | 'csv';

const SHEET_NAMES: Record<'register' | 'codes' | 'problems', LocalizedText> = {
  register: { en: 'Register', ru: 'Реестр', kk: 'Тізілім' },
  codes: { en: 'Codes', ru: 'Коды', kk: 'Кодтар' },
  problems: { en: 'Problems', ru: 'Ошибки', kk: 'Қателер' },
};

/** Recognises the format from the first bytes, not the name: an .xlsx is a zip archive. */
export function detectRegisterFormat(file: Buffer): RegisterFormat | null {
  if (file.length >= 4 && file.readUInt32LE(0) === 0x04034b50) return 'xlsx';
  const head = file.subarray(0, 4096);
  if (head.includes(0)) return null;
  return 'csv';
}

function cellText(value: ExcelJS.CellValue): string {
  if (value === null || value === undefined) return '';
  if (value instanceof Date) return value.toISOString().slice(0, 10);
  if (typeof value === 'object') {
    if ('richText' in value) return value.richText.map((part) => part.text).join('');
    if ('result' in value) return cellText(value.result as ExcelJS.CellValue);
    if ('text' in value) return String(value.text);
    return '';
  }
  return String(value);
}

/** The first sheet of an .xlsx, or a CSV, as rows of trimmed strings. Formulas count by their cached result. */
export async function readRegisterTable(file: Buffer, format: RegisterFormat): Promise<string[][]> {
  const workbook = new ExcelJS.Workbook();
  const sheet =
    format === 'xlsx'
      ? (await workbook.xlsx.load(file as unknown as ArrayBuffer), workbook.worksheets[0])
      : await workbook.csv.read(Readable.from(file.toString('utf8').replace(/^\uFEFF/, '')), { map: (value: unknown) => value });
  const table: string[][] = [];
  sheet?.eachRow({ includeEmpty: true }, (row, rowNumber) => {
    const values = row.values as ExcelJS.CellValue[];
    table[rowNumber - 1] = values.slice(1).map((value) => cellText(value).trim());
  });
  return Array.from(table, (row) => row ?? []);
}

function recordCells(kind: RegisterKind, record: RegisterRecord<RegisterKind>): string[] {
  switch (kind) {
    case 'courts': {
      const c = record as CourtRecord;
      return [c.code, c.names.kk, c.names.ru, c.names.en, c.level, c.specialisation, c.regionCode];
    }
    case 'judges': {
      const j = record as JudgeRecord;
      return [j.personnelNumber, j.fullName, j.gender, String(j.birthYear), j.appointmentDate, j.courtCode, j.position, j.email, j.language];
    }
    case 'staff': {
      const s = record as StaffRecord;
      return [s.personnelNumber, s.fullName, s.gender, String(s.birthYear), s.hireDate, s.courtCode ?? s.unitCode ?? '', s.category, s.email, s.language];
    }
  }
}

function codeRows(locale: Locale): string[][] {
  const list = (title: string, entries: [string, LocalizedText][]) => [[title, ''], ...entries.map(([code, labels]) => [code, labels[locale]])];
  return [
    ...list('region', REGIONS.map((r) => [r.code, r.names])),
    ...list('level', Object.entries(COURT_LEVELS.labels)),
    ...list('specialisation', Object.entries(SPECIALISATIONS.labels)),
    ...list('gender', Object.entries(GENDERS.labels)),
    ...list('position', Object.entries(JUDGE_POSITIONS.labels)),
    ...list('category', Object.entries(STAFF_CATEGORIES.labels)),
  ];
}

/**
 * A register file in the documented template: header row in the chosen language, one
 * record per row, every cell as text (so dates and numbers round-trip exactly and no
 * cell is a formula). With no records it is the blank template.
 */
export async function writeRegisterFile(kind: RegisterKind, records: RegisterRecord<RegisterKind>[], format: RegisterFormat, locale: Locale): Promise<Buffer> {
  const columns = REGISTER_COLUMNS[kind];
  const workbook = new ExcelJS.Workbook();
  const sheet = workbook.addWorksheet(SHEET_NAMES.register[locale], { views: [{ state: 'frozen', ySplit: 1 }] });
  sheet.columns = columns.map((column) => ({ header: column.headers[locale], key: column.key, width: Math.max(14, column.headers[locale].length + 4), style: { numFmt: '@' } }));
  sheet.getRow(1).font = { bold: true };
  for (const record of records) sheet.addRow(recordCells(kind, record).map(spreadsheetSafeText));
  if (format === 'csv') return Buffer.concat([Buffer.from('\uFEFF'), Buffer.from(await workbook.csv.writeBuffer({ sheetName: SHEET_NAMES.register[locale] }))]);

  const help = workbook.addWorksheet(SHEET_NAMES.codes[locale]);
  help.columns = [{ width: 40 }, { width: 70 }];
  help.addRows(columns.map((column) => [column.headers[locale], column.hint[locale]]));
  help.addRow([]);
  help.addRows(codeRows(locale));
  return Buffer.from(await workbook.xlsx.writeBuffer());
}

/**
 * The uploaded table with every bad cell marked red and a Problems sheet listing row,
 * column, value and reason, so HR can fix the file and upload it again.
 */
export async function writeProblemReport(kind: RegisterKind, table: string[][], problems: RegisterProblem[], locale: Locale): Promise<Buffer> {
  const workbook = new ExcelJS.Workbook();
  const sheet = workbook.addWorksheet(SHEET_NAMES.register[locale], { views: [{ state: 'frozen', ySplit: 1 }] });
  table.forEach((row) => sheet.addRow(row.map(spreadsheetSafeText)));
  const header = table[0] ?? [];
  const keys = header.map((cell) => columnKeyOf(kind, cell) ?? cell);
  const mark = { type: 'pattern' as const, pattern: 'solid' as const, fgColor: { argb: 'FFFFC7CE' } };
  for (const problem of problems) {
    const index = keys.indexOf(problem.column);
    if (index >= 0) sheet.getCell(problem.row, index + 1).fill = mark;
  }
  const list = workbook.addWorksheet(SHEET_NAMES.problems[locale], { views: [{ state: 'frozen', ySplit: 1 }] });
  list.columns = [
    { header: { en: 'Row', ru: 'Строка', kk: 'Жол' }[locale], width: 8 },
    { header: { en: 'Column', ru: 'Столбец', kk: 'Баған' }[locale], width: 24 },
    { header: { en: 'Value', ru: 'Значение', kk: 'Мәні' }[locale], width: 30 },
    { header: { en: 'Reason', ru: 'Причина', kk: 'Себебі' }[locale], width: 60 },
  ];
  list.getRow(1).font = { bold: true };
  for (const problem of problems) {
    const column = header[keys.indexOf(problem.column)] ?? problem.column;
    list.addRow([problem.row, spreadsheetSafeText(column), spreadsheetSafeText(problem.value), describeProblem(problem, locale)]);
  }
  return Buffer.from(await workbook.xlsx.writeBuffer());
}
