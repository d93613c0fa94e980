import { getQueueToken } from '@nestjs/bullmq';
import { TestingModule } from '@nestjs/testing';
import { Queue } from 'bullmq';
import { DataSource } from 'typeorm';
import { MailModule, QueueName } from '@app/core';
import { Role } from '@app/auth';
import { InstrumentService, InstrumentsModule } from '@app/instruments';
import { RegisterImportService, RegistryModule } from '@app/registry';
import { createIntegrationModule, createTestDatabase, TestDatabase } from '@app/testing';
import { CampaignService } from './campaign.service';
import { CampaignsModule } from './campaigns.module';
import { InvitationService } from './invitation.service';

describe('campaigns on a real database and Redis', () => {
  let db: TestDatabase;
  let module: TestingModule;
  let owner: DataSource;
  let campaigns: CampaignService;
  const hr = { userId: '00000000-0000-4000-8000-000000000001', login: 'hr', role: Role.Hr };

  beforeAll(async () => {
    db = await createTestDatabase();
    module = await createIntegrationModule(db, { imports: [MailModule, RegistryModule, InstrumentsModule, CampaignsModule] });
    owner = await db.owner();
    campaigns = module.get(CampaignService);
    await module.get(RegisterImportService).loadSynthetic({ seed: 9, scale: 0.02, referenceDate: '2026-11-01' });
    await module.get(InstrumentService).seedBuiltins();
  });

  afterAll(async () => {
    await module?.close();
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
    expect(await module.get(InvitationService).fanOut(campaign.id, 1)).toBe(75);

    const queued = (await mail.getJobs(['waiting', 'delayed', 'prioritized'])).map((job) => job.data as { participantId: string; round: number });
    const answeredIds = new Set(answered.map((row) => row.id));
    expect(queued).toHaveLength(75);
    expect(queued.every((job) => job.round === 1 && !answeredIds.has(job.participantId))).toBe(true);
    expect(await module.get(InvitationService).send([...answeredIds][0], 1)).toBe('skipped');
  });

  it('snapshots each participant\'s reporting bands on launch day and locks the instrument version', async () => {
    const [row] = await owner.query(`SELECT age_band, experience_band, region_code, gender FROM campaigns.participant LIMIT 1`);
    expect(row.age_band).toMatch(/^(under-35|35-44|45-54|55-plus)$/);
    expect(row.experience_band).toMatch(/^(under-5|5-9|10-19|20-plus)$/);
    const [{ locked }] = await owner.query(`SELECT locked FROM instruments.instrument_version WHERE id = $1`, [await staffVersionId()]);
    expect(locked).toBe(true);
  });
});
