import { formatText, Locale, LOCALES, LocalizedText } from '@app/core';
import { COURT_LEVELS, JUDGE_POSITIONS, SPECIALISATIONS, STAFF_CATEGORIES } from '../reference/codes';
import { CourtRecord, JudgeRecord, StaffRecord } from '../register-records';
import { columnKeyOf, REGISTER_COLUMNS, RegisterKind } from './register-columns';

export enum ProblemReason {
  MissingColumn = 'missing-column',
  UnknownColumn = 'unknown-column',
  DuplicateColumn = 'duplicate-column',
  NoRows = 'no-rows',
  Empty = 'empty',
  TooLong = 'too-long',
  BadFormat = 'bad-format',
  BadEmail = 'bad-email',
  DuplicateInFile = 'duplicate-in-file',
  BadGender = 'bad-gender',
  BadYear = 'bad-year',
  BadDate = 'bad-date',
  FutureDate = 'future-date',
  BeforeAdulthood = 'before-adulthood',
  UnknownCode = 'unknown-code',
}

const REASONS: Record<ProblemReason, LocalizedText> = {
  [ProblemReason.MissingColumn]: { en: 'required column is missing', ru: 'нет обязательного столбца', kk: 'міндетті баған жоқ' },
  [ProblemReason.UnknownColumn]: { en: 'column is not part of the template', ru: 'столбца нет в шаблоне', kk: 'баған үлгіде жоқ' },
  [ProblemReason.DuplicateColumn]: { en: 'column appears twice', ru: 'столбец повторяется', kk: 'баған қайталанады' },
  [ProblemReason.NoRows]: { en: 'the file has no data rows', ru: 'в файле нет строк с данными', kk: 'файлда деректер жолы жоқ' },
  [ProblemReason.Empty]: { en: 'must not be empty', ru: 'не должно быть пустым', kk: 'бос болмауы керек' },
  [ProblemReason.TooLong]: { en: 'longer than {max} characters', ru: 'длиннее {max} символов', kk: '{max} таңбадан ұзын' },
  [ProblemReason.BadFormat]: { en: 'only letters, digits and dashes are allowed', ru: 'допустимы только буквы, цифры и дефис', kk: 'тек әріптер, сандар және сызықша рұқсат' },
  [ProblemReason.BadEmail]: { en: 'is not an e-mail address', ru: 'не является адресом электронной почты', kk: 'электрондық пошта мекенжайы емес' },
  [ProblemReason.DuplicateInFile]: { en: 'already used in row {firstRow}', ru: 'уже встречается в строке {firstRow}', kk: '{firstRow}-жолда қолданылған' },
  [ProblemReason.BadGender]: { en: 'must be f or m', ru: 'должно быть f или m', kk: 'f немесе m болуы керек' },
  [ProblemReason.BadYear]: { en: 'must be a year from {min} to {max}', ru: 'должен быть год от {min} до {max}', kk: '{min}–{max} аралығындағы жыл болуы керек' },
  [ProblemReason.BadDate]: { en: 'is not a date (YYYY-MM-DD)', ru: 'не является датой (ГГГГ-ММ-ДД)', kk: 'күн емес (ЖЖЖЖ-АА-КК)' },
  [ProblemReason.FutureDate]: { en: 'is in the future', ru: 'дата в будущем', kk: 'болашақтағы күн' },
  [ProblemReason.BeforeAdulthood]: { en: 'is before the person turned 18 (born {birthYear})', ru: 'раньше совершеннолетия (год рождения {birthYear})', kk: 'кәмелеттік жасқа дейін ({birthYear} жылы туған)' },
  [ProblemReason.UnknownCode]: { en: 'unknown code; allowed: {allowed}', ru: 'неизвестный код; допустимо: {allowed}', kk: 'белгісіз код; рұқсат етілгені: {allowed}' },
};

/** One bad cell (or a bad column when `row` is 1, the header row). Rows and columns are as a spreadsheet shows them. */
export interface RegisterProblem {
  row: number;
  column: string;
  value: string;
  reason: ProblemReason;
  params?: Record<string, string | number>;
}

export function describeProblem(problem: RegisterProblem, locale: Locale): string {
  return formatText(REASONS[problem.reason][locale], problem.params);
}

