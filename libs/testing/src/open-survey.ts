import { DataSource } from 'typeorm';
import { LocalizedText } from '@app/core';
import { invitationTokenHmac, newInvitationToken } from '@app/campaigns';
import { HttpClient } from './http-client';
import { answerPersistently, answersTo, behindProxy, Definition, Persisted } from './respondent';
import { runApp, RunningPlatform } from './running-platform';

export interface OpenSurvey {
  hr: HttpClient;
  /** The password of every demo account (admin, commission, hr, judge, jury). */
  password: string;
  campaignId: string;
  definition: Definition;
  /** One fresh invitation token per participant, in participant id order. */
  tokens: string[];
}

/** The demo accounts, the built-in questionnaires and a synthetic register of the given scale (1 is about 6,000 staff); HR signed in. */
export async function seedPlatform(platform: RunningPlatform, options: { seed: number; scale: number; password: string }): Promise<HttpClient> {
  // Accounts, instruments and the register are independent: seeded side by side.
  const seeds = [['seed:demo'], ['seed:instruments'], ['registry:load-synthetic', '--seed', String(options.seed), '--scale', String(options.scale)]];
  await Promise.all(
    seeds.map(async (args) => {
      const run = runApp('cli', { ...platform.db.env, DEMO_PASSWORD: options.password }, args);
      if ((await run.exited) !== 0) throw new Error(`cli ${args[0]} failed:\n${run.output()}`);
    }),
  );
  const hr = new HttpClient(platform.baseUrl);
  await hr.signIn('hr', options.password);
  return hr;
}

/** Creates and launches a staff survey on the whole register, deadline a week ahead. */
export async function launchStaffSurvey(hr: HttpClient, settings: { title?: LocalizedText; reminderDays?: number[] } = {}): Promise<{ campaignId: string; participants: number }> {
  const instruments = (await hr.get('/api/instruments')).body as { kind: string; latestVersion: { id: string } }[];
  const created = await hr.post('/api/campaigns', {
    kind: 'staff-survey',
    title: settings.title ?? { kk: 'Сауалнама', ru: 'Опрос', en: 'Survey' },
    instrumentVersionId: instruments.find((i) => i.kind === 'staff-survey')!.latestVersion.id,
    deadline: new Date(Date.now() + 7 * 24 * 3600_000).toISOString(),
    ...(settings.reminderDays ? { reminderDays: settings.reminderDays } : {}),
  });
  if (created.status !== 201) throw new Error(`campaign not created: ${created.status} ${created.text}`);
  const launched = await hr.post(`/api/campaigns/${created.body.id}/launch`);
  if (launched.status !== 200) throw new Error(`launch failed: ${launched.status} ${launched.text}`);
  return { campaignId: created.body.id, participants: launched.body.participants };
}

/** The questionnaire definition a campaign was launched with. */
export async function campaignDefinition(owner: DataSource, campaignId: string): Promise<Definition> {
  const [{ definition }] = await owner.query(
    `SELECT v.definition FROM instruments.instrument_version v JOIN campaigns.campaign c ON c.instrument_version_id = v.id WHERE c.id = $1`,
    [campaignId],
  );
  return definition;
}

/**
 * One fresh invitation token per participant, stored the way invitations store them (only the
 * HMAC, valid a week): tests need not wait for the e-mails.
 */
export async function issueInvitationTokens(platform: RunningPlatform, owner: DataSource, participantIds: string[]): Promise<string[]> {
  const tokens = participantIds.map(() => newInvitationToken());
  await owner.query(`INSERT INTO campaigns.invitation_token (token_hmac, participant_id, expires_at) SELECT unnest($1::text[]), unnest($2::uuid[]), now() + interval '7 days'`, [
    tokens.map((token) => invitationTokenHmac(platform.db.config.TOKEN_HMAC_SECRET, token)),
    participantIds,
  ]);
  return tokens;
}

/** A launched staff survey without reminders, and one invitation token per participant (see `issueInvitationTokens`). */
export async function openStaffSurvey(platform: RunningPlatform, options: { scale: number; seed: number }): Promise<OpenSurvey> {
  const password = `open-survey-${options.seed}-password`;
  const hr = await seedPlatform(platform, { ...options, password });
  const { campaignId } = await launchStaffSurvey(hr, { reminderDays: [] });

  const owner = await platform.db.owner();
  const participants: { id: string }[] = await owner.query(`SELECT id FROM campaigns.participant WHERE campaign_id = $1 ORDER BY id`, [campaignId]);
  const tokens = await issueInvitationTokens(
    platform,
    owner,
    participants.map((p) => p.id),
  );
  return { hr, password, campaignId, definition: await campaignDefinition(owner, campaignId), tokens };
}

/** Waits for a closed campaign's first release (the aggregation job that closing queues) and returns the results status. */
export function firstRelease(client: HttpClient, campaignId: string, timeoutMs = 180_000): Promise<{ releases: { release: number; sha256: string }[] }> {
  return eventually(
    `the first release of ${campaignId}`,
    async () => {
      const status = (await client.get(`/api/campaigns/${campaignId}/results/status`)).body;
      return status.releases?.length > 0 && status;
    },
    timeoutMs,
    250,
  );
}

/**
 * Respondents of the survey, one per token, each behind its own address, starting `spreadMs`
 * apart and answering persistently (see `answerPersistently`) until their answer is in.
 */
export function answeringBurst(platform: RunningPlatform, survey: OpenSurvey, tokens: string[], spreadMs = 0): Promise<Persisted[]> {
  return Promise.all(
    tokens.map(async (token, i) => {
      await new Promise((resolve) => setTimeout(resolve, i * spreadMs));
      return answerPersistently(platform.baseUrl, token, answersTo(survey.definition, i), { headers: behindProxy(i) });
    }),
  );
}

/** A campaign's answers (buffered while open, stored after close) and its participants answered or holding a claim. */
export async function storedAnswers(owner: DataSource, campaignId: string): Promise<{ buffered: number; stored: number; responded: number; claimed: number }> {
  const [row] = await owner.query(
    `SELECT (SELECT count(*) FROM responses.mix_buffer WHERE campaign_id = $1)::int AS buffered,
            (SELECT count(*) FROM responses.response WHERE campaign_id = $1)::int AS stored,
            (SELECT count(*) FROM campaigns.participant WHERE campaign_id = $1 AND responded)::int AS responded,
            (SELECT count(*) FROM campaigns.participant WHERE campaign_id = $1 AND claim_hmac IS NOT NULL)::int AS claimed`,
    [campaignId],
  );
  return row;
}

/** Polls until `probe` gives a truthy value, or fails after `timeoutMs`. */
export async function eventually<T>(what: string, probe: () => Promise<T | null | undefined | false>, timeoutMs = 60_000, everyMs = 200): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await probe();
    if (value) return value;
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, everyMs));
  }
}
