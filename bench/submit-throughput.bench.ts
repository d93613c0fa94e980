/**
 * `submit-throughput`: respondents answering a national staff survey over HTTP against the real
 * api process (built; `npm run bench` builds first), 64 at a time: token exchange
 * (`POST /api/respond/session`) then submission (`POST /api/respond/submit`). The baseline
 * inserts the same rows (the mix buffer's row shape) straight into Postgres from Node, 64
 * connections at a time, in the same run.
 *
 *   npm run bench -- submit-throughput
 */
import { Agent, request } from 'node:http';
import { loadavg } from 'node:os';
import { randomUUID } from 'node:crypto';
import { Pool } from 'pg';
import { invitationTokenHmac, newInvitationToken } from '@app/campaigns';
import { reportingSchema } from '@app/instruments';
import { ensureTemplateDatabase, HttpClient, runApp, RunningPlatform, startPlatform } from '@app/testing';
import { compare, MeasuredFigure, quantile, recordRun, runBenchmark, timed, valueAtLeast, valueAtMost } from './harness';
import { deleteQueueKeys } from './queue-keys';
import { random, RatedQuestion, syntheticAnswers } from './synthetic-answers';

const CONCURRENCY = 64;
/** 12,000 staff: enough respondents for the warm-up and a sustained measured run. */
const REGISTER_SCALE = 2;
/** Flows run before measuring: JIT, connection pools, the campaign's cached coarsening and validator. */
const WARM_UP = 1_000;
const MEASURED = 10_000;
/** A slow machine stops early rather than overrun the suite's time. */
const MAX_MEASURED_MS = 45_000;
const PASSWORD = 'bench-demo-password';

interface Respondent {
  token: string;
  /** A distinct client address for each respondent (198.18.0.0/15, the range set aside for benchmarks). */
  address: string;
  answers: Record<string, number>;
}

interface Latencies {
  session: number[];
  submit: number[];
  /** Wall-clock milliseconds of the measured part. */
  ms: number;
  completed: number;
}

/** A loopback HTTP POST of JSON, read to the end. */
function post(agent: Agent, url: URL, path: string, body: unknown, headers: Record<string, string>): Promise<{ status: number; cookies: string[] }> {
  const payload = JSON.stringify(body);
  return new Promise((resolve, reject) => {
    const req = request(
      { agent, host: url.hostname, port: url.port, path, method: 'POST', headers: { 'content-type': 'application/json', 'content-length': Buffer.byteLength(payload), ...headers } },
      (res) => {
        res.resume();
        res.on('end', () => resolve({ status: res.statusCode ?? 0, cookies: res.headers['set-cookie'] ?? [] }));
        res.on('error', reject);
      },
    );
    req.on('error', reject);
    req.end(payload);
  });
}

/**
 * Runs `work(i)` for i = 0, 1, … with `concurrency` in flight. Indexes below `warmUp` are not
 * measured; measuring stops at `warmUp + measured` items or after `maxMs` of measuring.
 */
async function pool(concurrency: number, warmUp: number, measured: number, maxMs: number, work: (i: number, measure: boolean) => Promise<void>): Promise<{ ms: number; completed: number }> {
  let next = 0;
  let started = 0n;
  let completed = 0;
  const end = warmUp + measured;
  const worker = async () => {
    for (let i = next++; i < end; i = next++) {
      if (i === warmUp) started = process.hrtime.bigint();
      if (i > warmUp && Number(process.hrtime.bigint() - started) / 1e6 > maxMs) return;
      await work(i, i >= warmUp);
      if (i >= warmUp) completed += 1;
    }
  };
  await Promise.all(Array.from({ length: concurrency }, worker));
  return { ms: Number(process.hrtime.bigint() - started) / 1e6, completed };
}