/** Codes the rows may refer to: the reference tables, and the courts and units already known. */
export interface RegisterReferences {
  regions: ReadonlySet<string>;
  courts: ReadonlySet<string>;
  units: ReadonlySet<string>;
  /** ISO date of the import: no date may lie after it. */
  today: string;
}

export type RegisterRecord<K extends RegisterKind> = K extends 'courts' ? CourtRecord : K extends 'judges' ? JudgeRecord : StaffRecord;

export interface ParsedRegister<K extends RegisterKind> {
  records: RegisterRecord<K>[];
  problems: RegisterProblem[];
}

const MAX_TEXT = 200;
const CODE = /^[A-Za-z0-9][A-Za-z0-9-]{0,39}$/;
const PERSONNEL_NUMBER = /^[A-Za-z0-9-]{1,20}$/;
const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;
const GENDER_ALIASES: Record<string, 'f' | 'm'> = { f: 'f', m: 'm', ж: 'f', м: 'm', ә: 'f', е: 'm', female: 'f', male: 'm' };

/** Reads one data row, collecting a problem per bad cell. */
class RowReader {
  constructor(
    private readonly cells: Record<string, string>,
    private readonly row: number,
    private readonly problems: RegisterProblem[],
  ) {}

  private fail(column: string, reason: ProblemReason, params?: Record<string, string | number>): undefined {
    this.problems.push({ row: this.row, column, value: this.cells[column] ?? '', reason, ...(params ? { params } : {}) });
    return undefined;
  }

  text(column: string): string | undefined {
    const value = (this.cells[column] ?? '').trim();
    if (value === '') return this.fail(column, ProblemReason.Empty);
    if (value.length > MAX_TEXT) return this.fail(column, ProblemReason.TooLong, { max: MAX_TEXT });
    return value;
  }

  matching(column: string, pattern: RegExp): string | undefined {
    const value = this.text(column);
    if (value !== undefined && !pattern.test(value)) return this.fail(column, ProblemReason.BadFormat);
    return value;
  }

  code<T extends string>(column: string, allowed: readonly T[] | ReadonlySet<string>, listAllowed = true): T | undefined {
    const value = this.text(column);
    if (value === undefined) return undefined;
    const known = Array.isArray(allowed) ? allowed.includes(value as T) : (allowed as ReadonlySet<string>).has(value);
    if (!known) {
      const list = listAllowed ? [...(allowed as Iterable<string>)].join(', ') : '—';
      return this.fail(column, ProblemReason.UnknownCode, { allowed: list });
    }
    return value as T;
  }

  email(column: string): string | undefined {
    const value = this.text(column);
    if (value !== undefined && !EMAIL.test(value)) return this.fail(column, ProblemReason.BadEmail);
    return value?.toLowerCase();
  }

  /** An optional code: empty (or an absent column) gives the default. */
  optionalCode<T extends string>(column: string, allowed: readonly T[], fallback: T): T | undefined {
    return (this.cells[column] ?? '').trim() === '' ? fallback : this.code(column, allowed);
  }

  gender(column: string): 'f' | 'm' | undefined {
    const value = this.text(column);
    if (value === undefined) return undefined;
    return GENDER_ALIASES[value.toLowerCase()] ?? this.fail(column, ProblemReason.BadGender);
  }

  year(column: string, min: number, max: number): number | undefined {
    const value = this.text(column);
    if (value === undefined) return undefined;
    const year = Number(value);
    if (!/^\d{4}$/.test(value) || year < min || year > max) return this.fail(column, ProblemReason.BadYear, { min, max });
    return year;
  }

  date(column: string, today: string, birthYear: number | undefined): string | undefined {
    const value = this.text(column);
    if (value === undefined) return undefined;
    const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(value);
    const parsed = match ? new Date(Date.UTC(+match[1], +match[2] - 1, +match[3])) : null;
    if (!match || !parsed || parsed.toISOString().slice(0, 10) !== value) return this.fail(column, ProblemReason.BadDate);
    if (value > today) return this.fail(column, ProblemReason.FutureDate);
    if (birthYear !== undefined && Number(match[1]) < birthYear + 18) return this.fail(column, ProblemReason.BeforeAdulthood, { birthYear });
    return value;
  }
}

/**
 * Validates a whole register table (header row first) against the template and the known
 * codes. Every problem is collected; records are returned only for a table without any.
 */
