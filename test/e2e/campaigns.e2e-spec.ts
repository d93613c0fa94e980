import { campaignDefinition, firstRelease, HttpClient, issueInvitationTokens, RunningPlatform, seedPlatform, startPlatform, storePeerReviews } from '@app/testing';

const PASSWORD = 'campaigns-e2e-password';
const inDays = (days: number) => new Date(Date.now() + days * 24 * 3600_000).toISOString();
// The staff survey goes to two regions of the national register: each invitation is read back.
const SURVEYED_REGIONS = ['astana', 'shymkent'];
const TITLE = { kk: 'Қызметкерлер сауалнамасы', ru: 'Опрос сотрудников', en: 'Staff survey' };

/**
 * How a leaked peer-review seed (an integer below 2^47, stored as a JSON number) could read in a
 * response: in decimal as stored or grouped by a locale, in hexadecimal, and as the hex or base64
 * of its bytes (either byte order, with or without leading zeros) or of its decimal digits.
 */
function seedForms(seed: string): string[] {
  const big = Buffer.alloc(8);
  big.writeBigUInt64BE(BigInt(seed));
  const short = big.subarray(big.findIndex((byte) => byte !== 0));
  const bytes = [big, short, Buffer.from(big).reverse(), Buffer.from(short).reverse(), Buffer.from(seed)];
  const hex = [BigInt(seed).toString(16), ...bytes.map((b) => b.toString('hex'))];
  const forms = [
    seed,
    ...['en', 'ru', 'kk'].map((locale) => Number(seed).toLocaleString(locale)),
    ...hex,
    ...hex.map((h) => h.toUpperCase()),
    ...bytes.flatMap((b) => [b.toString('base64').replace(/=+$/, ''), b.toString('base64url')]),
  ];
  return [...new Set(forms)];
}

