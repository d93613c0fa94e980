import { parseRegister, ProblemReason, RegisterReferences } from './parse-register';

const refs: RegisterReferences = {
  regions: new Set(['almaty', 'astana']),
  courts: new Set(['almaty-district-1', 'supreme']),
  units: new Set(['ca-central']),
  today: '2026-11-22',
};

const judgeHeader = ['Табельный номер', 'ФИО', 'Пол', 'Год рождения', 'Дата назначения', 'Код суда', 'Должность', 'Электронная почта', 'Язык'];
const goodJudge = ['J001', 'Ахметова Айгерім Серікқызы', 'f', '1980', '2010-05-17', 'almaty-district-1', 'judge', 'a.akhmetova@sud.kz', 'kk'];

describe('parseRegister', () => {
  it('reads a valid judges table with Russian headers', () => {
    const { records, problems } = parseRegister('judges', [judgeHeader, goodJudge, ['J002', 'Ким Марат', 'м', '1975', '2001-01-09', 'supreme', 'court-president', 'M.Kim@sud.kz', '']], refs);
    expect(problems).toEqual([]);
    expect(records).toEqual([
      { personnelNumber: 'J001', fullName: 'Ахметова Айгерім Серікқызы', gender: 'f', birthYear: 1980, appointmentDate: '2010-05-17', courtCode: 'almaty-district-1', position: 'judge', email: 'a.akhmetova@sud.kz', language: 'kk' },
      { personnelNumber: 'J002', fullName: 'Ким Марат', gender: 'm', birthYear: 1975, appointmentDate: '2001-01-09', courtCode: 'supreme', position: 'court-president', email: 'm.kim@sud.kz', language: 'kk' },
    ]);
  });

  it('accepts English, Kazakh or key headers in any order and ignores blank rows', () => {
    const header = ['position', 'Court code', 'Туған жылы', 'gender', 'full_name', 'Appointment date', 'Personnel number', 'E-mail'];
    const { records, problems } = parseRegister('judges', [header, [], ['judge', 'supreme', '1970', 'F', 'X Y', '2000-02-29', 'J9', 'x@y.kz']], refs);
    expect(problems).toEqual([]);
    expect(records[0]).toMatchObject({ personnelNumber: 'J9', gender: 'f', appointmentDate: '2000-02-29', language: 'kk' });
  });

  it('names missing and unknown columns, and writes no record', () => {
    const { records, problems } = parseRegister('judges', [['Табельный номер', 'ФИО', 'Phone'], ['J1', 'X', '+7 701']], refs);
    expect(records).toEqual([]);
    expect(problems).toEqual(
      expect.arrayContaining([
        { row: 1, column: 'Phone', value: 'Phone', reason: ProblemReason.UnknownColumn },
        { row: 1, column: 'gender', value: '', reason: ProblemReason.MissingColumn },
        { row: 1, column: 'court', value: '', reason: ProblemReason.MissingColumn },
      ]),
    );
  });

  it('names every bad cell with its row, column, value and reason', () => {
    const rows = [
      judgeHeader,
      goodJudge,
      ['J001', 'Dup', 'f', '1980', '2010-05-17', 'almaty-district-1', 'judge', 'd@sud.kz', 'ru'],
      ['J003', '', 'x', '1890', '2030-01-01', 'nowhere', 'boss', 'not-an-address', 'de'],
      ['J004', 'Born late', 'm', '2000', '2010-01-01', 'supreme', 'judge', 'b@sud.kz', 'en'],
      ['J 5', 'Bad date', 'm', '1970', '2020-02-30', 'supreme', 'judge', 'c@sud.kz', ''],
    ];
    const { records, problems } = parseRegister('judges', rows, refs);
    expect(records).toEqual([]);
    expect(problems).toEqual([
      { row: 3, column: 'personnel_number', value: 'J001', reason: ProblemReason.DuplicateInFile, params: { firstRow: 2 } },
      { row: 4, column: 'full_name', value: '', reason: ProblemReason.Empty },
      { row: 4, column: 'gender', value: 'x', reason: ProblemReason.BadGender },
      { row: 4, column: 'birth_year', value: '1890', reason: ProblemReason.BadYear, params: { min: 1936, max: 2008 } },
      { row: 4, column: 'appointment_date', value: '2030-01-01', reason: ProblemReason.FutureDate },
      { row: 4, column: 'court', value: 'nowhere', reason: ProblemReason.UnknownCode, params: { allowed: '—' } },
      { row: 4, column: 'position', value: 'boss', reason: ProblemReason.UnknownCode, params: { allowed: 'judge, chamber-president, court-president' } },
      { row: 4, column: 'email', value: 'not-an-address', reason: ProblemReason.BadEmail },
      { row: 4, column: 'language', value: 'de', reason: ProblemReason.UnknownCode, params: { allowed: 'kk, ru, en' } },
      { row: 5, column: 'appointment_date', value: '2010-01-01', reason: ProblemReason.BeforeAdulthood, params: { birthYear: 2000 } },
      { row: 6, column: 'personnel_number', value: 'J 5', reason: ProblemReason.BadFormat },
      { row: 6, column: 'appointment_date', value: '2020-02-30', reason: ProblemReason.BadDate },
    ]);
  });

  it('places staff at a court or a Court Administration unit', () => {
    const header = ['personnel_number', 'full_name', 'gender', 'birth_year', 'hire_date', 'workplace', 'category', 'email', 'language'];
    const { records, problems } = parseRegister('staff', [header, ['S1', 'A', 'f', '1990', '2015-03-01', 'ca-central', 'senior', 's1@sud.kz', 'ru'], ['S2', 'B', 'm', '1991', '2016-03-01', 'supreme', 'assistant', 's2@sud.kz', 'en']], refs);
    expect(problems).toEqual([]);
    expect(records.map((r) => [r.courtCode, r.unitCode])).toEqual([
      [null, 'ca-central'],
      ['supreme', null],
    ]);
  });

  it('refuses a file without data rows', () => {
    expect(parseRegister('courts', [['code']], refs).problems).toContainEqual({ row: 2, column: '', value: '', reason: ProblemReason.NoRows });
  });
});
