import { randomUUID } from 'node:crypto';
import { TestingModule } from '@nestjs/testing';
import { DataSource } from 'typeorm';
import { MailModule } from '@app/core';
import { Role } from '@app/auth';
import { CampaignService, CampaignsModule } from '@app/campaigns';
import { InstrumentService, InstrumentsModule, reportingSchema } from '@app/instruments';
import { RegisterImportService, RegistryModule } from '@app/registry';
import { AnsweringService, ResponsesModule } from '@app/responses';
import { createIntegrationModule, createTestDatabase, storeResponses, TestDatabase } from '@app/testing';
import { AggregationModule } from './aggregation.module';
import { AggregationService } from './aggregation.service';
import { ResultsService } from './results.service';
import { choiceReleaseId, SurveySnapshot } from './snapshot/survey-snapshot';

/** A judges' survey's multiple-choice question, read from Postgres and checked against the stored answers counted here. */
describe('protected aggregation of a multiple-choice question', () => {
  let db: TestDatabase;
  let module: TestingModule;
  let owner: DataSource;
  let snapshot: SurveySnapshot;
  let campaignId: string;
  const commission = { userId: randomUUID(), login: 'commission', role: Role.Commission };
  const QUESTION = 'tn_preferred_formats';

  beforeAll(async () => {
    db = await createTestDatabase();
    module = await createIntegrationModule(db, { imports: [MailModule, RegistryModule, InstrumentsModule, CampaignsModule, ResponsesModule, AggregationModule] });
    owner = await db.owner();
    await module.get(RegisterImportService).loadSynthetic({ seed: 12, scale: 0.5, referenceDate: '2026-11-01' });
    const instruments = module.get(InstrumentService);
    await instruments.seedBuiltins();
    const version = (await instruments.list()).find((i) => i.kind === 'judges-survey')!.latestVersion!;
    const schema = reportingSchema((await instruments.versionById(version.id)).definition);
    const options = schema.find((q) => q.name === QUESTION)!.choices!.map((c) => c.value);
    const campaigns = module.get(CampaignService);
    const campaign = await campaigns.create(commission, 'judges-survey', { title: { kk: 'С', ru: 'О', en: 'S' }, instrumentVersionId: version.id, deadline: new Date(Date.now() + 5 * 24 * 3600_000) });
    await campaigns.launch(commission, campaign.id);
    campaignId = campaign.id;
    // Six in seven respond, each choosing one to three formats as the form allows (the question is required);
    // the first format is rare, the others are common and chosen a little more often by women.
    await storeResponses(owner, campaignId, (p, i) => {
      if (i % 7 === 3) return null;
      const common = options.slice(1).filter((_, k) => (i + k + (p.gender === 'f' ? 1 : 0)) % 4 === 0);
      const chosen = [...(i % 40 === 0 ? [options[0]] : []), ...common, options[1 + (i % 6)]];
      return { [QUESTION]: [...new Set(chosen)].slice(0, 3) };
    });
    await campaigns.close(commission, campaignId);
    await module.get(AnsweringService).finalize(campaignId);
    await module.get(AggregationService).aggregate(campaignId, 1);
    snapshot = JSON.parse((await module.get(ResultsService).results(commission, campaignId)).content);
  }, 240_000);

  afterAll(async () => {
    await module?.close();
    await db?.drop();
  });

  it('publishes who answered and how many chose each option as counted from the stored answers, in every published national and gender cell', async () => {
    const question = snapshot.choices.find((c) => c.name === QUESTION)!;
    expect(question.kind).toBe('multiple-choice');
    const stored: { gender: string; answer: unknown }[] = await owner.query(`SELECT gender, answers -> $2 AS answer FROM responses.response WHERE campaign_id = $1`, [campaignId, QUESTION]);
    const tally = (rows: typeof stored) => {
      const answered = rows.filter((r) => Array.isArray(r.answer) && r.answer.length > 0);
      return { n: answered.length, chosen: question.options.map((option) => answered.filter((r) => (r.answer as unknown[]).includes(option)).length) };
    };
    const checked: string[] = [];
    for (const [key, rows] of [['national', stored], ['gender=f', stored.filter((r) => r.gender === 'f')], ['gender=m', stored.filter((r) => r.gender === 'm')]] as const) {
      const { n, chosen } = tally(rows);
      const value = question.cells.find((c) => c.key === key)!.value;
      if (!value) continue;
      expect({ key, n: value.n }).toEqual({ key, n });
      value.options.forEach((option, k) => {
        if (option === null) return;
        expect({ key, option: k, count: option.count, share: option.share }).toEqual({ key, option: k, count: chosen[k], share: Number((chosen[k] / n).toFixed(4)) });
        checked.push(`${key}:${k}`);
      });
    }
    // The rare first option may be suppressed, and the gender cells with the respondent counts; the common options are published nationally.
    expect(checked.filter((c) => c.startsWith('national:')).length).toBeGreaterThanOrEqual(question.options.length - 1);
    expect(stored.every((r) => Array.isArray(r.answer) && r.answer.length >= 1 && r.answer.length <= 3)).toBe(true);
  });

  it('publishes the multiple choice nationally and by gender only, an option hidden wherever its n is', () => {
    const question = snapshot.choices.find((c) => c.name === QUESTION)!;
    expect(question.selection).toEqual({ min: 1, max: 3 });
    expect(question.cells.map((c) => c.key)).toEqual(['national', 'gender=f', 'gender=m']);
    const answered = snapshot.suppressed.choices[QUESTION];
    question.options.forEach((_, k) => {
      for (const key of answered) expect(snapshot.suppressed.choices[choiceReleaseId(QUESTION, k)]).toContain(key);
    });
  });
});