async function respondOverHttp(baseUrl: string, respondents: readonly Respondent[]): Promise<Latencies> {
  const url = new URL(baseUrl);
  const agent = new Agent({ keepAlive: true, maxSockets: CONCURRENCY });
  const session: number[] = [];
  const submit: number[] = [];
  const run = await pool(CONCURRENCY, WARM_UP, MEASURED, MAX_MEASURED_MS, async (i, measure) => {
    const { token, address, answers } = respondents[i];
    const forwarded = { 'x-forwarded-for': address };
    const exchanged = await timed(() => post(agent, url, '/api/respond/session', { token }, forwarded));
    if (exchanged.result.status !== 200) throw new Error(`token exchange answered ${exchanged.result.status}`);
    const cookie = exchanged.result.cookies.find((c) => c.startsWith('jqc_respondent='))!.split(';')[0];
    const submitted = await timed(() => post(agent, url, '/api/respond/submit', { submissionId: randomUUID(), answers }, { ...forwarded, cookie }));
    if (submitted.result.status !== 201) throw new Error(`submission answered ${submitted.result.status}`);
    if (!measure) return;
    session.push(exchanged.ms);
    submit.push(submitted.ms);
  });
  agent.destroy();
  return { session, submit, ...run };
}

/** The baseline: the same rows inserted one statement each, 64 connections at a time. */
async function insertDirectly(databaseUrl: string, campaignId: string, respondents: readonly Respondent[], count: number): Promise<{ latencies: number[]; ms: number }> {
  const db = new Pool({ connectionString: databaseUrl, max: CONCURRENCY });
  const latencies: number[] = [];
  try {
    const run = await pool(CONCURRENCY, WARM_UP, count, MAX_MEASURED_MS, async (i, measure) => {
      const inserted = await timed(() =>
        db.query(
          `INSERT INTO responses.mix_buffer (campaign_id, answers, gender, age_band, experience_band, court_level, region_code, reviewee_judge_id, rater_gender)
           VALUES ($1, $2, $3, $4, $5, $6, $7, NULL, NULL)`,
          [campaignId, JSON.stringify(respondents[i % respondents.length].answers), 'f', '35-44', '5-9', 'district', 'almaty'],
        ),
      );
      if (measure) latencies.push(inserted.ms);
    });
    return { latencies, ms: run.ms };
  } finally {
    await db.end();
  }
}

/** An open staff survey over the synthetic register, with an invitation token per participant. */
async function openStaffSurvey(platform: RunningPlatform): Promise<{ campaignId: string; respondents: Respondent[] }> {
  for (const args of [['seed:demo'], ['seed:instruments'], ['registry:load-synthetic', '--seed', '2026', '--scale', String(REGISTER_SCALE)]]) {
    if ((await runApp('cli', { ...platform.db.env, DEMO_PASSWORD: PASSWORD }, args).exited) !== 0) throw new Error(`cli ${args[0]} failed`);
  }
  const hr = new HttpClient(platform.baseUrl);
  await hr.signIn('hr', PASSWORD);
  const instruments = (await hr.get('/api/instruments')).body as { kind: string; latestVersion: { id: string } }[];
  const created = await hr.post('/api/campaigns', {
    kind: 'staff-survey',
    title: { kk: 'Синтетикалық', ru: 'Синтетический', en: 'Synthetic staff survey' },
    instrumentVersionId: instruments.find((i) => i.kind === 'staff-survey')!.latestVersion.id,
    deadline: new Date(Date.now() + 7 * 24 * 3600_000).toISOString(),
    reminderDays: [],
  });
  const campaignId = created.body.id as string;
  if ((await hr.post(`/api/campaigns/${campaignId}/launch`)).status !== 200) throw new Error('launch failed');

  const owner = await platform.db.owner();
  const [{ definition }] = await owner.query(`SELECT v.definition FROM instruments.instrument_version v JOIN campaigns.campaign c ON c.instrument_version_id = v.id WHERE c.id = $1`, [campaignId]);
  const questions: RatedQuestion[] = reportingSchema(definition)
    .filter((q) => q.answerKind === 'scale' && q.scale)
    .map((q) => ({ name: q.name, reverse: q.reverse, scale: { min: q.scale!.min, max: q.scale!.max } }));
  const participants: { id: string; gender: string; region_code: string }[] = await owner.query(
    `SELECT id, gender, region_code FROM campaigns.participant WHERE campaign_id = $1 ORDER BY gender, region_code, age_band, experience_band, court_level NULLS FIRST`,
    [campaignId],
  );
  const rng = random(77);
  const respondents = participants.map((p, i) => ({
    token: newInvitationToken(),
    address: `198.${18 + (i >> 16)}.${(i >> 8) & 255}.${i & 255}`,
    answers: syntheticAnswers({ gender: p.gender, regionCode: p.region_code }, questions, rng),
  }));
  await owner.query(
    `INSERT INTO campaigns.invitation_token (token_hmac, participant_id, expires_at) SELECT t, p, now() + interval '1 day' FROM unnest($1::text[], $2::uuid[]) AS x(t, p)`,
    [respondents.map((r) => invitationTokenHmac(platform.db.config.TOKEN_HMAC_SECRET, r.token)), participants.map((p) => p.id)],
  );
  // Respondents arrive in no particular order of attributes.
  for (let i = respondents.length - 1; i > 0; i -= 1) {
    const j = Math.floor(rng() * (i + 1));
    [respondents[i], respondents[j]] = [respondents[j], respondents[i]];
  }
  return { campaignId, respondents };
}

