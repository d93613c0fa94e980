import { randomUUID } from 'node:crypto';
import { HttpClient, runApp, RunningPlatform, startPlatform } from '@app/testing';

/**
 * The Judicial Jury's records over HTTP, against the built api: a jury member opens a
 * proceeding, takes it to a decision with a sanction, records the appeal and reads the
 * statistics; refused changes name the field and the reason; a commission member is
 * refused every disciplinary route.
 */
describe('disciplinary records over HTTP', () => {
  let platform: RunningPlatform;
  let jury: HttpClient;
  let commission: HttpClient;
  let admin: HttpClient;
  const judgeId = randomUUID();
  let proceedingId: string;

  beforeAll(async () => {
    platform = await startPlatform();
    const seed = runApp('cli', { ...platform.db.env, DEMO_PASSWORD: 'discipline-e2e-password' }, ['seed:demo']);
    expect(await seed.exited).toBe(0);
    [jury, commission, admin] = ['jury', 'commission', 'admin'].map(() => new HttpClient(platform.baseUrl));
    await jury.signIn('jury', 'discipline-e2e-password');
    await commission.signIn('commission', 'discipline-e2e-password');
    await admin.signIn('admin', 'discipline-e2e-password');
  });

  afterAll(async () => {
    await platform?.stop();
  });

  const en = { 'accept-language': 'en' };

  it('gives the jury the code lists with labels in kk, ru and en', async () => {
    const response = await jury.get('/api/discipline/reference');
    expect(response.status).toBe(200);
    expect(response.body.sanctions.map((s: { code: string }) => s.code)).toEqual(['warning', 'reprimand', 'removal-from-presidency', 'dismissal']);
    expect(response.body.sanctions[1].label).toEqual({ kk: 'Сөгіс', ru: 'Выговор', en: 'Reprimand (written reprimand)' });
    expect(response.body.regions).toHaveLength(20);
  });

  it('lets the jury open a proceeding against a judge by register id', async () => {
    const response = await jury.post('/api/discipline/proceedings', {
      judgeId,
      reference: 'SJ-2025-007',
      source: 'president-submission',
      grounds: ['gross-violation-of-legality', 'law-or-ethics-breach'],
      summary: 'Synthetic case for the end-to-end test',
      regionCode: 'pavlodar',
      courtLevel: 'regional',
      initiatedOn: '2025-02-03',
    });
    expect(response.status).toBe(201);
    expect(response.body).toMatchObject({ judgeId, stage: 'initiated', nextStages: ['referred', 'decided'], history: [{ sequence: 1, event: 'opened', actorLogin: 'jury' }] });
    proceedingId = response.body.id;
  });

  it('refuses a transition the state machine does not allow, naming the field and the reason (409)', async () => {
    const response = await jury.post(`/api/discipline/proceedings/${proceedingId}/transitions`, { to: 'hearing', effectiveOn: '2025-02-04' }, en);
    expect(response.status).toBe(409);
    expect(response.body).toMatchObject({
      code: 'discipline.transition-not-allowed',
      message: 'A proceeding at stage "initiated" cannot move to stage "hearing". Next stages: referred, decided',
      problems: [{ field: 'to', reason: 'must be one of the next stages: referred, decided' }],
    });
  });

  it('refuses an unknown sanction and an unknown closure ground, naming the field and the accepted values (400)', async () => {
    const sanction = await jury.post(`/api/discipline/proceedings/${proceedingId}/transitions`, { to: 'decided', decision: 'sanction-imposed', sanction: 'fine' }, en);
    expect(sanction.status).toBe(400);
    expect(sanction.body).toMatchObject({ code: 'core.validation-failed', problems: [{ field: 'sanction', reason: 'must be one of: warning, reprimand, removal-from-presidency, dismissal' }] });

    const ground = await jury.post(
      `/api/discipline/proceedings/${proceedingId}/transitions`,
      { to: 'decided', decision: 'proceedings-closed', closureGround: 'pardon' },
      { 'accept-language': 'ru' },
    );
    expect(ground.status).toBe(400);
    expect(ground.body.problems).toEqual([
      { field: 'closureGround', reason: 'должно быть одним из значений: insufficient-evidence, time-limit-expired, minor-offence, judge-left-office, underlying-act-set-aside' },
    ]);

    const region = await jury.post('/api/discipline/proceedings', { judgeId, source: 'complaint', grounds: ['rudeness'], regionCode: 'almaty-city', courtLevel: 'district', initiatedOn: '2025-01-01' }, en);
    expect(region.status).toBe(400);
    expect(region.body.problems.map((p: { field: string }) => p.field).sort()).toEqual(['grounds', 'regionCode']);
  });

  it('takes the proceeding through every stage to a decision with a sanction', async () => {
    for (const [to, effectiveOn] of [
      ['referred', '2025-02-10'],
      ['preliminary-examination', '2025-02-20'],
      ['hearing', '2025-03-05'],
    ]) {
      const response = await jury.post(`/api/discipline/proceedings/${proceedingId}/transitions`, { to, effectiveOn });
      expect({ to, status: response.status, stage: response.body.stage }).toEqual({ to, status: 200, stage: to });
    }
    const missing = await jury.post(`/api/discipline/proceedings/${proceedingId}/transitions`, { to: 'decided', decision: 'sanction-imposed' }, { 'accept-language': 'kk' });
    expect(missing.status).toBe(400);
    expect(missing.body).toMatchObject({ code: 'discipline.field-required', problems: [{ field: 'sanction', reason: 'міндетті өріс' }] });

    const decided = await jury.post(`/api/discipline/proceedings/${proceedingId}/transitions`, {
      to: 'decided',
      decision: 'sanction-imposed',
      sanction: 'reprimand',
      effectiveOn: '2025-03-12',
      note: 'Decision of the Judicial Jury',
    });
    expect(decided.status).toBe(200);
    expect(decided.body).toMatchObject({ stage: 'decided', decision: 'sanction-imposed', sanction: 'reprimand', decidedOn: '2025-03-12', nextStages: [] });

    const again = await jury.post(`/api/discipline/proceedings/${proceedingId}/transitions`, { to: 'hearing' }, en);
    expect(again.status).toBe(409);
    expect(again.body).toMatchObject({ code: 'discipline.already-decided', problems: [{ field: 'to', reason: 'no stage follows "decided"' }] });
  });

  it('records the appeal to the Supreme Judicial Council and its outcome, and keeps the full history', async () => {
    const filed = await jury.post(`/api/discipline/proceedings/${proceedingId}/appeal`, { filedOn: '2025-03-20' });
    expect(filed.status).toBe(201);
    expect(filed.body.appeal).toEqual({ filedOn: '2025-03-20', outcome: null, decidedOn: null });
    const outcome = await jury.post(`/api/discipline/proceedings/${proceedingId}/appeal/outcome`, { outcome: 'upheld', decidedOn: '2025-05-02' });
    expect(outcome.status).toBe(200);

    const read = await jury.get(`/api/discipline/proceedings/${proceedingId}`);
    expect(read.status).toBe(200);
    expect(read.body.appeal).toEqual({ filedOn: '2025-03-20', outcome: 'upheld', decidedOn: '2025-05-02' });
    expect(read.body.history.map((h: { event: string; stage: string }) => `${h.event}:${h.stage}`)).toEqual([
      'opened:initiated',
      'stage-changed:referred',
      'stage-changed:preliminary-examination',
      'stage-changed:hearing',
      'stage-changed:decided',
      'appeal-filed:decided',
      'appeal-decided:decided',
    ]);
  });

  it('lists with filters and reads the statistics', async () => {
    const listed = await jury.get('/api/discipline/proceedings?stage=decided&sanction=reprimand&year=2025');
    expect(listed.status).toBe(200);
    expect(listed.body).toMatchObject({ total: 1, items: [{ id: proceedingId, reference: 'SJ-2025-007' }] });
    expect((await jury.get('/api/discipline/proceedings?year=2024')).body.total).toBe(0);
    const badFilter = await jury.get('/api/discipline/proceedings?sanction=fine', en);
    expect(badFilter.status).toBe(400);
    expect(badFilter.body.problems).toEqual([{ field: 'sanction', reason: 'must be one of: warning, reprimand, removal-from-presidency, dismissal' }]);

    const stats = await jury.get('/api/discipline/statistics');
    expect(stats.status).toBe(200);
    expect(stats.body.total).toMatchObject({ proceedings: 1, decided: 1, sanctions: { reprimand: 1 } });
    expect(stats.body.bySanction).toContainEqual({ sanction: 'reprimand', imposed: 1, appealed: 1, setAsideOnAppeal: 0 });
    expect(stats.body.byYear).toEqual([{ year: 2025, initiated: 1, decided: 1, closed: 0, sanctions: { warning: 0, reprimand: 1, 'removal-from-presidency': 0, dismissal: 0 } }]);
    expect(stats.body.byRegion.find((r: { regionCode: string }) => r.regionCode === 'pavlodar')).toMatchObject({ proceedings: 1, sanctions: { reprimand: 1 } });
    expect(stats.body.byCourtLevel.find((r: { courtLevel: string }) => r.courtLevel === 'regional')).toMatchObject({ proceedings: 1 });
    expect(stats.body.appeals).toEqual({ filed: 1, pending: 0, outcomes: { upheld: 1, 'set-aside': 0, withdrawn: 0 } });
  });

  it('refuses a commission member every disciplinary route with 403, and leaves nothing changed', async () => {
    const id = proceedingId;
    const attempts: [string, string, unknown?][] = [
      ['GET', '/api/discipline/reference'],
      ['GET', '/api/discipline/proceedings'],
      ['GET', `/api/discipline/proceedings/${id}`],
      ['GET', '/api/discipline/statistics'],
      ['POST', '/api/discipline/proceedings', { judgeId, source: 'complaint', grounds: ['law-or-ethics-breach'], regionCode: 'abai', courtLevel: 'district', initiatedOn: '2025-01-01' }],
      ['POST', `/api/discipline/proceedings/${id}/transitions`, { to: 'hearing' }],
      ['POST', `/api/discipline/proceedings/${id}/appeal`, { filedOn: '2025-03-20' }],
      ['POST', `/api/discipline/proceedings/${id}/appeal/outcome`, { outcome: 'set-aside', decidedOn: '2025-05-02' }],
    ];
    for (const [method, path, body] of attempts) {
      const response = await commission.request(method, path, body);
      expect({ method, path, status: response.status, code: response.body.code }).toEqual({ method, path, status: 403, code: 'auth.role-forbidden' });
    }
    expect((await jury.get('/api/discipline/proceedings')).body.total).toBe(1);
  });

  it('keeps the jury off evaluation routes', async () => {
    expect((await jury.get('/api/admin/users')).status).toBe(403);
    expect((await jury.get('/api/admin/audit-log')).status).toBe(403);
  });

  it('audits each disciplinary action by proceeding id only', async () => {
    const log = await admin.get('/api/admin/audit-log?limit=500');
    const entries = log.body.entries.filter((e: { targetType: string }) => e.targetType === 'discipline.proceeding');
    expect(entries.map((e: { action: string }) => e.action).sort()).toEqual([
      'discipline.appeal-decided',
      'discipline.appeal-filed',
      'discipline.proceeding-opened',
      'discipline.stage-changed',
      'discipline.stage-changed',
      'discipline.stage-changed',
      'discipline.stage-changed',
    ]);
    expect(entries.every((e: { targetId: string; details: unknown; actorLogin: string }) => e.targetId === proceedingId && e.actorLogin === 'jury')).toBe(true);
    expect(JSON.stringify(log.body)).not.toContain(judgeId);
    expect(JSON.stringify(log.body)).not.toContain('reprimand');
  });
});
