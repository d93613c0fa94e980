import { HttpClient, runApp, RunningPlatform, startPlatform } from '@app/testing';

const PASSWORD = 'campaigns-e2e-password';
const inDays = (days: number) => new Date(Date.now() + days * 24 * 3600_000).toISOString();
const TITLE = { kk: 'Қызметкерлер сауалнамасы', ru: 'Опрос сотрудников', en: 'Staff survey' };

describe('campaigns over HTTP', () => {
  let platform: RunningPlatform;
  let hr: HttpClient;
  let commission: HttpClient;
  let versionOf: Record<string, string>;

  beforeAll(async () => {
    platform = await startPlatform();
    for (const args of [['seed:demo'], ['seed:instruments'], ['registry:load-synthetic', '--seed', '3']]) {
      const run = runApp('cli', { ...platform.db.env, DEMO_PASSWORD: PASSWORD }, args);
      expect(await run.exited).toBe(0);
    }
    hr = new HttpClient(platform.baseUrl);
    await hr.signIn('hr', PASSWORD);
    commission = new HttpClient(platform.baseUrl);
    await commission.signIn('commission', PASSWORD);
    const instruments = (await hr.get('/api/instruments')).body as { kind: string; latestVersion: { id: string } }[];
    versionOf = Object.fromEntries(instruments.map((i) => [i.kind, i.latestVersion.id]));
  });

  afterAll(async () => {
    await platform?.stop();
  });

  it('launches a staff survey: one e-mail per person in their language, the token only in the link fragment, never in the database', async () => {
    const created = await hr.post('/api/campaigns', { kind: 'staff-survey', title: TITLE, instrumentVersionId: versionOf['staff-survey'], deadline: inDays(14) });
    expect(created.status).toBe(201);
    expect(created.body).toMatchObject({ status: 'draft', thresholds: { count: 5, mean: 8, freeText: 10, peer: 5 }, languages: ['kk', 'ru', 'en'] });
    const id = created.body.id;
    expect((await hr.get(`/api/campaigns/${id}/preview`)).body).toEqual({ population: 6000, peer: null });

    const launched = await hr.post(`/api/campaigns/${id}/launch`);
    expect(launched.status).toBe(200);
    expect(launched.body).toMatchObject({ participants: 6000, assignments: 0, campaign: { status: 'open' } });

    const deadline = Date.now() + 150_000;
    let mails = await platform.mails();
    while (mails.length < 6000 && Date.now() < deadline) {
      await new Promise((resolve) => setTimeout(resolve, 1000));
      mails = await platform.mails();
    }
    expect(mails).toHaveLength(6000);

    const owner = await platform.db.owner();
    const people: { email: string; language: 'kk' | 'ru' | 'en' }[] = await owner.query(`SELECT email, language FROM registry.staff_member`);
    const languageOf = new Map(people.map((p) => [p.email, p.language]));
    expect(new Set(mails.map((m) => m.to))).toEqual(new Set(languageOf.keys()));
    const subjects = { kk: 'Сауалнамаға шақыру: Қызметкерлер сауалнамасы', ru: 'Приглашение к опросу: Опрос сотрудников', en: 'Invitation to a survey: Staff survey' };
    const tokens: string[] = [];
    for (const mail of mails) {
      expect(mail.subject).toBe(subjects[languageOf.get(mail.to)!]);
      const link = /http:\/\/127\.0\.0\.1:\d+\/respond#([A-Za-z0-9_-]{43})\b/.exec(mail.text);
      expect(link).not.toBeNull();
      expect(mail.text.split(link![0])[0]).not.toContain('?');
      tokens.push(link![1]);
    }
    expect(new Set(tokens).size).toBe(6000);

    // No plain token anywhere: not as a key, not inside any row of any table.
    const tables: { schema: string; name: string }[] = await owner.query(
      `SELECT table_schema AS schema, table_name AS name FROM information_schema.tables WHERE table_type = 'BASE TABLE' AND table_schema NOT IN ('pg_catalog', 'information_schema')`,
    );
    for (const table of tables) {
      const [{ hits }] = await owner.query(
        `SELECT count(*)::int AS hits FROM "${table.schema}"."${table.name}" t WHERE EXISTS (SELECT 1 FROM unnest($1::text[]) token WHERE strpos(t::text, token) > 0)`,
        [tokens.slice(0, 200)],
      );
      expect({ table: `${table.schema}.${table.name}`, hits }).toEqual({ table: `${table.schema}.${table.name}`, hits: 0 });
    }
    const [{ stored }] = await owner.query(`SELECT count(*)::int AS stored FROM campaigns.invitation_token`);
    expect(stored).toBe(6000);

    // Launched settings are locked, through the API and in the database itself.
    const change = await hr.request('PATCH', `/api/campaigns/${id}`, { deadline: inDays(30) }, { 'accept-language': 'en' });
    expect(change.status).toBe(409);
    expect(change.body.code).toBe('campaigns.locked');
    await expect(owner.query(`UPDATE campaigns.campaign SET thresholds = '{"count":3,"mean":5,"freeText":10,"peer":3}' WHERE id = $1`, [id])).rejects.toThrow(/locked/);
    await expect(owner.query(`UPDATE campaigns.campaign SET status = 'draft' WHERE id = $1`, [id])).rejects.toThrow(/cannot go from open to draft/);

    // Only the overall rate while open; nothing per person anywhere.
    expect((await hr.get(`/api/campaigns/${id}/response-rate`)).body).toEqual({ status: 'open', invited: 6000, responded: 0, rate: 0 });
    const document = (await hr.get('/api/docs-json')).body;
    expect(Object.keys(document.paths).filter((path) => /participant|respond(ed|ers)/i.test(path))).toEqual([]);

    const closed = await hr.post(`/api/campaigns/${id}/close`);
    expect(closed.body).toMatchObject({ status: 'closed' });
    expect((await hr.post(`/api/campaigns/${id}/close`)).status).toBe(409);
  });

  it('refuses bad settings with the field and the reason, and changes nothing', async () => {
    const base = { kind: 'staff-survey', title: TITLE, instrumentVersionId: versionOf['staff-survey'], deadline: inDays(7) };
    const low = await hr.post('/api/campaigns', { ...base, thresholds: { count: 2, mean: 8, freeText: 10, peer: 5 } }, { 'accept-language': 'en' });
    expect(low.status).toBe(400);
    expect(low.body).toMatchObject({ code: 'campaigns.threshold-below-floor', problems: [{ field: 'thresholds.count' }] });

    const past = await hr.post('/api/campaigns', { ...base, deadline: '2020-01-01T00:00:00Z' });
    expect(past.body).toMatchObject({ code: 'campaigns.deadline-passed', problems: [{ field: 'deadline' }] });

    const wrongInstrument = await hr.post('/api/campaigns', { ...base, instrumentVersionId: versionOf['judges-survey'] });
    expect(wrongInstrument.body).toMatchObject({ code: 'campaigns.instrument-mismatch', problems: [{ field: 'instrumentVersionId' }] });

    const notHrs = await hr.post('/api/campaigns', { ...base, kind: 'judges-survey', instrumentVersionId: versionOf['judges-survey'] });
    expect(notHrs.status).toBe(403);

    const empty = await hr.post('/api/campaigns', { ...base, population: { roles: ['senior'], regions: ['ulytau'], courtLevels: ['supreme'] } });
    expect(empty.status).toBe(201);
    const launch = await hr.post(`/api/campaigns/${empty.body.id}/launch`, undefined, { 'accept-language': 'en' });
    expect(launch.status).toBe(400);
    expect(launch.body).toMatchObject({ code: 'campaigns.empty-population', message: 'Nobody matches the chosen population' });
    expect((await hr.get(`/api/campaigns/${empty.body.id}`)).body.status).toBe('draft');
  });

  it('previews a peer-review plan, and refuses to launch one that cannot give every judge enough reviewers', async () => {
    const created = await commission.post('/api/campaigns', {
      kind: 'peer-review',
      title: { kk: 'Әріптестік бағалау', ru: 'Взаимная оценка', en: 'Peer review' },
      instrumentVersionId: versionOf['peer-review'],
      deadline: inDays(21),
      population: { courtLevels: ['regional'], regions: ['ulytau'] },
    });
    expect(created.status).toBe(201);
    const preview = await commission.get(`/api/campaigns/${created.body.id}/preview`);
    expect(preview.body.peer.feasible).toBe(false);
    expect(preview.body.peer.infeasible.length).toBeGreaterThan(0);
    const launch = await commission.post(`/api/campaigns/${created.body.id}/launch`, undefined, { 'accept-language': 'en' });
    expect(launch.status).toBe(400);
    expect(launch.body.code).toBe('campaigns.peer-plan-infeasible');

    const national = await commission.request('PATCH', `/api/campaigns/${created.body.id}`, { population: { courtLevels: ['district'] } });
    expect(national.status).toBe(200);
    const plan = (await commission.get(`/api/campaigns/${created.body.id}/preview`)).body;
    expect(plan.peer.feasible).toBe(true);
    const launched = await commission.post(`/api/campaigns/${created.body.id}/launch`);
    expect(launched.status).toBe(200);
    expect(launched.body.assignments).toBeGreaterThanOrEqual(launched.body.participants * 5);
    // The judge under review sees nothing of who reviews them: no route exposes assignments.
    const judge = new HttpClient(platform.baseUrl);
    await judge.signIn('judge', PASSWORD);
    expect((await judge.get(`/api/campaigns/${created.body.id}`)).status).toBe(403);
  });
});
