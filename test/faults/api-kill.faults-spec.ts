import { DataSource } from 'typeorm';
import { answeringBurst, eventually, OpenSurvey, openStaffSurvey, Persisted, RunningPlatform, startPlatform, storedAnswers } from '@app/testing';

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/**
 * The api is SIGKILLed while submissions are in flight; the respondent page retries with the
 * same submission id until the api is back. The first two cases stop the api at a known step
 * of claim → store → complete by holding a row lock that step needs; the third kills it
 * wherever a burst happens to be.
 */
describe('the api killed in the middle of submissions', () => {
  let platform: RunningPlatform;
  let owner: DataSource;
  let survey: OpenSurvey;

  beforeAll(async () => {
    platform = await startPlatform({ TRUST_PROXY_HOPS: '1' });
    owner = await platform.db.owner();
    survey = await openStaffSurvey(platform, { scale: 0.03, seed: 41 });
  });

  afterAll(async () => {
    await platform?.stop();
  });

  /** Takes row locks in a transaction of the test's own, held until the returned function is called. */
  async function hold(sql: string, params: unknown[]): Promise<() => Promise<void>> {
    const runner = owner.createQueryRunner();
    await runner.connect();
    await runner.startTransaction();
    await runner.query(sql, params);
    return async () => {
      await runner.rollbackTransaction();
      await runner.release();
    };
  }

  /** Only success, or no reply while the api was dead; each answer recorded by its own submission. */
  function expectRecorded(answered: Persisted[]): void {
    expect(answered.flatMap((a) => a.statuses).filter((status) => ![0, 200, 201].includes(status))).toEqual([]);
    expect(answered.map((a) => a.outcome)).toEqual(Array(answered.length).fill('recorded'));
  }

  const holdCampaign = () => hold(`SELECT 1 FROM campaigns.campaign WHERE id = $1 FOR UPDATE`, [survey.campaignId]);

  it('stores the answer once when the api died after the claim, before storing', async () => {
    // Storing takes a share lock on the campaign row: it waits behind ours, the claims made.
    const releaseCampaign = await holdCampaign();
    const respondents = answeringBurst(platform, survey, survey.tokens.slice(0, 5));
    await eventually('five claims', async () => (await storedAnswers(owner, survey.campaignId)).claimed === 5);
    await platform.restartApi();
    await releaseCampaign();

    const answered = await respondents;
    expectRecorded(answered);
    // Stored by the retry: nothing of the dead api's attempt remained.
    expect(answered.map((a) => a.statuses.at(-1))).toEqual(Array(5).fill(201));
    expect(await storedAnswers(owner, survey.campaignId)).toEqual({ buffered: 5, stored: 0, responded: 5, claimed: 0 });
  });

  it('marks the participant answered when the api died after storing, before completing', async () => {
    const releaseCampaign = await holdCampaign();
    const respondents = answeringBurst(platform, survey, survey.tokens.slice(5, 10));
    await eventually('five claims', async () => (await storedAnswers(owner, survey.campaignId)).claimed === 5);
    // Completing updates the participant's row: it waits behind ours, the answers stored.
    const claimed: { id: string }[] = await owner.query(`SELECT id FROM campaigns.participant WHERE campaign_id = $1 AND claim_hmac IS NOT NULL`, [survey.campaignId]);
    const releaseParticipants = await hold(`SELECT 1 FROM campaigns.participant WHERE id = ANY($1::uuid[]) FOR UPDATE`, [claimed.map((p) => p.id)]);
    await releaseCampaign();
    await eventually('five more answers stored', async () => (await storedAnswers(owner, survey.campaignId)).buffered === 10);
    await platform.restartApi();
    await releaseParticipants();

    const answered = await respondents;
    expectRecorded(answered);
    // The retry found its receipt and only completed: "already recorded".
    expect(answered.map((a) => a.statuses.at(-1))).toEqual(Array(5).fill(200));
    expect(await storedAnswers(owner, survey.campaignId)).toEqual({ buffered: 10, stored: 0, responded: 10, claimed: 0 });
  });

  it('loses and doubles nothing when the api dies anywhere in a burst', async () => {
    const tokens = survey.tokens.slice(10, 50);
    const respondents = answeringBurst(platform, survey, tokens, 25);
    await sleep(500);
    await platform.restartApi();

    expectRecorded(await respondents);
    expect(await storedAnswers(owner, survey.campaignId)).toEqual({ buffered: 50, stored: 0, responded: 50, claimed: 0 });
    // Another browser of the same people (a new submission id) is refused: one answer each.
    const again = await answeringBurst(platform, survey, survey.tokens.slice(0, 50));
    expect(again.map((a) => a.outcome)).toEqual(Array(50).fill('already-answered'));
  });

  it('stores each answer once at close', async () => {
    expect((await survey.hr.post(`/api/campaigns/${survey.campaignId}/close`)).status).toBe(200);
    await eventually('the answers to be finalised', async () => (await storedAnswers(owner, survey.campaignId)).buffered === 0);
    expect(await storedAnswers(owner, survey.campaignId)).toEqual({ buffered: 0, stored: 50, responded: 50, claimed: 0 });
  });
});
