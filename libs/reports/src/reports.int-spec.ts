import { randomUUID } from 'node:crypto';
import { TestingModule } from '@nestjs/testing';
import ExcelJS from 'exceljs';
import JSZip from 'jszip';
import { DataSource } from 'typeorm';
import { AggregationModule, AggregationService, ResultsService, SurveySnapshot } from '@app/aggregation';
import { Role, UserService } from '@app/auth';
import { CampaignService, CampaignsModule } from '@app/campaigns';
import { JobQueueService, MailModule } from '@app/core';
import { InstrumentService, InstrumentsModule, reportingSchema } from '@app/instruments';
import { RegisterImportService, RegistryModule } from '@app/registry';
import { AnsweringService, ResponsesModule } from '@app/responses';
import { createIntegrationModule, createTestDatabase, likertAnswer, storePeerReviews, storeResponses, TestDatabase } from '@app/testing';
import { ReportsModule } from './reports.module';
import { CommentsService } from './comments.service';
import { ReportsService } from './reports.service';

/** Public attack test 5: what an unzipped workbook may contain. */
async function assertCleanWorkbook(bytes: Buffer): Promise<void> {
  const zip = await JSZip.loadAsync(bytes);
  const names = Object.keys(zip.files).filter((n) => !zip.files[n].dir);
  expect(names.filter((n) => /comments|pivot|externalLink|vbaProject|customXml|threadedComment|chart/i.test(n))).toEqual([]);
  const workbookXml = await zip.file('xl/workbook.xml')!.async('string');
  expect(workbookXml).not.toMatch(/state="(hidden|veryHidden)"/);
  expect(workbookXml).not.toMatch(/<definedName/);
  for (const name of names.filter((n) => n.startsWith('xl/worksheets/') && n.endsWith('.xml'))) {
    expect({ name, formula: /<f[ >]/.test(await zip.file(name)!.async('string')) }).toEqual({ name, formula: false });
  }
  const props = (await Promise.all(names.filter((n) => n.startsWith('docProps/')).map((n) => zip.file(n)!.async('string')))).join('\n');
  // Data-bearing properties stay empty; only the fixed creator and the 1970 dates are set.
  expect(props).not.toMatch(/<(dc:title|dc:subject|dc:description|cp:keywords|cp:category)>[^<]/);
  expect(names).not.toContain('docProps/custom.xml');
  const strings = await zip.file('xl/sharedStrings.xml')?.async('string');
  for (const match of (strings ?? '').matchAll(/<t[^>]*>([^<]*)<\/t>/g)) expect(match[1]).not.toMatch(/^[=+\-@\t\r]/);
}

