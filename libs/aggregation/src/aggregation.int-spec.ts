import { randomUUID } from 'node:crypto';
import { TestingModule } from '@nestjs/testing';
import { DataSource } from 'typeorm';
import { MailModule } from '@app/core';
import { Role } from '@app/auth';
import { CampaignService, CampaignsModule, invitationTokenHmac, newInvitationToken } from '@app/campaigns';
import { InstrumentService, InstrumentsModule, reportingSchema } from '@app/instruments';
import { RegisterImportService, RegistryModule } from '@app/registry';
import { AnsweringService, ResponsesModule } from '@app/responses';
import { createIntegrationModule, createTestDatabase, TestDatabase } from '@app/testing';
import { AggregationModule } from './aggregation.module';
import { AggregationService } from './aggregation.service';
import { ResultsService } from './results.service';
import { PeerReviewSnapshot } from './snapshot/peer-review-snapshot';
import { SurveySnapshot } from './snapshot/survey-snapshot';

/** A staff survey answered through the real answering service, closed, finalised and aggregated on Postgres. */
describe('protected aggregation of a finalised campaign', () => {
  let db: TestDatabase;
  let module: TestingModule;
  let owner: DataSource;
  let aggregation: AggregationService;
  let results: ResultsService;
  let campaignId: string;
  let scaleQuestions: { name: string; reverse: boolean }[];
  const hr = { userId: randomUUID(), login: 'hr', role: Role.Hr };

  /** Deterministic answers with a gender difference, so the gap analysis has something to find. */
  function answersFor(gender: string, person: number): Record<string, number> {
    return Object.fromEntries(
      scaleQuestions.map((q, i) => {
        const spread = 1 + ((person * 7 + i * 3) % 5);
        return [q.name, gender === 'f' ? Math.min(5, spread + 1) : spread];
      }),
    );
  }

  beforeAll(async () => {
    db = await createTestDatabase();
    module = await createIntegrationModule(db, { imports: [MailModule, RegistryModule, InstrumentsModule, CampaignsModule, ResponsesModule, AggregationModule] });
    owner = await db.owner();
    aggregation = module.get(AggregationService);
    results = module.get(ResultsService);
    await module.get(RegisterImportService).loadSynthetic({ seed: 5, scale: 0.5, referenceDate: '2026-11-01' });
    const instruments = module.get(InstrumentService);
    await instruments.seedBuiltins();
    const version = (await instruments.list()).find((i) => i.kind === 'staff-survey')!.latestVersion!;
    scaleQuestions = reportingSchema((await instruments.versionById(version.id)).definition).filter((q) => q.answerKind === 'scale');
    const campaigns = module.get(CampaignService);
    const campaign = await campaigns.create(hr, 'staff-survey', { title: { kk: 'С', ru: 'О', en: 'S' }, instrumentVersionId: version.id, deadline: new Date(Date.now() + 5 * 24 * 3600_000) });
    await campaigns.launch(hr, campaign.id);
    campaignId = campaign.id;

    const answering = module.get(AnsweringService);
    // Ordered by attributes, not by (random) id, so every run answers the same way.
    const participants: { id: string; gender: string }[] = await owner.query(
      `SELECT id, gender FROM campaigns.participant WHERE campaign_id = $1 ORDER BY gender, region_code, age_band, experience_band, court_level NULLS FIRST`,
      [campaignId],
    );
    const answerers = participants.map((participant, index) => ({ ...participant, index, token: newInvitationToken() })).filter(({ index }) => index % 5 !== 4); // about 80% answer
    await owner.query(`INSERT INTO campaigns.invitation_token (token_hmac, participant_id, expires_at) SELECT unnest($1::text[]), unnest($2::uuid[]), now() + interval '1 day'`, [
      answerers.map((a) => invitationTokenHmac(db.config.TOKEN_HMAC_SECRET, a.token)),
      answerers.map((a) => a.id),
    ]);
    // Sixteen at a time, as people answer at once: what each answers depends on who they are, not on the order.
    for (let start = 0; start < answerers.length; start += 16) {
      await Promise.all(
        answerers.slice(start, start + 16).map(async ({ token, gender, index }) => {
          const { cookieValue } = await answering.exchange(token);
          await answering.submit(cookieValue, { submissionId: randomUUID(), answers: answersFor(gender, index) });
        }),
      );
    }
  }, 240_000);

  afterAll(async () => {
    await module?.close();
    await db?.drop();
  });

  it('refuses results while the campaign is open, and does not aggregate it (attack test 1)', async () => {
    await expect(results.results(hr, campaignId)).rejects.toMatchObject({ code: 'aggregation.results-locked' });
    await expect(results.table(hr, campaignId, { table: 'gender' })).rejects.toMatchObject({ code: 'aggregation.results-locked' });
    await expect(aggregation.aggregate(campaignId, 1)).rejects.toMatchObject({ code: 'aggregation.results-locked' });
  });

  describe('after close', () => {
    let snapshot: SurveySnapshot;

    beforeAll(async () => {
      await module.get(CampaignService).close(hr, campaignId);
      await module.get(AnsweringService).finalize(campaignId);
      await aggregation.aggregate(campaignId, 1);
      snapshot = JSON.parse((await results.results(hr, campaignId)).content);
    }, 240_000);

    it('publishes means equal to an independent computation from the stored responses', async () => {
      const national = await owner.query(
        `SELECT q.name, count(v)::int AS n, round(avg(v), 4)::float8 AS mean
         FROM responses.response r CROSS JOIN unnest($2::text[]) q(name) CROSS JOIN LATERAL (SELECT (r.answers ->> q.name)::numeric AS v) a
         WHERE r.campaign_id = $1 GROUP BY q.name`,
        [campaignId, scaleQuestions.map((q) => q.name)],
      );
      const byGender = await owner.query(
        `SELECT r.gender, q.name, count(v)::int AS n, round(avg(v), 4)::float8 AS mean
         FROM responses.response r CROSS JOIN unnest($2::text[]) q(name) CROSS JOIN LATERAL (SELECT (r.answers ->> q.name)::numeric AS v) a
         WHERE r.campaign_id = $1 AND r.gender IS NOT NULL GROUP BY r.gender, q.name`,
        [campaignId, scaleQuestions.map((q) => q.name)],
      );
      let compared = 0;
      for (const question of snapshot.questions) {
        for (const cell of question.cells.filter((c) => c.tableId === 'national' || c.tableId === 'gender')) {
          if (cell.value === null) continue;
          const expected =
            cell.tableId === 'national'
              ? national.find((r: { name: string }) => r.name === question.name)
              : byGender.find((r: { name: string; gender: string }) => r.name === question.name && r.gender === cell.assignment.gender);
          expect({ n: cell.value.n, mean: cell.value.mean }).toEqual({ n: expected.n, mean: expected.mean });
          compared += 1;
        }
      }
      expect(compared).toBeGreaterThanOrEqual(scaleQuestions.length);
    });

    it('counts every response once: national respondents equal the response store', async () => {
      const [{ n }] = await owner.query(`SELECT count(*)::int AS n FROM responses.response WHERE campaign_id = $1`, [campaignId]);
      const national = snapshot.respondents.find((c) => c.key === 'national')!;
      expect(national.value).toMatchObject({ respondents: n });
      expect(snapshot.summary.publishedCells).toBeGreaterThan(0);
    });

    it('never publishes an undisclosed category', () => {
      expect(JSON.stringify({ ...snapshot, suppressed: undefined })).not.toContain('undisclosed');
      for (const variable of snapshot.catalogue.variables) expect(variable.categories).not.toContain('undisclosed');
    });

    it('finds the built-in gender difference significant after Benjamini–Hochberg', () => {
      expect(snapshot.genderGaps.gaps.some((g) => g.within === 'national' && g.significant && g.gap.difference > 0)).toBe(true);
    });

    it('serves the same bytes twice, re-runs to identical bytes, and never rewrites a release', async () => {
      const first = await results.results(hr, campaignId);
      expect((await results.results(hr, campaignId)).content).toBe(first.content);
      await expect(aggregation.aggregate(campaignId, 1)).resolves.toEqual({ sha256: first.sha256, created: false });
      await expect(aggregation.verify(campaignId, 1)).resolves.toMatchObject({ identical: true });
      await expect(owner.query(`UPDATE aggregation.snapshot SET content = '{}' WHERE campaign_id = $1`, [campaignId])).rejects.toThrow(/immutable/);
      await expect(owner.query(`DELETE FROM aggregation.snapshot WHERE campaign_id = $1`, [campaignId])).rejects.toThrow(/immutable/);
    });

    it('answers catalogue tables and refuses filters and negations (attack test 2)', async () => {
      const table = await results.table(hr, campaignId, { table: 'gender.region', cell: 'gender=f|region=almaty' });
      expect(table.respondents.map((c) => c.key)).toEqual(['gender=f|region=almaty']);
      await expect(results.table(hr, campaignId, { table: 'gender.age-band.region' })).rejects.toMatchObject({ code: 'aggregation.table-not-in-catalogue' });
      await expect(results.table(hr, campaignId, { table: 'region', court: 'x' })).rejects.toMatchObject({ code: 'aggregation.filter-not-allowed' });
      await expect(results.table(hr, campaignId, { table: 'region', cell: 'region!=abai' })).rejects.toMatchObject({ code: 'aggregation.negation-not-allowed' });
      await expect(results.table(hr, campaignId, { table: 'region', except: 'abai' })).rejects.toMatchObject({ code: 'aggregation.negation-not-allowed' });
      await expect(results.table(hr, campaignId, { table: 'region', cell: 'region=undisclosed' })).rejects.toMatchObject({ code: 'aggregation.filter-not-allowed' });
    });

    it('keeps every suppression of release 1 in release 2', async () => {
      await results.requestRelease(hr, campaignId);
      await aggregation.aggregate(campaignId, 2);
      const second = JSON.parse((await results.results(hr, campaignId)).content) as SurveySnapshot;
      expect(second.campaign.release).toBe(2);
      expect(second.suppressed.counts).toEqual(expect.arrayContaining([...snapshot.suppressed.counts]));
      for (const [name, keys] of Object.entries(snapshot.suppressed.questions)) expect(second.suppressed.questions[name]).toEqual(expect.arrayContaining([...keys]));
      expect((await results.status(hr, campaignId)).releases.map((r) => r.release)).toEqual([1, 2]);
    });

    it('publishes only a campaign with results, once', async () => {
      await expect(results.publish(hr, campaignId)).resolves.toMatchObject({ status: 'published' });
      await expect(results.publish(hr, campaignId)).rejects.toMatchObject({ code: 'campaigns.wrong-status' });
    });

    it('names both formats when verifying a release stored in an earlier one, instead of calling it altered', async () => {
      // Release 3 as format 1 would have stored it: release 2's bytes without the choice questions.
      const { content } = (await aggregation.stored(campaignId, 2))!;
      const { choices: _choices, suppressed, ...rest } = JSON.parse(content) as SurveySnapshot;
      const { choices: _suppressedChoices, ...oldSuppressed } = suppressed;
      const formatOne = JSON.stringify({ ...rest, format: 'jqc-survey-snapshot/1', campaign: { ...rest.campaign, release: 3 }, suppressed: oldSuppressed });
      await owner.query(`INSERT INTO aggregation.snapshot (campaign_id, release, content, sha256) VALUES ($1, 3, $2, encode(sha256(convert_to($2, 'UTF8')), 'hex'))`, [campaignId, formatOne]);
      await expect(aggregation.verify(campaignId, 3)).resolves.toMatchObject({ identical: false, formats: { stored: 'jqc-survey-snapshot/1', recomputed: 'jqc-survey-snapshot/2' } });
      await expect(aggregation.verify(campaignId, 2)).resolves.toEqual(expect.not.objectContaining({ formats: expect.anything() }));
    });
  });
});

