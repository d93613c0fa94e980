import { TestingModule } from '@nestjs/testing';
import { DataSource } from 'typeorm';
import { createIntegrationModule, createTestDatabase, TestDatabase } from '@app/testing';
import { readRegisterTable, writeRegisterFile } from './import/register-file';
import { RegisterImportService } from './register-import.service';
import { RegistryErrorCode } from './registry.errors';
import { RegistryModule } from './registry.module';
import { RegistryRepository } from './registry.repository';
import { generateSyntheticPopulation } from './synthetic/synthetic-population';

describe('register import on a real database', () => {
  let db: TestDatabase;
  let module: TestingModule;
  let imports: RegisterImportService;
  let registry: RegistryRepository;
  let owner: DataSource;
  const population = generateSyntheticPopulation({ seed: 11, scale: 1, referenceDate: '2026-11-01' });
  const byKey = <T extends { personnelNumber: string }>(rows: T[]) => [...rows].sort((a, b) => a.personnelNumber.localeCompare(b.personnelNumber));

  beforeAll(async () => {
    db = await createTestDatabase();
    module = await createIntegrationModule(db, { imports: [RegistryModule] });
    imports = module.get(RegisterImportService);
    registry = module.get(RegistryRepository);
    owner = await db.owner();
  });

  afterAll(async () => {
    await module?.close();
    await db?.drop();
  });

  it('round-trips the national register exactly through .xlsx', async () => {
    const courts = await imports.import(null, 'courts', await writeRegisterFile('courts', population.courts, 'xlsx', 'kk'), 'en');
    expect(courts).toMatchObject({ created: population.courts.length, updated: 0, deactivated: 0 });
    const judges = await imports.import(null, 'judges', await writeRegisterFile('judges', population.judges, 'xlsx', 'ru'), 'en');
    expect(judges).toMatchObject({ created: 2235, updated: 0, unchanged: 0, deactivated: 0 });
    const staff = await imports.import(null, 'staff', await writeRegisterFile('staff', population.staff, 'xlsx', 'en'), 'en');
    expect(staff).toMatchObject({ created: 6000, updated: 0, unchanged: 0, deactivated: 0 });

    expect(await registry.records('judges')).toEqual(byKey(population.judges));
    expect(await registry.records('staff')).toEqual(byKey(population.staff));
    expect(await registry.records('courts')).toEqual([...population.courts].sort((a, b) => a.code.localeCompare(b.code)));
  });

  it('round-trips exactly through .csv: re-importing the same register changes nothing', async () => {
    for (const kind of ['judges', 'staff'] as const) {
      const result = await imports.import(null, kind, await writeRegisterFile(kind, population[kind], 'csv', 'kk'), 'en');
      expect(result).toMatchObject({ created: 0, updated: 0, unchanged: population[kind].length, deactivated: 0 });
    }
    expect(await registry.records('staff')).toEqual(byKey(population.staff));
  });

  it('writes nothing when one cell among 6,000 rows is bad, and names that cell', async () => {
    const before = await owner.query(`SELECT md5(string_agg(s::text, ',' ORDER BY personnel_number)) AS digest FROM registry.staff_member s`);
    const file = await writeRegisterFile('staff', [...population.staff, { ...population.staff[0], personnelNumber: 'S9999999' }], 'xlsx', 'en');
    const table = await readRegisterTable(file, 'xlsx');
    table[3001][3] = '19x0';
    const broken = await writeCells(table);

    await expect(imports.import(null, 'staff', broken, 'en')).rejects.toMatchObject({
      code: RegistryErrorCode.ImportRejected,
      params: { count: 1 },
      problems: [{ row: 3002, field: 'birth_year', value: '19x0', reason: expect.stringContaining('must be a year from') }],
    });
    const after = await owner.query(`SELECT md5(string_agg(s::text, ',' ORDER BY personnel_number)) AS digest FROM registry.staff_member s`);
    expect(after).toEqual(before);
    expect(await owner.query(`SELECT 1 FROM registry.staff_member WHERE personnel_number = 'S9999999'`)).toEqual([]);
  });

  it('updates by personnel number and deactivates whoever is missing from a re-import', async () => {
    const changed = population.judges.slice(1).map((judge, i) => (i === 0 ? { ...judge, fullName: 'Жаңа Есім Тегі' } : judge));
    const result = await imports.import(null, 'judges', await writeRegisterFile('judges', changed, 'csv', 'en'), 'en');
    expect(result).toMatchObject({ created: 0, updated: 1, unchanged: 2233, deactivated: 1 });
    const [gone] = await owner.query(`SELECT active FROM registry.judge WHERE personnel_number = $1`, [population.judges[0].personnelNumber]);
    expect(gone.active).toBe(false);
    const audit = await owner.query(`SELECT details FROM auth.audit_log WHERE action = 'registry.import' ORDER BY occurred_at DESC LIMIT 1`);
    expect(audit[0].details).toMatchObject({ rows: 2234, updated: 1, deactivated: 1 });
  });

  it('refuses a file that is neither .xlsx nor .csv', async () => {
    await expect(imports.import(null, 'judges', Buffer.from([0x89, 0x50, 0x4e, 0x47, 0, 0, 0, 0]), 'en')).rejects.toMatchObject({
      code: RegistryErrorCode.UnsupportedFile,
    });
  });
});

async function writeCells(table: string[][]): Promise<Buffer> {
  const ExcelJS = (await import('exceljs')).default;
  const workbook = new ExcelJS.Workbook();
  const sheet = workbook.addWorksheet('Register');
  table.forEach((row) => sheet.addRow(row));
  return Buffer.from(await workbook.xlsx.writeBuffer());
}