describe('survey workbooks', () => {
  let db: TestDatabase;
  let module: TestingModule;
  let owner: DataSource;
  let reports: ReportsService;
  let campaignId: string;
  let snapshot: SurveySnapshot;
  let namedColleague: string;
  const hr = { userId: randomUUID(), login: 'hr', role: Role.Hr };

  beforeAll(async () => {
    db = await createTestDatabase();
    module = await createIntegrationModule(db, { imports: [MailModule, RegistryModule, InstrumentsModule, CampaignsModule, ResponsesModule, AggregationModule, ReportsModule] });
    owner = await db.owner();
    reports = module.get(ReportsService);
    await module.get(RegisterImportService).loadSynthetic({ seed: 3, scale: 0.5, referenceDate: '2026-11-01' });
    const instruments = module.get(InstrumentService);
    await instruments.seedBuiltins();
    const version = (await instruments.list()).find((i) => i.kind === 'staff-survey')!.latestVersion!;
    const ratings = reportingSchema((await instruments.versionById(version.id)).definition).filter((q) => q.answerKind === 'scale');
    const campaigns = module.get(CampaignService);
    const campaign = await campaigns.create(hr, 'staff-survey', {
      title: { kk: '=Сауалнама', ru: '=Опрос', en: '=Survey' },
      instrumentVersionId: version.id,
      deadline: new Date(Date.now() + 5 * 24 * 3600_000),
    });
    await campaigns.launch(hr, campaign.id);
    campaignId = campaign.id;
    [{ full_name: namedColleague }] = await owner.query(`SELECT full_name FROM registry.staff_member ORDER BY id LIMIT 1`);
    const comment = (i: number) =>
      i === 1 ? `Руководитель ${namedColleague} давит на сотрудников` : i === 2 ? 'Пишите мне: worker@sud.kz' : i % 5 === 0 ? `Нужно больше помощников (${i})` : undefined;
    await storeResponses(owner, campaignId, (p, i) =>
      i % 9 === 0 ? null : { ...Object.fromEntries(ratings.map((q, j) => [q.name, likertAnswer(i, j, p.gender === 'f' ? 0.6 : 0)])), ...(comment(i) ? { suggestions: comment(i) } : {}) },
    );
    await campaigns.close(hr, campaignId);
    await module.get(AnsweringService).finalize(campaignId);
    await module.get(AggregationService).aggregate(campaignId, 1);
    snapshot = JSON.parse((await module.get(AggregationService).stored(campaignId))!.content);
  }, 300_000);

  afterAll(async () => {
    await module?.close();
    await db?.drop();
  });

  async function exported(locale: 'kk' | 'ru' | 'en'): Promise<Buffer> {
    const requested = await reports.requestSurveyExport(hr, campaignId, locale);
    await reports.run(requested.id);
    return (await reports.download(hr, requested.id)).bytes;
  }

  it('publishes women, men and total means equal to an independent computation from the stored responses', async () => {
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load((await exported('en')) as unknown as ExcelJS.Buffer);
    const means: { gender: string | null; name: string; n: number; mean: number }[] = await owner.query(
      `SELECT r.gender, q.name, count(v)::int AS n, round(avg(v), 4)::float8 AS mean
       FROM responses.response r CROSS JOIN unnest($2::text[]) q(name) CROSS JOIN LATERAL (SELECT (r.answers ->> q.name)::numeric AS v) a
       WHERE r.campaign_id = $1 GROUP BY GROUPING SETS ((q.name), (r.gender, q.name))`,
      [campaignId, snapshot.questions.map((q) => q.name)],
    );
    const expected = (gender: string | null, name: string) => means.find((m) => m.name === name && m.gender === gender && (gender !== null || m.gender === null));
    let compared = 0;
    for (const dimension of snapshot.dimensions) {
      const sheet = workbook.worksheets.find((ws) => ws.getColumn(1).values.some((v) => v === dimension.items[0]))!;
      for (const name of dimension.items) {
        const row = sheet.getColumn(1).values.indexOf(name);
        const values = sheet.getRow(row).values as (string | number)[];
        // Columns: code, question, then n, mean, CI low, CI high, top-2 for total, women, men.
        [null, 'f', 'm'].forEach((gender, g) => {
          const [n, mean] = [values[3 + g * 5], values[4 + g * 5]];
          if (typeof mean !== 'number') {
            expect(mean).toBe(snapshot.suppressionMarker);
            return;
          }
          expect({ name, gender, n, mean }).toEqual({ name, gender, n: expected(gender, name)!.n, mean: expected(gender, name)!.mean });
          compared += 1;
        });
      }
    }
    expect(compared).toBeGreaterThanOrEqual(snapshot.questions.length);
  });

  it('passes attack test 5 in every language, with formula-like text neutralised', async () => {
    for (const locale of ['kk', 'ru', 'en'] as const) {
      const bytes = await exported(locale);
      await assertCleanWorkbook(bytes);
      const workbook = new ExcelJS.Workbook();
      await workbook.xlsx.load(bytes as unknown as ExcelJS.Buffer);
      const cover = workbook.worksheets[0];
      expect(cover.getRow(3).getCell(2).value).toBe(`'=${{ kk: 'Сауалнама', ru: 'Опрос', en: 'Survey' }[locale]}`);
      expect(workbook.worksheets.map((ws) => ws.state)).toEqual(workbook.worksheets.map(() => 'visible'));
      expect(workbook.worksheets.at(-1)!.getImages().length).toBeGreaterThanOrEqual(1);
    }
  });

  it('holds flagged comments back until a moderator approves or redacts them; workbooks show only the others', async () => {
    const comments = module.get(CommentsService);
    const [suggestions] = await comments.forModeration(hr, campaignId);
    const pending = suggestions.comments!.filter((c) => c.status === 'pending');
    expect(pending.map((c) => c.flags).sort()).toEqual([['email'], ['name']]);
    expect(suggestions.comments!.filter((c) => c.status === 'clean').length).toBeGreaterThanOrEqual(10);
    const sheetText = async () => {
      const workbook = new ExcelJS.Workbook();
      await workbook.xlsx.load((await exported('ru')) as unknown as ExcelJS.Buffer);
      const sheet = workbook.getWorksheet('Комментарии')!;
      return (sheet.getColumn(1).values as unknown[]).filter((v): v is string => typeof v === 'string').join('\n');
    };
    expect(await sheetText()).not.toContain(namedColleague);
    expect(await sheetText()).not.toContain('worker@sud.kz');

    const named = pending.find((c) => c.flags.includes('name'))!;
    const email = pending.find((c) => c.flags.includes('email'))!;
    await expect(comments.decide(hr, campaignId, named.ref, { action: 'redact', text: '  ' })).rejects.toMatchObject({ code: 'reports.redaction-empty' });
    await expect(comments.decide(hr, campaignId, 'nope', { action: 'approve' })).rejects.toMatchObject({ code: 'reports.unknown-comment' });
    await expect(comments.decide(hr, campaignId, named.ref, { action: 'redact', text: 'Руководитель [имя скрыто] давит на сотрудников' })).resolves.toMatchObject({ status: 'redacted' });
    await expect(comments.decide(hr, campaignId, email.ref, { action: 'approve' })).resolves.toMatchObject({ status: 'approved' });
    const text = await sheetText();
    expect(text).toContain('[имя скрыто]');
    expect(text).not.toContain(namedColleague);
    expect(text).toContain('worker@sud.kz');
    const [{ n }] = await owner.query(`SELECT count(*)::int AS n FROM auth.audit_log WHERE action IN ('comments.approved', 'comments.redacted') AND target_id IN ($1, $2)`, [named.ref, email.ref]);
    expect(n).toBe(2);
    // Decisions name no respondent and copy no original text.
    const [{ rows }] = await owner.query(`SELECT string_agg(t::text, ' ') AS rows FROM reports.comment_decision t`);
    expect(rows).not.toContain(namedColleague);
  });

  it('audits every request before queueing it and every download, and refuses another role and an unknown export', async () => {
    // The house rule: the entry is written before the job is queued. The real queue still gets the job.
    const jobs = module.get(JobQueueService);
    const enqueue = jobs.enqueue.bind(jobs);
    const auditedWhenQueued: string[][] = [];
    const spy = jest.spyOn(jobs, 'enqueue').mockImplementation(async (...args: Parameters<JobQueueService['enqueue']>) => {
      const { exportId } = args[1] as { exportId: string };
      auditedWhenQueued.push((await owner.query(`SELECT action FROM auth.audit_log WHERE target_id = $1`, [exportId])).map((r: { action: string }) => r.action));
      return enqueue(...args);
    });
    const requested = await reports.requestSurveyExport(hr, campaignId, 'ru').finally(() => spy.mockRestore());
    expect(auditedWhenQueued).toEqual([['reports.export-requested']]);
    await reports.run(requested.id);
    await reports.download(hr, requested.id);
    const entries = await owner.query(`SELECT action, actor_login, details FROM auth.audit_log WHERE target_id = $1 ORDER BY occurred_at`, [requested.id]);
    const details = { campaignId, kind: 'survey', locale: 'ru' };
    expect(entries).toEqual([
      { action: 'reports.export-requested', actor_login: 'hr', details },
      { action: 'reports.downloaded', actor_login: 'hr', details },
    ]);
    const commission = { userId: randomUUID(), login: 'c', role: Role.Commission };
    await expect(reports.download(commission, requested.id)).rejects.toMatchObject({ kind: expect.stringMatching(/forbidden|not-found/) });
    await expect(reports.status(hr, randomUUID())).rejects.toMatchObject({ code: 'reports.unknown-export' });
  });
});