runBenchmark(async () => {
  await ensureTemplateDatabase();
  // One proxy hop in front, as deployed: the rate limits then see each respondent's address.
  const platform = await startPlatform({ TRUST_PROXY_HOPS: '1' });
  try {
    const { campaignId, respondents } = await openStaffSurvey(platform);
    // Answering needs no worker; stopping it keeps the launch's 12,000 invitation e-mails out of the measurement.
    await platform.worker.stop();
    const load = loadavg()[0];
    const cpuBefore = process.cpuUsage();
    const http = await respondOverHttp(platform.baseUrl, respondents);
    const clientCpu = process.cpuUsage(cpuBefore);
    const direct = await insertDirectly(platform.db.env.DATABASE_EVALUATION_URL!, campaignId, respondents, http.completed);
    const rate = http.completed / (http.ms / 1000);
    const insertRate = direct.latencies.length / (direct.ms / 1000);
    const figures: MeasuredFigure[] = [
      compare('submit-throughput.rate', { value: rate, unit: '/s' }, { what: 'direct INSERTs of the same rows', value: insertRate }, valueAtLeast(300, '/s')),
      compare('submit-throughput.submit-p50', { value: quantile(http.submit, 0.5), unit: 'ms' }, { what: 'direct INSERT p50', value: quantile(direct.latencies, 0.5) }),
      compare('submit-throughput.submit-p99', { value: quantile(http.submit, 0.99), unit: 'ms' }, { what: 'direct INSERT p99', value: quantile(direct.latencies, 0.99) }, valueAtMost(250, 'ms')),
      compare('submit-throughput.session-p50', { value: quantile(http.session, 0.5), unit: 'ms' }, { what: 'direct INSERT p50', value: quantile(direct.latencies, 0.5) }),
      compare('submit-throughput.session-p99', { value: quantile(http.session, 0.99), unit: 'ms' }, { what: 'direct INSERT p99', value: quantile(direct.latencies, 0.99) }, valueAtMost(250, 'ms')),
    ];
    recordRun('submit-throughput', figures, [
      `${http.completed.toLocaleString('en-US')} respondents measured over ${(http.ms / 1000).toFixed(1)} s after ${WARM_UP.toLocaleString('en-US')} unmeasured, ${CONCURRENCY} at a time; ` +
        `the rate counts whole respondents (exchange + submission); latencies are per request.`,
      `The load generator ran on the same 2 cores as the api and Postgres and used ${((clientCpu.user + clientCpu.system) / 1e6).toFixed(1)} s of CPU; load average at the start ${load.toFixed(2)}.`,
    ]);
  } finally {
    await platform.stop();
    await deleteQueueKeys(platform.db.config.REDIS_URL, platform.db.config.QUEUE_PREFIX);
  }
});
