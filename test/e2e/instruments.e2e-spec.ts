import { Workbook } from 'exceljs';
import { HttpClient, runApp, RunningPlatform, startPlatform } from '@app/testing';

async function workbook(labelRu: string): Promise<Blob> {
  const book = new Workbook();
  book.addWorksheet('survey').addRows([
    ['type', 'name', 'label::kk', 'label::ru', 'label::en', 'required', 'dimension', 'appearance'],
    ['begin group', 'main', 'Негізгі', 'Основное', 'Main'],
    ['select_one agree', 'pay_fair', 'Жалақым әділ', labelRu, 'My pay is fair', 'yes', 'compensation', 'likert'],
    ['end group'],
  ]);
  book.addWorksheet('choices').addRows([
    ['list_name', 'name', 'label::kk', 'label::ru', 'label::en'],
    ['agree', 1, 'Келіспеймін', 'Не согласен', 'Disagree'],
    ['agree', 2, 'Келісемін', 'Согласен', 'Agree'],
  ]);
  book.addWorksheet('settings').addRows([
    ['form_title::kk', 'form_title::ru', 'form_title::en'],
    ['Еңбекақы', 'Оплата труда', 'Pay'],
  ]);
  return new Blob([await book.xlsx.writeBuffer()]);
}

/** A multipart upload with the client's session and CSRF token. */
async function upload(client: HttpClient, path: string, file: Blob | null, language = 'en') {
  const form = new FormData();
  if (file) form.append('file', file, 'questionnaire.xlsx');
  const response = await fetch(`${client.baseUrl}${path}`, {
    method: 'POST',
    headers: { cookie: `jqc_session=${client.cookie('jqc_session')}`, 'x-csrf-token': client.csrfToken!, 'accept-language': language },
    body: form,
  });
  return { status: response.status, body: await response.json() };
}

/** A small valid questionnaire, as a designer would post it. */
function definition(titleRu = 'Критерии оценки понятны') {
  return {
    locale: 'kk',
    title: { kk: 'Қысқа сауалнама', ru: 'Короткая анкета', en: 'Short questionnaire' },
    pages: [
      {
        name: 'main',
        title: { kk: 'Негізгі сұрақтар', ru: 'Основные вопросы', en: 'Main questions' },
        elements: [
          {
            type: 'rating',
            name: 'criteria_clear',
            title: { kk: 'Бағалау өлшемшарттары түсінікті', ru: titleRu, en: 'The evaluation criteria are clear' },
            dimension: 'evaluation-system',
            isRequired: true,
            rateMin: 1,
            rateMax: 5,
            minRateDescription: { kk: 'Мүлдем келіспеймін', ru: 'Совершенно не согласен', en: 'Strongly disagree' },
            maxRateDescription: { kk: 'Толық келісемін', ru: 'Полностью согласен', en: 'Strongly agree' },
          },
          {
            type: 'comment',
            name: 'suggestions',
            title: { kk: 'Ұсыныстарыңыз', ru: 'Ваши предложения', en: 'Your suggestions' },
            dimension: 'general',
          },
        ],
      },
    ],
  };
}