describe('campaigns over HTTP', () => {
  let platform: RunningPlatform;
  let hr: HttpClient;
  let commission: HttpClient;
  let versionOf: Record<string, string>;

  beforeAll(async () => {
    platform = await startPlatform();
    hr = await seedPlatform(platform, { seed: 3, scale: 1, password: PASSWORD });
    commission = new HttpClient(platform.baseUrl);
    await commission.signIn('commission', PASSWORD);
    const instruments = (await hr.get('/api/instruments')).body as { kind: string; latestVersion: { id: string } }[];
    versionOf = Object.fromEntries(instruments.map((i) => [i.kind, i.latestVersion.id]));
  });

  afterAll(async () => {
    await platform?.stop();
  });

  it('launches a staff survey: one e-mail per person in their language, the token only in the link fragment, never in the database', async () => {
    const created = await hr.post('/api/campaigns', {
      kind: 'staff-survey',
      title: TITLE,
      instrumentVersionId: versionOf['staff-survey'],
      deadline: inDays(14),
      population: { regions: SURVEYED_REGIONS },
    });
    expect(created.status).toBe(201);
    expect(created.body).toMatchObject({ status: 'draft', thresholds: { count: 5, mean: 8, freeText: 10, peer: 5 }, languages: ['kk', 'ru', 'en'] });
    const id = created.body.id;
    const preview = (await hr.get(`/api/campaigns/${id}/preview`)).body;
    expect(preview).toEqual({ population: expect.any(Number), peer: null });
    const invited: number = preview.population;
    expect(invited).toBeGreaterThan(500);
    expect(invited).toBeLessThan(6000);

    const launched = await hr.post(`/api/campaigns/${id}/launch`);
    expect(launched.status).toBe(200);
    expect(launched.body).toMatchObject({ participants: invited, assignments: 0, campaign: { status: 'open' } });

    const deadline = Date.now() + 150_000;
    let mails = await platform.mails();
    while (mails.length < invited && Date.now() < deadline) {
      await new Promise((resolve) => setTimeout(resolve, 1000));
      mails = await platform.mails();
    }
    expect(mails).toHaveLength(invited);

    const owner = await platform.db.owner();
    const people: { email: string; language: 'kk' | 'ru' | 'en' }[] = await owner.query(
      `SELECT s.email, s.language FROM registry.staff_member s JOIN campaigns.participant p ON p.person_id = s.id WHERE p.campaign_id = $1`,
      [id],
    );
    expect(people).toHaveLength(invited);
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
    expect(new Set(tokens).size).toBe(invited);

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
    expect(stored).toBe(invited);

    // Launched settings are locked, through the API and in the database itself.
    const change = await hr.request('PATCH', `/api/campaigns/${id}`, { deadline: inDays(30) }, { 'accept-language': 'en' });
    expect(change.status).toBe(409);
    expect(change.body.code).toBe('campaigns.locked');
    await expect(owner.query(`UPDATE campaigns.campaign SET thresholds = '{"count":3,"mean":5,"freeText":10,"peer":3}' WHERE id = $1`, [id])).rejects.toThrow(/locked/);
    await expect(owner.query(`UPDATE campaigns.campaign SET status = 'draft' WHERE id = $1`, [id])).rejects.toThrow(/cannot go from open to draft/);

    // Only the overall rate while open; nothing per person anywhere.
    expect((await hr.get(`/api/campaigns/${id}/response-rate`)).body).toEqual({ status: 'open', invited, responded: 0, rate: 0 });
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

  it('never returns the assignment seed: no response about a peer-review round holds it, in any form, from draft to published', async () => {
    const replies: { route: string; status: number; text: string }[] = [];
    const kept = async (route: string, request: Promise<{ status: number; text: string; body: any }>) => {
      const reply = await request;
      replies.push({ route, status: reply.status, text: reply.text });
      return reply;
    };
    const document = (await commission.get('/api/docs-json')).body as { paths: Record<string, Record<string, unknown>> };
    const reads = Object.keys(document.paths).filter((path) => path.startsWith('/api/campaigns') && 'get' in document.paths[path]);
    expect(reads.length).toBeGreaterThanOrEqual(8);
    /** Every campaign read the API has (from its OpenAPI document), and the dashboard's pages. */
    const readEverything = async (id: string, stage: string) => {
      for (const path of reads) await kept(`${stage}: GET ${path}`, commission.get(path.replace('{id}', id).replace('{release}', '1')));
      for (const page of ['/dashboard', `/dashboard/campaigns/${id}`, `/dashboard/campaigns/${id}/comments`]) await kept(`${stage}: GET ${page}`, commission.get(page));
    };

    const created = await kept(
      'POST /api/campaigns',
      commission.post('/api/campaigns', {
        kind: 'peer-review',
        title: { kk: 'Әріптестік бағалау', ru: 'Взаимная оценка', en: 'Peer review' },
        instrumentVersionId: versionOf['peer-review'],
        deadline: inDays(21),
        population: { courtLevels: ['district'] },
      }),
    );
    expect(created.status).toBe(201);
    const id = created.body.id;
    // The settings come back, the seed does not; it is in the database, where the launch reads it.
    expect(Object.keys(created.body.peer).sort()).toEqual(['maxReviewers', 'minReviewers', 'rule']);
    const owner = await platform.db.owner();
    const [{ seed }] = await owner.query(`SELECT peer ->> 'seed' AS seed FROM campaigns.campaign WHERE id = $1`, [id]);
    expect(seed).toMatch(/^\d{6,}$/);

    await kept(
      'PATCH /api/campaigns/{id}',
      commission.request('PATCH', `/api/campaigns/${id}`, {
        reminderDays: [],
        peer: { rule: { district: 'same-level-and-region', regional: 'same-level', supreme: 'same-level' }, minReviewers: 5, maxReviewers: 6 },
      }),
    );
    await readEverything(id, 'draft');
    expect((await kept('POST /api/campaigns/{id}/launch', commission.post(`/api/campaigns/${id}/launch`))).status).toBe(200);
    await kept('POST /api/campaigns/{id}/launch again', commission.post(`/api/campaigns/${id}/launch`));
    await readEverything(id, 'open');

    // A reviewer opens their invitation: the form lists whom to review, and nothing of how they were drawn.
    const [reviewer] = await owner.query(`SELECT reviewer_participant_id AS id FROM campaigns.peer_assignment WHERE campaign_id = $1 LIMIT 1`, [id]);
    const [token] = await issueInvitationTokens(platform, owner, [reviewer.id]);
    const respondent = new HttpClient(platform.baseUrl);
    expect((await kept('POST /api/respond/session', respondent.post('/api/respond/session', { token }))).status).toBe(200);
    await kept('GET /api/respond/session', respondent.get('/api/respond/session'));

    const ratings = (await campaignDefinition(owner, id)).pages.flatMap((p) => p.elements).filter((q) => q.type === 'rating');
    await storePeerReviews(owner, id, (_judge, i) => Object.fromEntries(ratings.map((q, j) => [q.name, 1 + ((i * 3 + j) % 5)])));
    expect((await kept('POST /api/campaigns/{id}/close', commission.post(`/api/campaigns/${id}/close`))).status).toBe(200);
    await firstRelease(commission, id);
    await readEverything(id, 'closed');
    expect((await kept('POST /api/campaigns/{id}/results/publish', commission.post(`/api/campaigns/${id}/results/publish`))).status).toBe(200);
    await kept('POST /api/campaigns/{id}/exports', commission.post(`/api/campaigns/${id}/exports`, { locale: 'en' }));
    await readEverything(id, 'published');

    expect(replies.filter((reply) => reply.status === 200).length).toBeGreaterThan(replies.length / 2);
    const forms = seedForms(seed);
    expect(replies.flatMap(({ route, text }) => forms.filter((form) => text.includes(form)).map((form) => `${route}: ${form}`))).toEqual([]);
  });
});