/** A peer-review round answered through the answering service: per-judge results only where the rules allow. */
describe('protected aggregation of a peer-review round', () => {
  let db: TestDatabase;
  let module: TestingModule;
  let owner: DataSource;
  let campaignId: string;
  const commission = { userId: randomUUID(), login: 'commission', role: Role.Commission };

  beforeAll(async () => {
    db = await createTestDatabase();
    module = await createIntegrationModule(db, { imports: [MailModule, RegistryModule, InstrumentsModule, CampaignsModule, ResponsesModule, AggregationModule] });
    owner = await db.owner();
    await module.get(RegisterImportService).loadSynthetic({ seed: 9, scale: 0.3, referenceDate: '2026-11-01' });
    const instruments = module.get(InstrumentService);
    await instruments.seedBuiltins();
    const version = (await instruments.list()).find((i) => i.kind === 'peer-review')!.latestVersion!;
    const ratings = reportingSchema((await instruments.versionById(version.id)).definition).filter((q) => q.answerKind === 'scale');
    const campaigns = module.get(CampaignService);
    const campaign = await campaigns.create(commission, 'peer-review', {
      title: { kk: 'П', ru: 'П', en: 'P' },
      instrumentVersionId: version.id,
      deadline: new Date(Date.now() + 5 * 24 * 3600_000),
      population: { courtLevels: ['district'] },
    });
    await campaigns.launch(commission, campaign.id);
    campaignId = campaign.id;

    const answering = module.get(AnsweringService);
    const reviewers: { id: string; reviewees: string[] }[] = await owner.query(
      `SELECT reviewer_participant_id AS id, array_agg(reviewee_judge_id::text ORDER BY reviewee_judge_id) AS reviewees
       FROM campaigns.peer_assignment WHERE campaign_id = $1 GROUP BY reviewer_participant_id ORDER BY reviewer_participant_id`,
      [campaignId],
    );
    for (const [index, reviewer] of reviewers.entries()) {
      if (index % 10 === 9) continue;
      const token = newInvitationToken();
      await owner.query(`INSERT INTO campaigns.invitation_token (token_hmac, participant_id, expires_at) VALUES ($1, $2, now() + interval '1 day')`, [
        invitationTokenHmac(db.config.TOKEN_HMAC_SECRET, token),
        reviewer.id,
      ]);
      const { cookieValue } = await answering.exchange(token);
      const reviews = reviewer.reviewees.map((key, k) => ({ key, answers: Object.fromEntries(ratings.map((q, j) => [q.name, 1 + ((index + k * 2 + j) % 5)])) }));
      await answering.submit(cookieValue, { submissionId: randomUUID(), reviews });
    }
    await campaigns.close(commission, campaignId);
    await answering.finalize(campaignId);
    await module.get(AggregationService).aggregate(campaignId, 1);
  }, 240_000);

  afterAll(async () => {
    await module?.close();
    await db?.drop();
  });

  it('shows a judge results only with at least the peer threshold of reviewers', async () => {
    const [{ content }] = await owner.query(`SELECT content FROM aggregation.snapshot WHERE campaign_id = $1 AND release = 1`, [campaignId]);
    const snapshot = JSON.parse(content) as PeerReviewSnapshot;
    const counts: { judge: string; n: number }[] = await owner.query(
      `SELECT reviewee_judge_id AS judge, count(*)::int AS n FROM responses.response WHERE campaign_id = $1 GROUP BY reviewee_judge_id`,
      [campaignId],
    );
    expect(snapshot.summary.judgesWithResults).toBeGreaterThan(0);
    for (const judge of snapshot.judges) {
      const reviews = counts.find((c) => c.judge === judge.judgeId)?.n ?? 0;
      for (const competency of judge.competencies) {
        if (competency.n !== null) expect(competency.n).toBeGreaterThanOrEqual(5);
        if (competency.n !== null) expect(competency.n).toBeLessThanOrEqual(reviews);
        if (competency.distribution) expect(competency.distribution.reduce((s, p) => s + p.count, 0)).toBe(competency.n);
      }
    }
  });

  it('publishes the national rater-gender × judge-gender diagnostic from a tally, never from a stored reviewer attribute', async () => {
    const [{ content }] = await owner.query(`SELECT content FROM aggregation.snapshot WHERE campaign_id = $1 AND release = 1`, [campaignId]);
    const { raterDiagnostic } = JSON.parse(content) as PeerReviewSnapshot;
    const [{ n }] = await owner.query(`SELECT count(*)::int AS n FROM responses.response WHERE campaign_id = $1`, [campaignId]);
    expect(raterDiagnostic.reviews.find((c) => c.key === 'national')!.value).toMatchObject({ respondents: n });
    expect(raterDiagnostic.reviews.map((c) => c.key)).toContain('rater-gender=m|judge-gender=f');
    expect(raterDiagnostic.competencies.length).toBeGreaterThan(0);
    const columns: { column_name: string }[] = await owner.query(`SELECT column_name FROM information_schema.columns WHERE table_schema = 'responses' AND table_name = 'response'`);
    expect(columns.map((c) => c.column_name)).not.toContain('rater_gender');
    const [{ buffered }] = await owner.query(`SELECT count(*)::int AS buffered FROM responses.mix_buffer WHERE campaign_id = $1`, [campaignId]);
    expect(buffered).toBe(0);
  });

  it('gives the Commission the round summary without any judge’s results', async () => {
    const document = await module.get(ResultsService).results(commission, campaignId);
    const summary = JSON.parse(document.content);
    expect(summary.judges).toBeUndefined();
    expect(summary.summary.judgesWithResults).toBeGreaterThan(0);
  });
});
