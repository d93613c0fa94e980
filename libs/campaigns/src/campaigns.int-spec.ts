import { getQueueToken } from '@nestjs/bullmq';
import { TestingModule } from '@nestjs/testing';
import { Queue } from 'bullmq';
import { DataSource } from 'typeorm';
import { MailModule, QueueName } from '@app/core';
import { Role } from '@app/auth';
import { InstrumentService, InstrumentsModule } from '@app/instruments';
import { RegisterImportService, RegistryModule } from '@app/registry';
import { createIntegrationModule, createTestDatabase, SmtpCatcher, startSmtpCatcher, TestDatabase } from '@app/testing';
import { CampaignService } from './campaign.service';
import { CampaignsModule } from './campaigns.module';
import { InvitationService } from './invitation.service';

describe('campaigns on a real database and Redis', () => {
  let db: TestDatabase;
  let module: TestingModule;
  let owner: DataSource;
  let campaigns: CampaignService;
  const hr = { userId: '00000000-0000-4000-8000-000000000001', login: 'hr', role: Role.Hr };

  let smtp: SmtpCatcher;

  beforeAll(async () => {
    db = await createTestDatabase();
    smtp = await startSmtpCatcher();
    module = await createIntegrationModule(db, { imports: [MailModule, RegistryModule, InstrumentsModule, CampaignsModule] }, { SMTP_URL: smtp.url });
    owner = await db.owner();
    campaigns = module.get(CampaignService);
    await module.get(RegisterImportService).loadSynthetic({ seed: 9, scale: 0.02, referenceDate: '2026-11-01' });
    await module.get(InstrumentService).seedBuiltins();
  });

  afterAll(async () => {
    await module?.close();
    await smtp?.stop();
    await db?.drop();
  });

  async function staffVersionId(): Promise<string> {
    const instruments = await module.get(InstrumentService).list();
    return instruments.find((i) => i.kind === 'staff-survey')!.latestVersion!.id;
  }

  it('reminds only those who have not answered', async () => {
    const campaign = await campaigns.create(hr, 'staff-survey', {
      title: { kk: 'Сауалнама', ru: 'Опрос', en: 'Survey' },
      instrumentVersionId: await staffVersionId(),
      deadline: new Date(Date.now() + 10 * 24 * 3600_000),
    });
    const { participants } = await campaigns.launch(hr, campaign.id);
    expect(participants).toBe(120);

    const answered: { id: string }[] = await owner.query(`UPDATE campaigns.participant SET responded = true WHERE id IN (SELECT id FROM campaigns.participant WHERE campaign_id = $1 ORDER BY id LIMIT 45) RETURNING id`, [
      campaign.id,
    ]);
    const mail = module.get<Queue>(getQueueToken(QueueName.Mail));
    await mail.obliterate({ force: true });
    const invitations = module.get(InvitationService);
    expect(await invitations.fanOut(campaign.id, 1)).toBe(2);
    const pages = (await mail.getJobs(['waiting', 'delayed', 'prioritized'])).map((job) => job.data as { campaignId: string; round: number; page: number });
    expect(pages.map((p) => p.page).sort()).toEqual([0, 1]);
    // Jobs name pages, never people.
    expect(pages.every((p) => Object.keys(p).sort().join() === 'campaignId,page,round')).toBe(true);

    for (const page of pages) await invitations.sendPage(page.campaignId, page.round, page.page);
    const reminded = await smtp.recipients();
    const emailsOf = async (ids: string[]) =>
      (await owner.query(`SELECT s.email FROM campaigns.participant p JOIN registry.staff_member s ON s.id = p.person_id WHERE p.id = ANY($1)`, [ids])).map((r: { email: string }) => r.email);
    const answeredEmails = new Set(await emailsOf(answered.map((row) => row.id)));
    expect(reminded).toHaveLength(75);
    expect(reminded.some((email) => answeredEmails.has(email))).toBe(false);
    expect(new Set(reminded).size).toBe(75);
  });

  it('snapshots each participant\'s reporting bands on launch day and locks the instrument version', async () => {
    const [row] = await owner.query(`SELECT age_band, experience_band, region_code, gender FROM campaigns.participant LIMIT 1`);
    expect(row.age_band).toMatch(/^(under-35|35-44|45-54|55-plus)$/);
    expect(row.experience_band).toMatch(/^(under-5|5-9|10-19|20-plus)$/);
    const [{ locked }] = await owner.query(`SELECT locked FROM instruments.instrument_version WHERE id = $1`, [await staffVersionId()]);
    expect(locked).toBe(true);
  });

  it('reconciles what lost jobs left undone: invitations never sent, a close at the deadline', async () => {
    const campaign = await campaigns.create(hr, 'staff-survey', {
      title: { kk: 'Қалпына келтіру', ru: 'Восстановление', en: 'Recovery' },
      instrumentVersionId: await staffVersionId(),
      deadline: new Date(Date.now() + 3 * 24 * 3600_000),
    });
    await campaigns.launch(hr, campaign.id);
    const campaignsQueue = module.get<Queue>(getQueueToken(QueueName.Campaigns));
    await campaignsQueue.obliterate({ force: true });

    const later = new Date(Date.now() + 15 * 60_000);
    expect((await campaigns.reconcile(later)).invited).toBeGreaterThanOrEqual(1);
    const queued = await campaignsQueue.getJobs(['waiting', 'delayed', 'prioritized']);
    expect(queued.map((job) => job.name).sort()).toEqual(expect.arrayContaining(['close-campaign', 'send-invitations']));

    const afterDeadline = new Date(campaign.deadline.getTime() + 1000);
    expect((await campaigns.reconcile(afterDeadline)).closed).toBeGreaterThanOrEqual(1);
    const [{ status }] = await owner.query(`SELECT status FROM campaigns.campaign WHERE id = $1`, [campaign.id]);
    expect(status).toBe('closed');
    const finalize = await module.get<Queue>(getQueueToken(QueueName.Responses)).getJob(`finalize-responses-${campaign.id}`);
    expect(finalize).toBeDefined();
  });

  it('sends a round again only to those a lost page never reached, and a retried page mails nobody twice', async () => {
    const campaign = await campaigns.create(hr, 'staff-survey', {
      title: { kk: 'Жоғалған бет', ru: 'Потерянная страница', en: 'Lost page' },
      instrumentVersionId: await staffVersionId(),
      deadline: new Date(Date.now() + 10 * 24 * 3600_000),
    });
    await campaigns.launch(hr, campaign.id);
    const campaignsQueue = module.get<Queue>(getQueueToken(QueueName.Campaigns));
    const mail = module.get<Queue>(getQueueToken(QueueName.Mail));
    await Promise.all([campaignsQueue.obliterate({ force: true }), mail.obliterate({ force: true })]);
    const invitations = module.get(InvitationService);
    const before = (await smtp.recipients()).length;

    // Page 0 went out, twice (a retried job); page 1 was lost with Redis.
    await invitations.sendPage(campaign.id, 0, 0);
    await invitations.sendPage(campaign.id, 0, 0);
    expect((await smtp.recipients()).length - before).toBe(100);

    await campaigns.reconcile(new Date(Date.now() + 15 * 60_000));
    const queued = await campaignsQueue.getJobs(['waiting', 'delayed', 'prioritized']);
    const ids = queued.map((job) => job.id);
    // Round 0 again, and both reminders (7 and 2 days before the deadline) for their time.
    expect(ids).toEqual(expect.arrayContaining([0, 1, 2].map((round) => `send-invitations-${campaign.id}-${round}`)));
    expect(queued.find((job) => job.id === `send-invitations-${campaign.id}-1`)!.delay).toBeGreaterThan(0);

    expect(await invitations.fanOut(campaign.id, 0)).toBe(2);
    for (const page of [0, 1]) await invitations.sendPage(campaign.id, 0, page);
    const sent = (await smtp.recipients()).slice(before);
    expect(sent).toHaveLength(120);
    expect(new Set(sent).size).toBe(120);

    await campaignsQueue.obliterate({ force: true });
    await campaigns.reconcile(new Date(Date.now() + 15 * 60_000));
    expect(await campaignsQueue.getJob(`send-invitations-${campaign.id}-0`)).toBeUndefined();
  });
});
