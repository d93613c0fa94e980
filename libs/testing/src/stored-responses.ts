import { DataSource } from 'typeorm';
import { attributesKey, coarsenPopulation, coarseningGroupSize, ReportingAttributes } from '@app/responses';

/** Rows per statement: quick, and small enough for a population 100× national size. */
const BATCH = 10_000;

interface ParticipantRow {
  id: string;
  gender: string;
  age_band: string;
  experience_band: string;
  court_level: string | null;
  region_code: string;
}

function attributesOf(p: ParticipantRow): ReportingAttributes {
  return { gender: p.gender, ageBand: p.age_band, experienceBand: p.experience_band, courtLevel: p.court_level, regionCode: p.region_code };
}

/**
 * Stores answers of an open campaign's participants straight in the response store, with the
 * coarsened attributes answering would store, and marks them as answered: for tests and
 * benchmarks that need thousands of responses, not the HTTP path. `answersOf` is called for
 * each participant in turn, in attribute order (so a seeded generator gives the same rows on
 * every run), and returns null for one who does not answer.
 */
export async function storeResponses(
  owner: DataSource,
  campaignId: string,
  answersOf: (participant: ReportingAttributes, index: number) => Record<string, unknown> | null,
): Promise<{ invited: number; respondents: number }> {
  const [{ count }] = await owner.query(`SELECT (thresholds ->> 'count')::int AS count FROM campaigns.campaign WHERE id = $1`, [campaignId]);
  const participants: ParticipantRow[] = await owner.query(
    `SELECT id, gender, age_band, experience_band, court_level, region_code FROM campaigns.participant WHERE campaign_id = $1
     ORDER BY gender, region_code, age_band, experience_band, court_level NULLS FIRST`,
    [campaignId],
  );
  const stored = coarsenPopulation(participants.map(attributesOf), coarseningGroupSize(count));
  let respondents = 0;
  for (let start = 0; start < participants.length; start += BATCH) {
    const rows = participants.slice(start, start + BATCH).flatMap((p, i) => {
      const answers = answersOf(attributesOf(p), start + i);
      return answers ? [{ id: p.id, answers, ...stored.get(attributesKey(attributesOf(p)))! }] : [];
    });
    await owner.query(
      `INSERT INTO responses.response (campaign_id, answers, gender, age_band, experience_band, court_level, region_code)
       SELECT $1, * FROM unnest($2::jsonb[], $3::text[], $4::text[], $5::text[], $6::text[], $7::text[])`,
      [
        campaignId,
        rows.map((r) => JSON.stringify(r.answers)),
        rows.map((r) => r.gender),
        rows.map((r) => r.ageBand),
        rows.map((r) => r.experienceBand),
        rows.map((r) => r.courtLevel),
        rows.map((r) => r.regionCode),
      ],
    );
    await owner.query(`UPDATE campaigns.participant SET responded = true WHERE id = ANY($1::uuid[])`, [rows.map((r) => r.id)]);
    respondents += rows.length;
  }
  await owner.query(`ANALYZE responses.response`);
  return { invited: participants.length, respondents };
}

/**
 * Stores a launched peer-review round's reviews straight in the response store: one review per assignment that
 * `answer` answers (null: not reviewed), as answering stores them (no reviewer attribute).
 */
export async function storePeerReviews(
  owner: DataSource,
  campaignId: string,
  answer: (revieweeJudgeId: string, index: number) => Record<string, number> | null,
): Promise<{ reviews: number }> {
  const assignments: { reviewer: string; reviewee: string }[] = await owner.query(
    `SELECT reviewer_participant_id AS reviewer, reviewee_judge_id AS reviewee FROM campaigns.peer_assignment WHERE campaign_id = $1 ORDER BY reviewee_judge_id, reviewer_participant_id`,
    [campaignId],
  );
  const rows = assignments.flatMap((a, index) => {
    const answers = answer(a.reviewee, index);
    return answers ? [{ ...a, answers }] : [];
  });
  await owner.query(
    `INSERT INTO responses.response (campaign_id, answers, reviewee_judge_id) SELECT $1, * FROM unnest($2::jsonb[], $3::uuid[])`,
    [campaignId, rows.map((r) => JSON.stringify(r.answers)), rows.map((r) => r.reviewee)],
  );
  await owner.query(`UPDATE campaigns.participant SET responded = true WHERE id = ANY($1::uuid[])`, [[...new Set(rows.map((r) => r.reviewer))]]);
  return { reviews: rows.length };
}
