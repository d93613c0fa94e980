import ExcelJS from 'exceljs';
import { generateSyntheticPopulation, writeRegisterFile } from '@app/registry';
import { HttpClient, runApp, RunningPlatform, startPlatform } from '@app/testing';

function upload(file: Buffer, name: string): FormData {
  const form = new FormData();
  form.append('file', new Blob([new Uint8Array(file)]), name);
  return form;
}

describe('registers over HTTP', () => {
  let platform: RunningPlatform;
  let hr: HttpClient;
  const population = generateSyntheticPopulation({ seed: 5, scale: 1, referenceDate: '2026-11-01' });

  beforeAll(async () => {
    platform = await startPlatform();
    const seed = runApp('cli', { ...platform.db.env, DEMO_PASSWORD: 'registry-e2e-password' }, ['seed:demo']);
    expect(await seed.exited).toBe(0);
    hr = new HttpClient(platform.baseUrl);
    await hr.signIn('hr', 'registry-e2e-password');
  });

  afterAll(async () => {
    await platform?.stop();
  });

  async function post(path: string, form: FormData, client = hr) {
    return fetch(`${platform.baseUrl}${path}`, {
      method: 'POST',
      body: form,
      headers: { cookie: `jqc_session=${client.cookie('jqc_session')}`, 'x-csrf-token': client.csrfToken ?? '', 'accept-language': 'en' },
    });
  }

  it('serves the import template with headers in the language asked for', async () => {
    const response = await fetch(`${platform.baseUrl}/api/registry/judges/template?lang=ru`, { headers: { cookie: `jqc_session=${hr.cookie('jqc_session')}` } });
    expect(response.status).toBe(200);
    expect(response.headers.get('content-disposition')).toContain('judges-template-ru.xlsx');
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(await response.arrayBuffer());
    expect(workbook.worksheets[0].getRow(1).values).toEqual([undefined, 'Табельный номер', 'ФИО', 'Пол', 'Год рождения', 'Дата назначения', 'Код суда', 'Должность', 'Электронная почта', 'Язык']);
  });

  it('imports courts and judges, then lists judges with filters', async () => {
    const courts = await post('/api/registry/courts/import', upload(await writeRegisterFile('courts', population.courts, 'csv', 'en'), 'courts.csv'));
    expect(courts.status).toBe(201);
    expect(await courts.json()).toMatchObject({ kind: 'courts', created: population.courts.length });

    const judges = await post('/api/registry/judges/import', upload(await writeRegisterFile('judges', population.judges, 'xlsx', 'kk'), 'judges.xlsx'));
    expect(await judges.json()).toMatchObject({ kind: 'judges', created: 2235, deactivated: 0 });

    const page = await hr.get('/api/registry/judges?region=almaty&courtLevel=district&limit=5');
    expect(page.status).toBe(200);
    const almatyDistrictCourts = new Set(population.courts.filter((c) => c.regionCode === 'almaty' && c.level === 'district').map((c) => c.code));
    expect(page.body.total).toBe(population.judges.filter((j) => almatyDistrictCourts.has(j.courtCode)).length);
    expect(page.body.items).toHaveLength(5);
    expect(page.body.items[0]).toMatchObject({ region_code: 'almaty', court_level: 'district', synthetic: false });
  });

  it('rejects a file with bad cells, naming each, writes nothing, and returns the marked report', async () => {
    const rows = population.judges.slice(0, 3).map((j) => ({ ...j, personnelNumber: `NEW-${j.personnelNumber}` }));
    rows[1] = { ...rows[1], gender: 'x' as 'f' };
    rows[2] = { ...rows[2], courtCode: 'no-such-court' };
    const file = await writeRegisterFile('judges', rows, 'csv', 'en');

    const rejected = await post('/api/registry/judges/import', upload(file, 'judges.csv'));
    expect(rejected.status).toBe(400);
    const body = await rejected.json();
    expect(body).toMatchObject({ code: 'registry.import-rejected', message: 'The file was rejected: 2 problems found. Nothing was written' });
    expect(body.problems).toEqual([
      { row: 3, field: 'gender', value: 'x', reason: 'must be f or m' },
      { row: 4, field: 'court', value: 'no-such-court', reason: 'unknown code; allowed: —' },
    ]);
    expect((await hr.get('/api/registry/judges?limit=1')).body.total).toBe(2235);

    const report = await post('/api/registry/judges/import/report', upload(file, 'judges.csv'));
    expect(report.status).toBe(200);
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(await report.arrayBuffer());
    expect(workbook.worksheets.map((s) => s.name)).toEqual(['Register', 'Problems']);
    expect((workbook.worksheets[0].getCell('C3').fill as ExcelJS.FillPattern).fgColor?.argb).toBe('FFFFC7CE');
    expect(workbook.worksheets[1].getRow(2).values).toEqual([undefined, 3, 'Gender', 'x', 'must be f or m']);
  });

  it('refuses a wrong file type, an unknown register and a missing file with clear reasons', async () => {
    const png = await post('/api/registry/judges/import', upload(Buffer.from([0x89, 0x50, 0x4e, 0x47, 0, 1, 2, 3]), 'photo.png'));
    expect(png.status).toBe(400);
    expect(await png.json()).toMatchObject({ code: 'registry.unsupported-file', problems: [{ field: 'file' }] });

    const unknown = await post('/api/registry/prisoners/import', upload(Buffer.from('a,b'), 'x.csv'));
    expect(unknown.status).toBe(400);
    expect((await unknown.json()).problems).toEqual([{ field: 'kind', reason: 'must be one of: courts, judges, staff' }]);

    const missing = await post('/api/registry/judges/import', new FormData());
    expect((await missing.json()).problems).toEqual([{ field: 'file', reason: 'is required' }]);
  });

  it('audits every export of the register', async () => {
    const response = await fetch(`${platform.baseUrl}/api/registry/judges/export?format=csv`, { headers: { cookie: `jqc_session=${hr.cookie('jqc_session')}` } });
    expect(response.status).toBe(200);
    expect((await response.text()).split('\n').length).toBeGreaterThan(2235);
    const owner = await platform.db.owner();
    const [entry] = await owner.query(`SELECT actor_login, details FROM auth.audit_log WHERE action = 'registry.export'`);
    expect(entry).toMatchObject({ actor_login: 'hr', details: { rows: 2235, format: 'csv' } });
  });

  it('adds a version of the age bands only when the bands cover every age exactly once', async () => {
    const admin = new HttpClient(platform.baseUrl);
    await admin.signIn('admin', 'registry-e2e-password');
    const label = { kk: 'x', ru: 'x', en: 'x' };
    const gap = await admin.post('/api/registry/bands', { kind: 'age', bands: [{ code: 'young', min: 0, max: 39, labels: label }, { code: 'old', min: 41, labels: label }] }, { 'accept-language': 'en' });
    expect(gap.status).toBe(400);
    expect(gap.body.problems).toEqual([{ field: 'bands', reason: 'bands young and old must be contiguous' }]);
    const added = await admin.post('/api/registry/bands', { kind: 'age', bands: [{ code: 'young', min: 0, max: 39, labels: label }, { code: 'old', min: 40, labels: label }] });
    expect(added.status).toBe(201);
    expect(added.body).toMatchObject({ kind: 'age', version: 2 });
    expect((await admin.get('/api/registry/bands')).body.map((b: { kind: string; version: number }) => `${b.kind}@${b.version}`)).toEqual(['age@1', 'age@2', 'experience@1']);
  });

  it('keeps the staff register from the Commission', async () => {
    const commission = new HttpClient(platform.baseUrl);
    await commission.signIn('commission', 'registry-e2e-password');
    expect((await commission.get('/api/registry/staff')).status).toBe(403);
    expect((await commission.get('/api/registry/judges')).status).toBe(200);
  });
});