describe('peer feedback reports', () => {
  let db: TestDatabase;
  let module: TestingModule;
  let owner: DataSource;
  let reports: ReportsService;
  let campaignId: string;
  let judges: string[];
  const commission = { userId: randomUUID(), login: 'commission', role: Role.Commission };

  beforeAll(async () => {
    db = await createTestDatabase();
    module = await createIntegrationModule(db, { imports: [MailModule, RegistryModule, InstrumentsModule, CampaignsModule, ResponsesModule, AggregationModule, ReportsModule] });
    owner = await db.owner();
    reports = module.get(ReportsService);
    await module.get(RegisterImportService).loadSynthetic({ seed: 4, scale: 0.3, referenceDate: '2026-11-01' });
    const instruments = module.get(InstrumentService);
    await instruments.seedBuiltins();
    const version = (await instruments.list()).find((i) => i.kind === 'peer-review')!.latestVersion!;
    const ratings = reportingSchema((await instruments.versionById(version.id)).definition).filter((q) => q.answerKind === 'scale');
    const campaigns = module.get(CampaignService);
    const campaign = await campaigns.create(commission, 'peer-review', {
      title: { kk: 'П', ru: 'П', en: 'P' },
      instrumentVersionId: version.id,
      deadline: new Date(Date.now() + 5 * 24 * 3600_000),
      population: { courtLevels: ['district'] },
    });
    await campaigns.launch(commission, campaign.id);
    campaignId = campaign.id;
    await storePeerReviews(owner, campaignId, (_judge, i) => Object.fromEntries(ratings.map((q, j) => [q.name, 1 + ((i * 3 + j) % 5)])));
    await campaigns.close(commission, campaignId);
    await module.get(AnsweringService).finalize(campaignId);
    await module.get(AggregationService).aggregate(campaignId, 1);
    judges = (await owner.query(`SELECT DISTINCT reviewee_judge_id AS id FROM responses.response WHERE campaign_id = $1 ORDER BY 1 LIMIT 2`, [campaignId])).map((r: { id: string }) => r.id);
  }, 300_000);

  afterAll(async () => {
    await module?.close();
    await db?.drop();
  });

  async function judgeAccount(judgeId: string) {
    const users = module.get(UserService);
    const created = await users.create(null, { login: `judge-${judgeId.slice(0, 8)}`, displayName: 'J', role: Role.Judge, password: 'a long enough password', locale: 'kk', judgeId });
    return { userId: created.id, login: created.login, role: Role.Judge };
  }

  it('lets a judge fetch their own feedback once the round is published, and nobody else', async () => {
    const [own, other] = [await judgeAccount(judges[0]), await judgeAccount(judges[1])];
    await expect(reports.requestFeedbackExport(own, campaignId, 'kk')).rejects.toMatchObject({ code: 'reports.no-feedback' });
    // Released but not published: the judge's page lists nothing yet.
    expect(await reports.ownFeedback(own)).toEqual({ linked: true, rounds: [] });
    await module.get(ResultsService).publish(commission, campaignId);
    expect(await reports.ownFeedback(own)).toMatchObject({ linked: true, rounds: [{ campaignId }] });

    const requested = await reports.requestFeedbackExport(own, campaignId, 'kk');
    // The request is audited by account alone: no registry judge id in the entry.
    const [entry] = await owner.query(`SELECT actor_user_id, details FROM auth.audit_log WHERE action = 'reports.export-requested' AND target_id = $1`, [requested.id]);
    expect(entry).toEqual({ actor_user_id: own.userId, details: { campaignId, kind: 'feedback', locale: 'kk' } });
    await reports.run(requested.id);
    const file = await reports.download(own, requested.id);
    await assertCleanWorkbook(file.bytes);
    await expect(reports.download(other, requested.id)).rejects.toMatchObject({ code: 'reports.not-yours', kind: 'forbidden' });
    await expect(reports.status(commission, requested.id)).rejects.toMatchObject({ kind: 'forbidden' });
    await expect(reports.requestFeedbackExport({ userId: randomUUID(), login: 'x', role: Role.Judge }, campaignId, 'kk')).rejects.toMatchObject({ code: 'reports.not-a-judge' });
    await expect(reports.requestSurveyExport(commission, campaignId, 'ru')).rejects.toMatchObject({ code: 'reports.no-survey-report' });
  });

  it('lists to a judge the published rounds that hold their own feedback, and none to a judge outside the round or an unlinked account', async () => {
    const [reviewed] = await owner.query(`SELECT reviewee_judge_id AS id FROM campaigns.peer_assignment WHERE campaign_id = $1 ORDER BY 1 DESC LIMIT 1`, [campaignId]);
    const [outside] = await owner.query(`SELECT j.id FROM registry.judge j JOIN registry.court c ON c.id = j.court_id WHERE c.level <> 'district' ORDER BY j.id LIMIT 1`);
    const [own, stranger] = [await judgeAccount(reviewed.id), await judgeAccount(outside.id)];
    const unlinked = await module.get(UserService).create(null, { login: 'judge-unlinked', displayName: 'J', role: Role.Judge, password: 'a long enough password', locale: 'ru' });
    // Published by the test above; published here when this test runs alone.
    if ((await module.get(CampaignService).find(campaignId))!.status !== 'published') await module.get(ResultsService).publish(commission, campaignId);
    const { publishedAt } = (await module.get(CampaignService).find(campaignId))!;
    expect(publishedAt).toBeInstanceOf(Date);
    expect(await reports.ownFeedback(own)).toEqual({ linked: true, rounds: [{ campaignId, title: { kk: 'П', ru: 'П', en: 'P' }, publishedAt }] });
    // Every listed round is one the export accepts, and the reverse.
    await expect(reports.requestFeedbackExport(own, campaignId, 'en')).resolves.toMatchObject({ kind: 'feedback', status: 'queued' });
    expect(await reports.ownFeedback(stranger)).toEqual({ linked: true, rounds: [] });
    await expect(reports.requestFeedbackExport(stranger, campaignId, 'en')).rejects.toMatchObject({ code: 'reports.no-feedback' });
    expect(await reports.ownFeedback({ userId: unlinked.id, login: unlinked.login, role: Role.Judge })).toEqual({ linked: false });
  });
});
