import { DataSource } from 'typeorm';
import { answeringBurst, disposableServices, eventually, OpenSurvey, openInvitation, openStaffSurvey, RunningPlatform, startPlatform, storedAnswers, unexpectedErrors } from '@app/testing';

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/**
 * PostgreSQL goes away twice in the middle of a burst of submissions: a clean fast shutdown
 * (sessions are terminated) and a crash (immediate shutdown, recovery on start). The api and
 * the worker keep running; respondents retry with the same submission id.
 */
describe('PostgreSQL restarted during submissions', () => {
  let platform: RunningPlatform;
  let survey: OpenSurvey;
  let owner: DataSource;
  const burst = 80;

  beforeAll(async () => {
    platform = await startPlatform({ TRUST_PROXY_HOPS: '1' });
    survey = await openStaffSurvey(platform, { scale: 0.03, seed: 51 });
    owner = await platform.db.owner();
  });

  afterAll(async () => {
    await disposableServices.start();
    await platform?.stop();
  });

  it('answers 503 while it is down, and every token ends with exactly one stored answer', async () => {
    const respondents = answeringBurst(platform, survey, survey.tokens.slice(0, burst), 60);
    await sleep(1000);
    await disposableServices.stop('postgres');
    expect(await openInvitation(platform.baseUrl, survey.tokens[burst], 'en')).toMatchObject({
      status: 503,
      retryAfter: '5',
      body: { code: 'core.unavailable', message: 'The service is temporarily unavailable. Try again later' },
    });
    const health = await fetch(`${platform.baseUrl}/api/health`);
    expect(health.status).toBe(503);
    expect((await health.json()).problems).toEqual(expect.arrayContaining([{ field: 'database', reason: 'down' }]));
    await sleep(1000);
    await disposableServices.start();
    await sleep(1500);
    await disposableServices.kill('postgres');
    await sleep(1000);
    await disposableServices.start();

    const answered = await respondents;
    expect(unexpectedErrors(platform.api)).toEqual([]);
    expect(answered.flatMap((a) => a.statuses).filter((status) => ![200, 201, 503].includes(status))).toEqual([]);
    expect(answered.map((a) => a.outcome)).toEqual(Array(burst).fill('recorded'));
    // Nothing half-written: one receipt and one buffered answer per participant marked answered, no claim left.
    expect(await storedAnswers(owner, survey.campaignId)).toEqual({ buffered: burst, stored: 0, responded: burst, claimed: 0 });
    const [{ receipts }] = await owner.query(`SELECT count(*)::int AS receipts FROM responses.submission_receipt WHERE campaign_id = $1`, [survey.campaignId]);
    expect(receipts).toBe(burst);
    const again = await answeringBurst(platform, survey, survey.tokens.slice(0, burst));
    expect(again.map((a) => a.outcome)).toEqual(Array(burst).fill('already-answered'));
  });

  it('finalises every answer once after the worker lived through the restarts', async () => {
    expect((await survey.hr.post(`/api/campaigns/${survey.campaignId}/close`)).status).toBe(200);
    await eventually('the answers to be finalised', async () => (await storedAnswers(owner, survey.campaignId)).buffered === 0);
    expect(await storedAnswers(owner, survey.campaignId)).toEqual({ buffered: 0, stored: burst, responded: burst, claimed: 0 });
  });
});
