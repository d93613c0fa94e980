/**
 * Closed national surveys on the SYNTHETIC register, for the aggregation benchmarks. Campaigns
 * are created and launched through the campaign service; answers go straight into the response
 * store with the coarsened attributes answering would store (`storeResponses`; the HTTP path
 * has its own benchmark, submit-throughput).
 */
import { randomUUID } from 'node:crypto';
import type { ModuleMetadata } from '@nestjs/common';
import { TestingModule } from '@nestjs/testing';
import { DataSource } from 'typeorm';
import { MailModule } from '@app/core';
import { Role } from '@app/auth';
import { AggregationModule } from '@app/aggregation';
import { CampaignService, CampaignsModule } from '@app/campaigns';
import { InstrumentService, InstrumentsModule } from '@app/instruments';
import { RegisterImportService, RegistryModule } from '@app/registry';
import { ResponsesModule } from '@app/responses';
import { createIntegrationModule, createTestDatabase, ensureTemplateDatabase, storeResponses, TestDatabase } from '@app/testing';
import { deleteQueueKeys } from './queue-keys';
import { ChoiceQuestion, random, RatedQuestion, syntheticAnswers, syntheticChoices } from './synthetic-answers';

/** Everything AggregationService needs, and what the fixtures use to set campaigns up. */
export const AGGREGATION_IMPORTS = [MailModule, RegistryModule, InstrumentsModule, CampaignsModule, ResponsesModule, AggregationModule];

export interface SurveySpec {
  kind: 'staff-survey' | 'judges-survey';
  label: string;
  /** Share of the invited who answer (PRODUCT.md 1: 5,250 of ~6,000 staff; 1,274 of 2,235 judges). */
  responseRate: number;
  launchedBy: Role;
}

export const NATIONAL_SURVEYS: readonly SurveySpec[] = [
  { kind: 'staff-survey', label: 'staff', responseRate: 0.88, launchedBy: Role.Hr },
  { kind: 'judges-survey', label: 'judges', responseRate: 0.57, launchedBy: Role.Commission },
];

export interface ClosedSurvey {
  campaignId: string;
  label: string;
  invited: number;
  respondents: number;
  /** Names of the rating questions, which the cell-count floor counts. */
  questions: string[];
  /** Names of the choice questions, reported as well. */
  choices: string[];
}

export interface BenchDatabase {
  db: TestDatabase;
  module: TestingModule;
  owner: DataSource;
  close(): Promise<void>;
}

/** A fresh database cloned from the test template, with the aggregation stack wired to it. */
export async function openBenchDatabase(extraImports: NonNullable<ModuleMetadata['imports']> = []): Promise<BenchDatabase> {
  await ensureTemplateDatabase();
  const db = await createTestDatabase();
  const module = await createIntegrationModule(db, { imports: [...AGGREGATION_IMPORTS, ...extraImports] });
  const owner = await db.owner();
  return {
    db,
    module,
    owner,
    async close() {
      await module.close();
      await db.drop();
      await deleteQueueKeys(db.config.REDIS_URL, db.config.QUEUE_PREFIX);
    },
  };
}

/** The synthetic national register at `scale` (1: ~2,235 judges and ~6,000 staff) and the built-in instruments. */
export async function loadRegister(module: TestingModule, scale: number): Promise<void> {
  await module.get(RegisterImportService).loadSynthetic({ seed: 2026, scale, referenceDate: '2026-11-01' });
  await module.get(InstrumentService).seedBuiltins();
}

function actorFor(spec: SurveySpec) {
  return { userId: randomUUID(), login: spec.launchedBy, role: spec.launchedBy };
}

async function launch(module: TestingModule, spec: SurveySpec): Promise<{ campaignId: string; questions: RatedQuestion[]; choices: ChoiceQuestion[] }> {
  const actor = actorFor(spec);
  const instruments = module.get(InstrumentService);
  const version = (await instruments.list()).find((i) => i.kind === spec.kind)!.latestVersion!;
  const campaigns = module.get(CampaignService);
  const campaign = await campaigns.create(actor, spec.kind, {
    title: { kk: 'Синтетикалық', ru: 'Синтетический', en: `Synthetic ${spec.label} survey` },
    instrumentVersionId: version.id,
    deadline: new Date(Date.now() + 7 * 24 * 3600_000),
    reminderDays: [],
  });
  await campaigns.launch(actor, campaign.id);
  const schema = await instruments.reportingSchemaOf(version.id);
  const questions = schema.filter((q) => q.answerKind === 'scale' && q.scale).map((q) => ({ name: q.name, reverse: q.reverse, scale: { min: q.scale!.min, max: q.scale!.max } }));
  const choices = schema
    .filter((q) => q.choices && q.answerKind !== 'free-text')
    .map((q) => ({ name: q.name, multiple: q.answerKind === 'multiple-choice', options: q.choices!.map((c) => c.value), maxSelected: q.maxSelected }));
  return { campaignId: campaign.id, questions, choices };
}

/**
 * Launches a campaign of `spec.kind` over the whole register, stores the answers of about
 * `spec.responseRate` of its participants and closes it. Deterministic in `seed`.
 */
export async function closedNationalSurvey(module: TestingModule, owner: DataSource, spec: SurveySpec, seed: number): Promise<ClosedSurvey> {
  const { campaignId, questions, choices } = await launch(module, spec);
  const rng = random(seed);
  const { invited, respondents } = await storeResponses(owner, campaignId, (participant) =>
    rng() < spec.responseRate ? { ...syntheticAnswers(participant, questions, rng), ...syntheticChoices(choices, rng) } : null,
  );
  await module.get(CampaignService).close(actorFor(spec), campaignId);
  return { campaignId, label: spec.label, invited, respondents, questions: questions.map((q) => q.name), choices: choices.map((q) => q.name) };
}