export function parseRegister<K extends RegisterKind>(kind: K, table: string[][], refs: RegisterReferences): ParsedRegister<K> {
  const problems: RegisterProblem[] = [];
  const [header = [], ...rows] = table;
  const columnIndex = new Map<string, number>();
  header.forEach((cell, index) => {
    if (cell.trim() === '') return;
    const key = columnKeyOf(kind, cell);
    if (!key) problems.push({ row: 1, column: cell, value: cell, reason: ProblemReason.UnknownColumn });
    else if (columnIndex.has(key)) problems.push({ row: 1, column: key, value: cell, reason: ProblemReason.DuplicateColumn });
    else columnIndex.set(key, index);
  });
  for (const column of REGISTER_COLUMNS[kind]) {
    if (!columnIndex.has(column.key) && !column.optional) problems.push({ row: 1, column: column.key, value: '', reason: ProblemReason.MissingColumn });
  }
  const dataRows = rows.map((cells, i) => ({ cells, row: i + 2 })).filter(({ cells }) => cells.some((cell) => cell.trim() !== ''));
  if (dataRows.length === 0) problems.push({ row: 2, column: '', value: '', reason: ProblemReason.NoRows });
  if (problems.length > 0) return { records: [], problems };

  const records: RegisterRecord<K>[] = [];
  const firstRowOfKey = new Map<string, number>();
  const minYear = Number(refs.today.slice(0, 4)) - 90;
  const maxYear = Number(refs.today.slice(0, 4)) - 18;
  for (const { cells, row } of dataRows) {
    const named = Object.fromEntries([...columnIndex].map(([key, index]) => [key, cells[index] ?? '']));
    const read = new RowReader(named, row, problems);
    const keyColumn = kind === 'courts' ? 'code' : 'personnel_number';
    const key = read.matching(keyColumn, kind === 'courts' ? CODE : PERSONNEL_NUMBER);
    if (key !== undefined) {
      const first = firstRowOfKey.get(key.toLowerCase());
      if (first !== undefined) problems.push({ row, column: keyColumn, value: key, reason: ProblemReason.DuplicateInFile, params: { firstRow: first } });
      else firstRowOfKey.set(key.toLowerCase(), row);
    }
    const record = readRecord(kind, read, key, refs, minYear, maxYear);
    if (record) records.push(record as RegisterRecord<K>);
  }
  return problems.length > 0 ? { records: [], problems } : { records, problems };
}

function readRecord(kind: RegisterKind, read: RowReader, key: string | undefined, refs: RegisterReferences, minYear: number, maxYear: number) {
  if (kind === 'courts') {
    const record = {
      code: key,
      names: { kk: read.text('name_kk'), ru: read.text('name_ru'), en: read.text('name_en') },
      level: read.code('level', COURT_LEVELS.codes),
      specialisation: read.code('specialisation', SPECIALISATIONS.codes),
      regionCode: read.code('region', refs.regions),
    };
    return complete(record) && complete(record.names) ? (record as CourtRecord) : null;
  }
  const fullName = read.text('full_name');
  const gender = read.gender('gender');
  const birthYear = read.year('birth_year', minYear, maxYear);
  if (kind === 'judges') {
    const record = {
      personnelNumber: key,
      fullName,
      gender,
      birthYear,
      appointmentDate: read.date('appointment_date', refs.today, birthYear),
      courtCode: read.code('court', refs.courts, false),
      position: read.code('position', JUDGE_POSITIONS.codes),
      email: read.email('email'),
      language: read.optionalCode('language', LOCALES, 'kk'),
    };
    return complete(record) ? (record as JudgeRecord) : null;
  }
  const hireDate = read.date('hire_date', refs.today, birthYear);
  const workplace = read.code('workplace', new Set([...refs.courts, ...refs.units]), false);
  const record = {
    personnelNumber: key,
    fullName,
    gender,
    birthYear,
    hireDate,
    courtCode: workplace !== undefined && refs.courts.has(workplace) ? workplace : null,
    unitCode: workplace !== undefined && refs.units.has(workplace) ? workplace : null,
    category: read.code('category', STAFF_CATEGORIES.codes),
    email: read.email('email'),
    language: read.optionalCode('language', LOCALES, 'kk'),
  };
  return complete(record) && workplace !== undefined ? (record as StaffRecord) : null;
}

function complete(record: object): boolean {
  return Object.values(record).every((value) => value !== undefined);
}

