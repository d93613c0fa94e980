import { randomUUID } from 'node:crypto';
import { DataSource } from 'typeorm';
import {
  answerPersistently,
  answersTo,
  campaignDefinition,
  eventually,
  firstRelease,
  HttpClient,
  issueInvitationTokens,
  launchStaffSurvey,
  runApp,
  RunningPlatform,
  seedPlatform,
  startPlatform,
  storeResponses,
} from '@app/testing';

const PASSWORD = 'audit-trail-e2e-password';

interface Entry {
  id: string;
  occurredAt: string;
  actorUserId: string | null;
  action: string;
  targetType: string;
  targetId: string | null;
  details: Record<string, unknown>;
}

type Expected = Omit<Entry, 'id' | 'occurredAt'>;

/**
 * The audit trail as an administrator reads it (GET /api/admin/audit-log). Each administrative
 * action of a staff survey's life, done over HTTP by the role that does it, writes exactly its
 * own entries: action, actor, target and details. Answering writes none, and no entry says
 * anything about a respondent.
 */
describe('the audit trail', () => {
  let platform: RunningPlatform;
  let owner: DataSource;
  let admin: HttpClient;
  let hr: HttpClient;
  let userId: Record<string, string>;
  const seen = new Set<string>();

  async function auditLog(): Promise<Entry[]> {
    const page = await admin.get('/api/admin/audit-log?limit=500');
    expect(page.status).toBe(200);
    expect(page.body.entries).toHaveLength(page.body.total);
    return page.body.entries;
  }

  /** The entries written since the last call are exactly `expected` (in any order: entries of one request may share a millisecond). */
  async function expectNewEntries(expected: Expected[]): Promise<void> {
    const fresh = (await auditLog()).filter((entry) => !seen.has(entry.id));
    fresh.forEach((entry) => seen.add(entry.id));
    const byAction = (a: Expected, b: Expected) => a.action.localeCompare(b.action);
    const written = fresh.map(({ action, actorUserId, targetType, targetId, details }) => ({ action, actorUserId, targetType, targetId, details }));
    expect(written.sort(byAction)).toEqual([...expected].sort(byAction));
  }

  beforeAll(async () => {
    platform = await startPlatform();
    owner = await platform.db.owner();
    hr = await seedPlatform(platform, { seed: 17, scale: 0.1, password: PASSWORD });
    admin = new HttpClient(platform.baseUrl);
    await admin.signIn('admin', PASSWORD);
    const users: { id: string; login: string }[] = (await admin.get('/api/admin/users')).body;
    userId = Object.fromEntries(users.map((user) => [user.login, user.id]));
  }, 120_000);

  afterAll(async () => {
    await platform?.stop();
  });

  it('writes exactly the expected entry for each administrative action, and nothing about respondents', async () => {
    // What seeding and signing in wrote is not this test's subject.
    (await auditLog()).forEach((entry) => seen.add(entry.id));

    const exported = await hr.get('/api/registry/courts/export?format=csv');
    expect(exported.status).toBe(200);
    const [{ courts }] = await owner.query(`SELECT count(*)::int AS courts FROM registry.court`);
    await expectNewEntries([{ action: 'registry.export', actorUserId: userId.hr, targetType: 'register:courts', targetId: null, details: { rows: courts, format: 'csv' } }]);

    const file = new FormData();
    file.append('file', new Blob([exported.text]), 'courts.csv');
    const imported = await hr.post('/api/registry/courts/import', file);
    expect(imported.status).toBe(201);
    const { kind: _kind, ...counts } = imported.body;
    expect(counts.rows).toBe(courts);
    await expectNewEntries([{ action: 'registry.import', actorUserId: userId.hr, targetType: 'register:courts', targetId: null, details: counts }]);

    const changed = await admin.request('PATCH', `/api/admin/users/${userId.jury}/role`, { role: 'commission' });
    expect(changed.status).toBe(200);
    await expectNewEntries([{ action: 'auth.role-changed', actorUserId: userId.admin, targetType: 'user', targetId: userId.jury, details: { from: 'jury', to: 'commission' } }]);

    const [judge] = await owner.query(`SELECT id, personnel_number FROM registry.judge WHERE active ORDER BY personnel_number LIMIT 1`);
    const linked = await admin.request('PUT', `/api/admin/users/${userId.judge}/judge`, { personnelNumber: judge.personnel_number });
    expect([linked.status, linked.body.judgeId]).toEqual([200, judge.id]);
    await expectNewEntries([{ action: 'auth.judge-linked', actorUserId: userId.admin, targetType: 'user', targetId: userId.judge, details: { judgeId: judge.id } }]);
    const unknown = await admin.request('PUT', `/api/admin/users/${userId.judge}/judge`, { personnelNumber: 'NO-SUCH-JUDGE' }, { 'accept-language': 'en' });
    expect([unknown.status, unknown.body.code, unknown.body.message]).toEqual([404, 'registry.no-such-judge', 'The register has no serving judge with personnel number NO-SUCH-JUDGE']);
    // The command line does the same for an operator, audited as the system.
    const unlinked = runApp('cli', platform.db.env, ['user:link-judge', '--login', 'judge', '--unlink']);
    expect(await unlinked.exited).toBe(0);
    await expectNewEntries([{ action: 'auth.judge-unlinked', actorUserId: null, targetType: 'user', targetId: userId.judge, details: { judgeId: judge.id } }]);

    const { campaignId, participants } = await launchStaffSurvey(hr, { reminderDays: [] });
    const { instrumentVersionId } = (await hr.get(`/api/campaigns/${campaignId}`)).body;
    await expectNewEntries([
      { action: 'campaigns.created', actorUserId: userId.hr, targetType: 'campaign', targetId: campaignId, details: { kind: 'staff-survey' } },
      { action: 'instruments.version-locked', actorUserId: userId.hr, targetType: 'instrument-version', targetId: instrumentVersionId, details: { version: 1 } },
      { action: 'campaigns.launched', actorUserId: userId.hr, targetType: 'campaign', targetId: campaignId, details: { participants, assignments: 0 } },
    ]);

    // Everybody but one answers straight into the store; that one answers over HTTP with an invitation token and a free text.
    const definition = await campaignDefinition(owner, campaignId);
    await storeResponses(owner, campaignId, (_person, i) => (i === 0 ? null : answersTo(definition, i)));
    const [respondent] = await owner.query(`SELECT id, person_id FROM campaigns.participant WHERE campaign_id = $1 AND NOT responded`, [campaignId]);
    const [token] = await issueInvitationTokens(platform, owner, [respondent.id]);
    const canary = `AUDIT-CANARY-${randomUUID()}`;
    expect((await answerPersistently(platform.baseUrl, token, answersTo(definition, 2, canary))).outcome).toBe('recorded');
    await expectNewEntries([]);

    expect((await hr.post(`/api/campaigns/${campaignId}/close`)).status).toBe(200);
    await expectNewEntries([{ action: 'campaigns.closed', actorUserId: userId.hr, targetType: 'campaign', targetId: campaignId, details: { by: 'hand' } }]);
    await firstRelease(hr, campaignId);
    expect((await hr.post(`/api/campaigns/${campaignId}/results/publish`)).status).toBe(200);
    await expectNewEntries([{ action: 'campaigns.published', actorUserId: userId.hr, targetType: 'campaign', targetId: campaignId, details: {} }]);

    const requested = await hr.post(`/api/campaigns/${campaignId}/exports`, { locale: 'en' });
    expect(requested.status).toBe(202);
    const exportEntry = { actorUserId: userId.hr, targetType: 'export', targetId: requested.body.id, details: { campaignId, kind: 'survey', locale: 'en' } };
    await expectNewEntries([{ action: 'reports.export-requested', ...exportEntry }]);
    const built = await eventually(
      'the workbook',
      async () => {
        const { status } = (await hr.get(`/api/exports/${requested.body.id}`)).body;
        return ['done', 'failed'].includes(status) && status;
      },
      120_000,
      250,
    );
    expect(built).toBe('done');
    const downloaded = await hr.get(`/api/exports/${requested.body.id}/download`);
    expect(downloaded.status).toBe(200);
    await expectNewEntries([{ action: 'reports.downloaded', ...exportEntry }]);

    // The free text did reach the response store; the trail holds no trace of it, the token or the person.
    const [{ stored }] = await owner.query(`SELECT count(*)::int AS stored FROM responses.response WHERE campaign_id = $1 AND strpos(answers::text, $2) > 0`, [campaignId, canary]);
    expect(stored).toBe(1);
    const trail = await auditLog();
    for (const trace of [token, canary, respondent.id, respondent.person_id]) {
      expect({ trace, entries: trail.filter((entry) => JSON.stringify(entry).includes(trace)) }).toEqual({ trace, entries: [] });
    }
  }, 180_000);
});
