import { randomUUID } from 'node:crypto';
import fc from 'fast-check';
import { Redis } from 'ioredis';
import { answersTo, Definition, HttpClient, launchStaffSurvey, Respondent, RunningPlatform, seedPlatform, startPlatform } from '@app/testing';

const PASSWORD = 'answering-e2e-password';

describe('answering over HTTP: exactly once, unlinkable', () => {
  let platform: RunningPlatform;
  let hr: HttpClient;
  let campaignId: string;
  let tokens: string[];
  let definition: Definition;
  const canary = `CANARY-${randomUUID()}`;

  beforeAll(async () => {
    platform = await startPlatform();
    hr = await seedPlatform(platform, { seed: 8, scale: 0.02, password: PASSWORD });
    const launched = await launchStaffSurvey(hr);
    campaignId = launched.campaignId;
    expect(launched.participants).toBe(120);
    const deadline = Date.now() + 60_000;
    let mails = await platform.mails();
    while (mails.length < 120 && Date.now() < deadline) {
      await new Promise((resolve) => setTimeout(resolve, 500));
      mails = await platform.mails();
    }
    tokens = mails.map((mail) => /#([A-Za-z0-9_-]{43})\b/.exec(mail.text)![1]);
    expect(tokens).toHaveLength(120);
  });

  afterAll(async () => {
    await platform?.stop();
  });

  async function storedCount(): Promise<number> {
    const owner = await platform.db.owner();
    const [{ n }] = await owner.query(
      `SELECT (SELECT count(*) FROM responses.response WHERE campaign_id = $1) + (SELECT count(*) FROM responses.mix_buffer WHERE campaign_id = $1) AS n`,
      [campaignId],
    );
    return Number(n);
  }

  it('refuses an unknown token and invalid answers, naming the question, and stores nothing', async () => {
    const stranger = new Respondent(platform.baseUrl);
    expect((await stranger.exchange('x'.repeat(43))).body).toMatchObject({ statusCode: 401, code: 'responses.token-invalid' });

    const respondent = new Respondent(platform.baseUrl);
    const session = await respondent.exchange(tokens[0]);
    expect(session.status).toBe(200);
    expect(session.cookie).toMatch(/HttpOnly/);
    expect(session.cookie).toMatch(/SameSite=Strict/);
    definition = session.body.definition;
    const answers = answersTo(definition, 2);
    const [first] = Object.keys(answers);
    const bad = await respondent.submit({ submissionId: randomUUID(), answers: { ...answers, [first]: 9, invented: 1 } });
    expect(bad.status).toBe(400);
    expect(bad.body.code).toBe('responses.invalid-answers');
    expect(bad.body.problems.map((p: { field: string }) => p.field).sort()).toEqual([first, 'invented'].sort());
    expect(await storedCount()).toBe(0);
  });

  it('stores one response for 100 concurrent submits of one token, and refuses the token afterwards', async () => {
    const respondent = new Respondent(platform.baseUrl);
    await respondent.exchange(tokens[1]);
    const shared = randomUUID();
    const results = await Promise.all(
      Array.from({ length: 100 }, (_, i) => respondent.submit({ submissionId: i % 2 === 0 ? shared : randomUUID(), answers: answersTo(definition, 3) })),
    );
    const statuses = results.map((r) => r.status);
    expect(statuses.filter((s) => s === 201)).toHaveLength(1);
    expect(statuses.every((s) => [200, 201, 401, 409].includes(s))).toBe(true);
    expect(await storedCount()).toBe(1);

    const again = await new Respondent(platform.baseUrl).exchange(tokens[1]);
    expect(again.body).toMatchObject({ statusCode: 409, code: 'responses.already-answered' });
  });

  it('answers fuzzed bodies with a 4xx, never a 5xx, and stores nothing', async () => {
    const before = await storedCount();
    const respondent = new Respondent(platform.baseUrl);
    await respondent.exchange(tokens[3]);
    const statuses: number[] = [];
    await fc.assert(
      fc.asyncProperty(
        fc.oneof(
          fc.anything(),
          fc.record({ submissionId: fc.oneof(fc.uuid({ version: 4 }), fc.string()), answers: fc.oneof(fc.anything(), fc.dictionary(fc.string(), fc.anything())) }),
          fc.record({ submissionId: fc.uuid({ version: 4 }), reviews: fc.array(fc.record({ key: fc.string(), answers: fc.anything() })) }),
        ),
        async (body) => {
          const { status } = await respondent.submit(body);
          statuses.push(status);
          return status >= 400 && status < 500;
        },
      ),
      { numRuns: 60 },
    );
    expect(statuses.length).toBe(60);
    expect(await storedCount()).toBe(before);
  });

  it('refuses an expired token', async () => {
    const owner = await platform.db.owner();
    const [{ participant_id }] = await owner.query(`SELECT participant_id FROM campaigns.invitation_token ORDER BY participant_id LIMIT 1 OFFSET 50`);
    await owner.query(`UPDATE campaigns.invitation_token SET expires_at = now() - interval '1 minute' WHERE participant_id = $1`, [participant_id]);
    const expired = await Promise.all(tokens.map((token) => new Respondent(platform.baseUrl).exchange(token)));
    expect(expired.filter((r) => r.body.code === 'responses.token-invalid').length).toBeGreaterThanOrEqual(1);
  });

  it('keeps a free-text canary in the response store only: no other table, no Redis key or value, no log, no e-mail', async () => {
    const respondent = new Respondent(platform.baseUrl);
    const session = await respondent.exchange(tokens[2]);
    expect(session.status).toBe(200);
    expect((await respondent.submit({ submissionId: randomUUID(), answers: answersTo(definition, 1, canary) })).status).toBe(201);

    const owner = await platform.db.owner();
    const tables: { schema: string; name: string }[] = await owner.query(
      `SELECT table_schema AS schema, table_name AS name FROM information_schema.tables WHERE table_type = 'BASE TABLE' AND table_schema NOT IN ('pg_catalog', 'information_schema')`,
    );
    const holding: string[] = [];
    for (const table of tables) {
      const [{ hits }] = await owner.query(`SELECT count(*)::int AS hits FROM "${table.schema}"."${table.name}" t WHERE strpos(t::text, $1) > 0`, [canary]);
      if (hits > 0) holding.push(`${table.schema}.${table.name}`);
    }
    expect(holding.length).toBe(1);
    expect(['responses.response', 'responses.mix_buffer']).toContain(holding[0]);
    const [row] = await owner.query(`SELECT t::text AS row FROM ${holding[0]} t WHERE strpos(t::text, $1) > 0`, [canary]);
    const [person] = await owner.query(`SELECT p.id, p.person_id FROM campaigns.participant p WHERE p.responded ORDER BY p.id LIMIT 1`);
    expect(row.row).not.toContain(person.person_id);
    expect(row.row).not.toContain(tokens[2]);

    // Every key on the server, with its value whatever its type (read in two pipelines: other runs' keys may be many).
    const redis = new Redis(platform.db.config.REDIS_URL);
    try {
      const keys: string[] = [];
      for await (const batch of redis.scanStream({ count: 1000 })) keys.push(...(batch as string[]));
      expect(keys.length).toBeGreaterThan(0);
      const types = (await redis.pipeline(keys.map((key) => ['type', key])).exec())!.map(([, type]) => type as string);
      const read: Record<string, string[]> = { string: ['get'], hash: ['hgetall'], list: ['lrange', '0', '-1'], set: ['smembers'], zset: ['zrange', '0', '-1', 'WITHSCORES'], stream: ['xrange', '-', '+'] };
      // A key that expired since the scan reads as type "none" and holds nothing.
      const present = keys.map((key, i) => ({ key, type: types[i] })).filter(({ type }) => type !== 'none');
      expect(present.filter(({ type }) => !(type in read))).toEqual([]);
      const values = await redis.pipeline(present.map(({ key, type }) => [read[type][0], key, ...read[type].slice(1)])).exec();
      for (const [i, { key }] of present.entries()) {
        const [error, value] = values![i];
        expect({ key, error }).toEqual({ key, error: null });
        const dump = JSON.stringify(value);
        for (const secret of [canary, tokens[2]]) {
          expect(key).not.toContain(secret);
          expect(dump).not.toContain(secret);
        }
      }
    } finally {
      redis.disconnect();
    }
    for (const output of [platform.api.output(), platform.worker.output()]) {
      expect(output).not.toContain(canary);
      expect(output).not.toContain(tokens[2]);
    }
    for (const mail of await platform.mails()) expect(mail.raw).not.toContain(canary);
  });

  it('after close, refuses answers and leaves nothing in the store that orders or joins responses to participants', async () => {
    // 50 submissions in a known order; each carries its position in its comment.
    let position = 0;
    for (const token of tokens.slice(10)) {
      if (position === 50) break;
      const respondent = new Respondent(platform.baseUrl);
      if ((await respondent.exchange(token)).status !== 200) continue; // the token expired above
      expect((await respondent.submit({ submissionId: randomUUID(), answers: answersTo(definition, position, `position ${position}`) })).status).toBe(201);
      position += 1;
    }
    expect((await hr.post(`/api/campaigns/${campaignId}/close`)).body.status).toBe('closed');
    const late = new Respondent(platform.baseUrl);
    expect((await late.exchange(tokens[100])).body).toMatchObject({ statusCode: 410, code: 'responses.campaign-closed' });

    const owner = await platform.db.owner();
    const deadline = Date.now() + 30_000;
    while (Date.now() < deadline && (await owner.query(`SELECT 1 FROM responses.mix_buffer WHERE campaign_id = $1`, [campaignId])).length > 0) {
      await new Promise((resolve) => setTimeout(resolve, 250));
    }
    await new Promise((resolve) => setTimeout(resolve, 1000));
    const rows: { id: string; ctid: string; xmin: string; answers: Record<string, unknown> }[] = await owner.query(
      `SELECT id, ctid::text AS ctid, xmin::text AS xmin, answers FROM responses.response WHERE campaign_id = $1`,
      [campaignId],
    );
    expect(rows).toHaveLength(52);
    expect(await owner.query(`SELECT 1 FROM responses.submission_receipt WHERE campaign_id = $1`, [campaignId])).toEqual([]);
    // One rewrite at close: every row has the same transaction id, so xmin orders nothing.
    expect(new Set(rows.map((r) => r.xmin)).size).toBe(1);
    // Neither the physical order nor the id order of the stored rows follows the submission order.
    const positionOf = (row: { answers: Record<string, unknown> }) => Number(/^position (\d+)$/.exec(String(row.answers.suggestions ?? ''))?.[1] ?? NaN);
    const known = rows.filter((row) => !Number.isNaN(positionOf(row)));
    expect(known).toHaveLength(50);
    const byCtid = [...known].sort((a, b) => compareCtid(a.ctid, b.ctid)).map(positionOf);
    const byId = [...known].sort((a, b) => a.id.localeCompare(b.id)).map(positionOf);
    expect(Math.abs(spearman(byCtid))).toBeLessThan(0.6);
    expect(Math.abs(spearman(byId))).toBeLessThan(0.6);
    // No stored value equals any participant's or person's id.
    const ids: { id: string; person_id: string }[] = await owner.query(`SELECT id, person_id FROM campaigns.participant WHERE campaign_id = $1`, [campaignId]);
    const identities = new Set(ids.flatMap((p) => [p.id, p.person_id]));
    const [{ joined }] = await owner.query(
      `SELECT count(*)::int AS joined FROM responses.response r WHERE r.campaign_id = $1 AND (r.id::text = ANY($2) OR r::text ~ ANY($2))`,
      [campaignId, [...identities]],
    );
    expect(joined).toBe(0);
  });
});

function compareCtid(a: string, b: string): number {
  const [pa, ia] = a.slice(1, -1).split(',').map(Number);
  const [pb, ib] = b.slice(1, -1).split(',').map(Number);
  return pa - pb || ia - ib;
}

/** Spearman's rank correlation of a sequence with its position: near 0 when the order is unrelated. */
function spearman(values: number[]): number {
  const ranked = values.map((value, index) => ({ value, index })).sort((a, b) => a.value - b.value || a.index - b.index);
  const rank = new Array<number>(values.length);
  ranked.forEach((entry, r) => (rank[entry.index] = r));
  const n = values.length;
  const d2 = rank.reduce((sum, r, i) => sum + (r - i) ** 2, 0);
  return 1 - (6 * d2) / (n * (n * n - 1));
}
