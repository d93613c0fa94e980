import { randomUUID } from 'node:crypto';
import { Queue } from 'bullmq';
import { DataSource } from 'typeorm';
import { QueueName } from '@app/core';
import { answersTo, behindProxy, eventually, OpenSurvey, openStaffSurvey, Respondent, RunningPlatform, startPlatform, storedAnswers, unexpectedErrors } from '@app/testing';

const CONCURRENCY = 128;
const DURATION_MS = 12_000;
/** Refusals the platform means to give: an answered invitation (409), a rate limit (429). */
const INTENDED = [200, 201, 409, 429];

/**
 * A bounded load test on loopback: CONCURRENCY respondents, each behind its own address,
 * open their invitations and submit for DURATION_MS. Nothing but intended statuses, and every
 * accepted answer stored exactly once. Speed is printed, never asserted: the machine is shared.
 */
describe('load: many respondents at once', () => {
  let platform: RunningPlatform;
  let owner: DataSource;
  let survey: OpenSurvey;

  beforeAll(async () => {
    platform = await startPlatform({ TRUST_PROXY_HOPS: '1' });
    owner = await platform.db.owner();
    // The invitation e-mails are not what this measures: they wait in a paused queue.
    const mail = new Queue(QueueName.Mail, { connection: { url: platform.db.config.REDIS_URL }, prefix: platform.db.config.QUEUE_PREFIX });
    await mail.pause();
    await mail.close();
    survey = await openStaffSurvey(platform, { scale: 0.25, seed: 61 });
  });

  afterAll(async () => {
    await platform?.stop();
  });

  it('answers only with intended statuses, and stores every accepted answer once', async () => {
    const statuses = new Map<number, number>();
    const count = (status: number) => statuses.set(status, (statuses.get(status) ?? 0) + 1);
    let next = 0;
    let accepted = 0;
    const started = Date.now();
    await Promise.all(
      Array.from({ length: CONCURRENCY }, async (_, client) => {
        while (Date.now() - started < DURATION_MS && next < survey.tokens.length) {
          const i = next++;
          const respondent = new Respondent(platform.baseUrl, behindProxy(client));
          const session = await respondent.exchange(survey.tokens[i]);
          count(session.status);
          if (session.status !== 200) continue;
          const submitted = await respondent.submit({ submissionId: randomUUID(), answers: answersTo(survey.definition, i) });
          count(submitted.status);
          if (submitted.status === 201) accepted += 1;
        }
      }),
    );
    const seconds = (Date.now() - started) / 1000;
    process.stdout.write(`load: ${CONCURRENCY} respondents, ${accepted} answers in ${seconds.toFixed(1)} s; statuses ${JSON.stringify(Object.fromEntries(statuses))}\n`);

    expect(unexpectedErrors(platform.api)).toEqual([]);
    expect([...statuses.keys()].filter((status) => !INTENDED.includes(status))).toEqual([]);
    expect(accepted).toBeGreaterThan(0);
    expect(await storedAnswers(owner, survey.campaignId)).toEqual({ buffered: accepted, stored: 0, responded: accepted, claimed: 0 });

    expect((await survey.hr.post(`/api/campaigns/${survey.campaignId}/close`)).status).toBe(200);
    await eventually('the answers to be finalised', async () => (await storedAnswers(owner, survey.campaignId)).buffered === 0, 120_000, 500);
    expect(await storedAnswers(owner, survey.campaignId)).toEqual({ buffered: 0, stored: accepted, responded: accepted, claimed: 0 });
  });
});
