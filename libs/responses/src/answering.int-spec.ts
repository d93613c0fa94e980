import { randomUUID } from 'node:crypto';
import { TestingModule } from '@nestjs/testing';
import { DataSource } from 'typeorm';
import { MailModule } from '@app/core';
import { Role } from '@app/auth';
import { CampaignService, CampaignsModule, invitationTokenHmac, newInvitationToken } from '@app/campaigns';
import { InstrumentService, InstrumentsModule } from '@app/instruments';
import { RegisterImportService, RegistryModule } from '@app/registry';
import { createIntegrationModule, createTestDatabase, TestDatabase } from '@app/testing';
import { AnsweringRepository } from './answering.repository';
import { AnsweringService } from './answering.service';
import { ResponsesModule } from './responses.module';

/** The exactly-once protocol when the process dies between its steps (faults injected at the step boundaries). */
describe('answering survives a crash between its steps', () => {
  let db: TestDatabase;
  let module: TestingModule;
  let owner: DataSource;
  let answering: AnsweringService;
  let repository: AnsweringRepository;
  let campaignId: string;
  let answers: Record<string, number>;

  beforeAll(async () => {
    db = await createTestDatabase();
    module = await createIntegrationModule(db, { imports: [MailModule, RegistryModule, InstrumentsModule, CampaignsModule, ResponsesModule] });
    owner = await db.owner();
    answering = module.get(AnsweringService);
    repository = module.get(AnsweringRepository);
    await module.get(RegisterImportService).loadSynthetic({ seed: 21, scale: 0.02, referenceDate: '2026-11-01' });
    await module.get(InstrumentService).seedBuiltins();
    const version = (await module.get(InstrumentService).list()).find((i) => i.kind === 'staff-survey')!.latestVersion!;
    const hr = { userId: randomUUID(), login: 'hr', role: Role.Hr };
    const campaign = await module.get(CampaignService).create(hr, 'staff-survey', {
      title: { kk: 'С', ru: 'О', en: 'S' },
      instrumentVersionId: version.id,
      deadline: new Date(Date.now() + 5 * 24 * 3600_000),
    });
    await module.get(CampaignService).launch(hr, campaign.id);
    campaignId = campaign.id;
    const definition = (await module.get(InstrumentService).versionById(version.id)).definition as { pages: { elements: { type: string; name: string }[] }[] };
    answers = Object.fromEntries(definition.pages.flatMap((p) => p.elements).filter((q) => q.type === 'rating').map((q) => [q.name, 4]));
  });

  afterAll(async () => {
    await module?.close();
    await db?.drop();
  });

  /** A participant with a fresh invitation token, as if the e-mail had been sent. */
  async function invited(): Promise<{ participantId: string; token: string }> {
    const [{ id }] = await owner.query(`SELECT id FROM campaigns.participant WHERE campaign_id = $1 AND NOT responded AND claim_hmac IS NULL ORDER BY id LIMIT 1`, [campaignId]);
    const token = newInvitationToken();
    await owner.query(`INSERT INTO campaigns.invitation_token (token_hmac, participant_id, expires_at) VALUES ($1, $2, now() + interval '1 day')`, [
      invitationTokenHmac(db.config.TOKEN_HMAC_SECRET, token),
      id,
    ]);
    return { participantId: id, token };
  }

  async function stored(): Promise<number> {
    const [{ n }] = await owner.query(
      `SELECT (SELECT count(*) FROM responses.response WHERE campaign_id = $1) + (SELECT count(*) FROM responses.mix_buffer WHERE campaign_id = $1) AS n`,
      [campaignId],
    );
    return Number(n);
  }

  async function responded(participantId: string): Promise<boolean> {
    return (await owner.query(`SELECT responded FROM campaigns.participant WHERE id = $1`, [participantId]))[0].responded;
  }

  it.each([
    ['after claiming, before storing', 'store' as const],
    ['after storing, before marking the participant', 'complete' as const],
  ])('stores exactly one response when the process dies %s and the browser retries', async (_when, step) => {
    const before = await stored();
    const { participantId, token } = await invited();
    const { cookieValue } = await answering.exchange(token);
    const submissionId = randomUUID();
    const crash = jest.spyOn(repository, step).mockRejectedValueOnce(new Error('process killed'));
    await expect(answering.submit(cookieValue, { submissionId, answers })).rejects.toThrow('process killed');
    crash.mockRestore();
    expect(await responded(participantId)).toBe(false);

    await expect(answering.submit(cookieValue, { submissionId, answers })).resolves.toMatch(/recorded/);
    expect(await stored()).toBe(before + 1);
    expect(await responded(participantId)).toBe(true);
    await expect(answering.submit(cookieValue, { submissionId, answers })).resolves.toBe('already-recorded');
    await expect(answering.submit(cookieValue, { submissionId: randomUUID(), answers })).rejects.toMatchObject({ code: 'responses.already-answered' });
  });

  it('refuses a different submission while one is unfinished, so nothing is stored twice', async () => {
    const before = await stored();
    const { token } = await invited();
    const { cookieValue } = await answering.exchange(token);
    jest.spyOn(repository, 'complete').mockRejectedValueOnce(new Error('process killed'));
    await expect(answering.submit(cookieValue, { submissionId: randomUUID(), answers })).rejects.toThrow('process killed');
    await expect(answering.submit(cookieValue, { submissionId: randomUUID(), answers })).rejects.toMatchObject({ code: 'responses.submission-in-progress' });
    expect(await stored()).toBe(before + 1);
  });

  it('writes participation and answers in different transactions', async () => {
    const { participantId, token } = await invited();
    const { cookieValue } = await answering.exchange(token);
    await answering.submit(cookieValue, { submissionId: randomUUID(), answers });
    const [{ xmin: participantXmin }] = await owner.query(`SELECT xmin::text FROM campaigns.participant WHERE id = $1`, [participantId]);
    const answerXmins: { xmin: string }[] = await owner.query(
      `SELECT xmin::text FROM responses.mix_buffer WHERE campaign_id = $1 UNION ALL SELECT xmin::text FROM responses.response WHERE campaign_id = $1`,
      [campaignId],
    );
    expect(answerXmins.map((r) => r.xmin)).not.toContain(participantXmin);
  });
});
