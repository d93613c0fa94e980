import { randomUUID } from 'node:crypto';
import { Redis } from 'ioredis';
import { DataSource } from 'typeorm';
import { QueueName } from '@app/core';
import {
  campaignDefinition,
  eventually,
  HttpClient,
  issueInvitationTokens,
  launchStaffSurvey,
  runApp,
  RunningPlatform,
  seedPlatform,
  startPlatform,
  storeResponses,
} from '@app/testing';

const PASSWORD = 'results-e2e-password';

/**
 * Results over HTTP with the real worker: locked while open (attack test 1), catalogue cells
 * only (attack test 2), and a worker killed in the middle of aggregating, whose job is taken up
 * again by a fresh worker and stores the bytes a clean recomputation gives.
 */
describe('protected results with a worker that dies mid-job', () => {
  let platform: RunningPlatform;
  let owner: DataSource;
  let hr: HttpClient;
  let campaignId: string;
  let unansweredId: string;

  async function respondOverHttp(participantId: string): Promise<{ status: number; body: unknown }> {
    const [token] = await issueInvitationTokens(platform, owner, [participantId]);
    const session = await fetch(`${platform.baseUrl}/api/respond/session`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ token }) });
    const cookie = session.headers.getSetCookie().find((c) => c.startsWith('jqc_respondent='))?.split(';')[0] ?? '';
    const submit = await fetch(`${platform.baseUrl}/api/respond/submit`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', cookie },
      body: JSON.stringify({ submissionId: randomUUID(), answers: {} }),
    });
    return { status: session.status === 201 || session.status === 200 ? submit.status : session.status, body: await submit.json().catch(() => null) };
  }

  beforeAll(async () => {
    platform = await startPlatform();
    owner = await platform.db.owner();
    hr = await seedPlatform(platform, { seed: 11, scale: 0.2, password: PASSWORD });
    campaignId = (await launchStaffSurvey(hr, { reminderDays: [] })).campaignId;
    const ratings = (await campaignDefinition(owner, campaignId)).pages.flatMap((p) => p.elements).filter((q) => q.type === 'rating');
    // Most answers go straight into the response store: the HTTP path is covered elsewhere,
    // and thousands of requests would only slow this test. One participant stays unanswered.
    await storeResponses(owner, campaignId, (p, i) =>
      i === 0 || i % 8 === 0 ? null : Object.fromEntries(ratings.map((q, j) => [q.name, 1 + ((i * 7 + j * 3 + (p.gender === 'f' ? 2 : 0)) % 5)])),
    );
    [{ id: unansweredId }] = await owner.query(`SELECT id FROM campaigns.participant WHERE campaign_id = $1 AND NOT responded LIMIT 1`, [campaignId]);
  }, 240_000);

  afterAll(async () => {
    await platform?.stop();
  });

  it('refuses results of an open campaign (attack test 1)', async () => {
    const latest = await hr.get(`/api/campaigns/${campaignId}/results`);
    expect(latest.status).toBe(409);
    expect(latest.body.code).toBe('aggregation.results-locked');
    expect((await hr.get(`/api/campaigns/${campaignId}/results/table?table=gender`)).status).toBe(409);
    expect((await hr.post(`/api/campaigns/${campaignId}/results/releases`)).status).toBe(409);
  });

  it('resumes an aggregation whose worker was killed and stores what a clean run computes', async () => {
    expect((await hr.post(`/api/campaigns/${campaignId}/close`)).status).toBe(200);
    const running = await eventually(
      'the aggregation job to be under way',
      async () => {
        const status = (await hr.get(`/api/campaigns/${campaignId}/results/status`)).body;
        expect(status.releases).toEqual([]);
        return status.pending?.state === 'active' && (status.pending.progress?.done ?? 0) >= 2 && status.pending;
      },
      120_000,
      50,
    );
    expect(running.progress.done).toBeLessThan(running.progress.total);
    await platform.restartWorker();
    // The dead worker's lock would expire by itself after BullMQ's 30 s; expiring it now lets the
    // new worker's stalled-job check (every 5 s) take the job up without the wait.
    const redis = new Redis(platform.db.config.REDIS_URL);
    try {
      const locks: string[] = [];
      for await (const batch of redis.scanStream({ match: `${platform.db.config.QUEUE_PREFIX}:${QueueName.Aggregation}:*:lock` })) locks.push(...(batch as string[]));
      expect(locks).toHaveLength(1);
      await redis.del(...locks);
    } finally {
      redis.disconnect();
    }

    const status = await eventually(
      'the release after the restart',
      async () => {
        const body = (await hr.get(`/api/campaigns/${campaignId}/results/status`)).body;
        return body.releases.length > 0 && body;
      },
      180_000,
      500,
    );
    expect(status.releases.map((r: { release: number }) => r.release)).toEqual([1]);

    const first = await hr.get(`/api/campaigns/${campaignId}/results`);
    const second = await hr.get(`/api/campaigns/${campaignId}/results`);
    expect(first.status).toBe(200);
    expect(second.text).toBe(first.text);
    expect(first.headers.get('x-results-sha256')).toBe(status.releases[0].sha256);

    const verify = runApp('cli', platform.db.env, ['results:verify', campaignId]);
    const code = await verify.exited;
    if (code !== 0) console.log(verify.output());
    expect(code).toBe(0);
    expect(JSON.parse(verify.output().trim().split('\n').pop()!)).toMatchObject({ stored: status.releases[0].sha256, identical: true });
  }, 400_000);

  it('answers catalogue tables only (attack test 2), and refuses answers after close', async () => {
    const table = await hr.get(`/api/campaigns/${campaignId}/results/table?table=gender.region&cell=${encodeURIComponent('gender=f|region=almaty')}`);
    expect(table.status).toBe(200);
    expect(table.body.respondents.map((c: { key: string }) => c.key)).toEqual(['gender=f|region=almaty']);
    for (const query of [
      'table=gender.age-band.region',
      'table=region&court=x',
      `table=region&cell=${encodeURIComponent('region!=abai')}`,
      'table=region&except=abai',
      'court=x',
    ]) {
      const refused = await hr.get(`/api/campaigns/${campaignId}/results/table?${query}`);
      expect({ query, status: refused.status }).toEqual({ query, status: 403 });
      expect(refused.body.code).toMatch(/^aggregation\.(table-not-in-catalogue|filter-not-allowed|negation-not-allowed)$/);
    }
    const late = await respondOverHttp(unansweredId);
    expect(late.status).toBeGreaterThanOrEqual(400);
  });
});