describe('instruments over HTTP', () => {
  let platform: RunningPlatform;
  const clients: Record<string, HttpClient> = {};
  let instruments: { id: string; code: string; kind: string; latestVersion: { version: number } }[];
  const byKind = (kind: string) => instruments.find((instrument) => instrument.kind === kind)!;

  beforeAll(async () => {
    platform = await startPlatform();
    const demo = runApp('cli', { ...platform.db.env, DEMO_PASSWORD: 'instruments-password' }, ['seed:demo']);
    expect(await demo.exited).toBe(0);
    for (const login of ['commission', 'hr', 'admin', 'judge']) {
      clients[login] = new HttpClient(platform.baseUrl);
      await clients[login].signIn(login, 'instruments-password');
    }
  });

  afterAll(async () => {
    await platform?.stop();
  });

  it('seeds the three built-in questionnaires once, however often the seed runs', async () => {
    const first = runApp('cli', platform.db.env, ['seed:instruments']);
    expect(await first.exited).toBe(0);
    expect(first.output()).toContain('created judges-evaluation-survey, staff-hr-survey, peer-review');
    const again = runApp('cli', platform.db.env, ['seed:instruments']);
    expect(await again.exited).toBe(0);
    expect(again.output()).toContain('already present judges-evaluation-survey, staff-hr-survey, peer-review');
    expect(again.output()).not.toContain('created');
  });

  it('lists the seeded instruments to the Commission, HR and administrators, and to nobody else', async () => {
    const response = await clients.commission.get('/api/instruments');
    expect(response.status).toBe(200);
    instruments = response.body;
    expect(instruments.map((i) => [i.code, i.kind, i.latestVersion.version]).sort()).toEqual([
      ['judges-evaluation-survey', 'judges-survey', 1],
      ['peer-review', 'peer-review', 1],
      ['staff-hr-survey', 'staff-survey', 1],
    ]);
    expect(byKind('judges-survey')).toMatchObject({ title: { kk: expect.stringMatching(/^Судьялар сауалнамасы/), ru: expect.any(String), en: expect.any(String) } });
    expect((await clients.hr.get('/api/instruments')).status).toBe(200);
    expect((await clients.admin.get('/api/instruments')).status).toBe(200);
    expect((await clients.judge.get('/api/instruments')).status).toBe(403);
  });

  it('serves a version’s definition', async () => {
    const response = await clients.hr.get(`/api/instruments/${byKind('peer-review').id}/versions/1`);
    expect(response.status).toBe(200);
    expect(response.body).toMatchObject({ version: 1, locked: false, createdBy: null });
    expect(response.body.definition.pages.map((page: { name: string }) => page.name)).toContain('integrity_impartiality');
  });

  it('refuses an invalid definition with 400, naming the element and the reason in the reader’s language, and saves nothing', async () => {
    const judges = byKind('judges-survey');
    const response = await clients.commission.post(`/api/instruments/${judges.id}/versions`, { definition: definition('') }, { 'accept-language': 'ru' });
    expect(response.status).toBe(400);
    expect(response.body).toMatchObject({
      code: 'instruments.invalid-definition',
      message: 'В определении анкеты есть ошибки (1); ничего не сохранено',
      problems: [{ field: 'question:criteria_clear.title.ru', reason: 'нет текста на языке «ru»' }],
    });
    const kazakh = await clients.commission.post(`/api/instruments/${judges.id}/versions`, { definition: { ...definition(), pages: [] } }, { 'accept-language': 'kk' });
    expect(kazakh.body.problems).toEqual([{ field: 'survey.pages', reason: '«pages» тізімінде кемінде бір бет болуы керек' }]);
    const notAnObject = await clients.commission.post(`/api/instruments/${judges.id}/versions`, { definition: [1] });
    expect(notAnObject.status).toBe(400);
    expect(notAnObject.body.problems).toEqual([expect.objectContaining({ field: 'definition' })]);
    expect((await clients.commission.get(`/api/instruments/${judges.id}/versions`)).body.map((v: { version: number }) => v.version)).toEqual([1]);
  });

  it('saves a valid definition as version 2, with the default free-text limit', async () => {
    const judges = byKind('judges-survey');
    const response = await clients.commission.post(`/api/instruments/${judges.id}/versions`, { definition: definition() });
    expect(response.status).toBe(201);
    expect(response.body).toMatchObject({ instrumentId: judges.id, version: 2, locked: false });
    expect(response.body.definition.pages[0].elements[1].maxLength).toBe(2000);
    const versions = await clients.admin.get(`/api/instruments/${judges.id}/versions`);
    expect(versions.body.map((v: { version: number }) => v.version)).toEqual([2, 1]);
    expect(versions.body[0]).not.toHaveProperty('definition');
  });

  it('keeps HR to the staff survey and the Commission to judges’ instruments', async () => {
    const refused = await clients.hr.post(`/api/instruments/${byKind('judges-survey').id}/versions`, { definition: definition() }, { 'accept-language': 'en' });
    expect(refused.status).toBe(403);
    expect(refused.body).toMatchObject({ code: 'instruments.kind-not-editable-by-role', message: 'Your role cannot edit questionnaires of kind "judges-survey"' });
    expect((await clients.commission.post(`/api/instruments/${byKind('staff-survey').id}/versions`, { definition: definition() })).status).toBe(403);
    expect((await clients.hr.post(`/api/instruments/${byKind('staff-survey').id}/versions`, { definition: definition() })).status).toBe(201);
    expect((await clients.admin.post(`/api/instruments/${byKind('staff-survey').id}/versions`, { definition: definition() })).status).toBe(403);
  });

  it('replaces an unlocked version in place, and answers 409 once a campaign has locked it', async () => {
    const judges = byKind('judges-survey');
    const path = `/api/instruments/${judges.id}/versions/2`;
    const replaced = await clients.commission.request('PUT', path, { definition: definition('Критерии оценки мне понятны') });
    expect(replaced.status).toBe(200);
    expect((await clients.commission.get(path)).body.definition.pages[0].elements[0].title.ru).toBe('Критерии оценки мне понятны');

    const owner = await platform.db.owner();
    await owner.query(`UPDATE instruments.instrument_version SET locked = true WHERE instrument_id = $1 AND version = 2`, [judges.id]);
    const locked = await clients.commission.request('PUT', path, { definition: definition() }, { 'accept-language': 'en' });
    expect(locked.status).toBe(409);
    expect(locked.body).toMatchObject({ code: 'instruments.version-locked' });
    expect((await clients.commission.get(path)).body).toMatchObject({ locked: true });
  });

  it('answers 404 for an unknown instrument or version, and 400 for a malformed one', async () => {
    expect((await clients.commission.get('/api/instruments/00000000-0000-4000-8000-000000000000/versions')).body).toMatchObject({
      statusCode: 404,
      code: 'instruments.instrument-not-found',
    });
    expect((await clients.commission.get(`/api/instruments/${byKind('judges-survey').id}/versions/9`)).status).toBe(404);
    expect((await clients.commission.get(`/api/instruments/${byKind('judges-survey').id}/versions/two`)).status).toBe(400);
  });

  it('imports an XLSForm-style workbook as the next version, or names the bad cell', async () => {
    const staff = byKind('staff-survey');
    const path = `/api/instruments/${staff.id}/versions/import`;
    const broken = await upload(clients.hr, path, await workbook(''), 'ru');
    expect(broken).toMatchObject({ status: 400, body: { code: 'instruments.invalid-definition', problems: [{ field: 'survey[3].label::ru', reason: 'нет текста на языке «ru»' }] } });
    const missing = await upload(clients.hr, path, null);
    expect(missing).toMatchObject({ status: 400, body: { problems: [{ field: 'file', reason: 'is required' }] } });
    expect((await upload(clients.commission, path, await workbook('Моя зарплата справедлива'))).status).toBe(403);

    const imported = await upload(clients.hr, path, await workbook('Моя зарплата справедлива'));
    expect(imported.status).toBe(201);
    expect(imported.body).toMatchObject({ version: 3, definition: { pages: [{ elements: [{ type: 'rating', name: 'pay_fair', dimension: 'compensation' }] }] } });
  });

  it('records who saved each version in the audit log', async () => {
    const audit = await clients.admin.get('/api/admin/audit-log?limit=50');
    const saved = audit.body.entries.filter((entry: { action: string }) => entry.action === 'instruments.version-created');
    expect(saved.map((entry: { actorLogin: string }) => entry.actorLogin).sort()).toEqual(['commission', 'hr', 'hr']);
  });
});
