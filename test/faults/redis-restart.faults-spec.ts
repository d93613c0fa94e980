import { Queue } from 'bullmq';
import { Redis } from 'ioredis';
import { DataSource } from 'typeorm';
import { QueueName } from '@app/core';
import { answeringBurst, disposableServices, eventually, OpenSurvey, openInvitation, openStaffSurvey, RunningPlatform, startPlatform, storedAnswers, unexpectedErrors } from '@app/testing';

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** A queue of the platform's, for looking at its jobs; quiet while Redis is away. */
function platformQueue(platform: RunningPlatform, name: QueueName): Queue {
  const queue = new Queue(name, { connection: { url: platform.db.config.REDIS_URL }, prefix: platform.db.config.QUEUE_PREFIX });
  queue.on('error', () => undefined);
  return queue;
}

/**
 * Redis holds respondent sessions, rate limits and every queued job. It goes down in the
 * middle of a burst of submissions, and later comes back empty; Postgres is the record
 * from which the lost jobs are queued again.
 */
describe('Redis restarted during a submission burst', () => {
  let platform: RunningPlatform;
  let owner: DataSource;
  let survey: OpenSurvey;
  const burst = 60;

  beforeAll(async () => {
    platform = await startPlatform({ RECONCILE_EVERY_SECONDS: '2', TRUST_PROXY_HOPS: '1' });
    owner = await platform.db.owner();
    survey = await openStaffSurvey(platform, { scale: 0.03, seed: 31 });
  });

  afterAll(async () => {
    await disposableServices.start();
    await platform?.stop();
  });

  /** Redis comes back with nothing: no persistence, a lost volume, or a failover to an empty replica. */
  async function restartRedisEmpty(): Promise<void> {
    const redis = new Redis(platform.db.config.REDIS_URL);
    await redis.flushall();
    redis.disconnect();
    await disposableServices.stop('redis');
    await disposableServices.start();
  }

  it('answers 503 while Redis is down, and stores every accepted answer exactly once', async () => {
    const respondents = answeringBurst(platform, survey, survey.tokens.slice(0, burst), 50);
    await sleep(1000);
    await disposableServices.stop('redis');

    expect(await openInvitation(platform.baseUrl, survey.tokens[burst], 'ru')).toMatchObject({
      status: 503,
      retryAfter: '5',
      body: { code: 'core.unavailable', message: 'Сервис временно недоступен. Повторите позже' },
    });
    const health = await fetch(`${platform.baseUrl}/api/health`);
    expect(health.status).toBe(503);
    expect((await health.json()).problems).toContainEqual({ field: 'redis', reason: 'down' });
    await sleep(2000);
    await disposableServices.start();

    const answered = await respondents;
    expect(unexpectedErrors(platform.api)).toEqual([]);
    const statuses = answered.flatMap((a) => a.statuses);
    expect(statuses.filter((status) => ![200, 201, 503].includes(status))).toEqual([]);
    expect(answered.map((a) => a.outcome)).toEqual(Array(burst).fill('recorded'));
    expect(await storedAnswers(owner, survey.campaignId)).toEqual({ buffered: burst, stored: 0, responded: burst, claimed: 0 });
    // A second browser of the same people (a new submission id) is refused: one answer each.
    const [again] = await answeringBurst(platform, survey, survey.tokens.slice(0, 1));
    expect(again.outcome).toBe('already-answered');
  });

  it('queues again from Postgres the close at the deadline that an empty Redis lost', async () => {
    const campaigns = platformQueue(platform, QueueName.Campaigns);
    try {
      const closeJob = `close-campaign-${survey.campaignId}`;
      expect(await campaigns.getJob(closeJob)).toBeDefined();
      await restartRedisEmpty();
      // The worker ran on: it must schedule reconciling again by itself, which re-queues the close.
      expect(await eventually('the close job to be queued again', async () => (await campaigns.getJob(closeJob))?.getState(), 60_000)).toBe('delayed');
    } finally {
      await campaigns.close();
    }
  });

  it('finalises and aggregates a closed campaign whose queued jobs an empty Redis lost', async () => {
    const responses = platformQueue(platform, QueueName.Responses);
    try {
      // Finalising waits in a paused queue, and is lost with everything else.
      await responses.pause();
      expect((await survey.hr.post(`/api/campaigns/${survey.campaignId}/close`)).status).toBe(200);
      expect(await responses.getJob(`finalize-responses-${survey.campaignId}`)).toBeDefined();
      await restartRedisEmpty();
    } finally {
      await responses.close();
    }
    await eventually('the answers to be finalised', async () => (await storedAnswers(owner, survey.campaignId)).buffered === 0, 60_000);
    expect(await storedAnswers(owner, survey.campaignId)).toEqual({ buffered: 0, stored: burst, responded: burst, claimed: 0 });
    const status = await eventually(
      'the first release',
      async () => {
        const body = (await survey.hr.get(`/api/campaigns/${survey.campaignId}/results/status`)).body;
        return body.releases?.length > 0 && body;
      },
      120_000,
      500,
    );
    expect(status.releases.map((r: { release: number }) => r.release)).toEqual([1]);
  });
});
