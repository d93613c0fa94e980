import { DataSource } from 'typeorm';
import { attributesKey, coarsenPopulation, coarseningGroupSize, ReportingAttributes } from '@app/responses';

export interface SurveyParticipant {
  id: string;
  gender: string;
  ageBand: string;
  experienceBand: string;
  courtLevel: string | null;
  regionCode: string;
}

/**
 * Fills a launched survey's response store directly, as answering would have left it at close:
 * attributes coarsened exactly as answering coarsens them, participants marked responded.
 * For tests and benchmarks that need thousands of answers without thousands of requests; the
 * HTTP path itself is tested in answering.e2e-spec.ts. Participants come in a deterministic
 * order (by attributes), `answer` returns null for someone who does not answer.
 */
export async function fillResponseStore(
  owner: DataSource,
  campaignId: string,
  answer: (participant: SurveyParticipant, index: number) => Record<string, unknown> | null,
): Promise<{ invited: number; answered: number }> {
  const participants: SurveyParticipant[] = (
    await owner.query(
      `SELECT id, gender, age_band, experience_band, court_level, region_code FROM campaigns.participant WHERE campaign_id = $1
       ORDER BY gender, region_code, age_band, experience_band, court_level NULLS FIRST, id`,
      [campaignId],
    )
  ).map((p: Record<string, string | null>) => ({
    id: p.id!,
    gender: p.gender!,
    ageBand: p.age_band!,
    experienceBand: p.experience_band!,
    courtLevel: p.court_level,
    regionCode: p.region_code!,
  }));
  const [{ thresholds }] = await owner.query(`SELECT thresholds FROM campaigns.campaign WHERE id = $1`, [campaignId]);
  const attributes = (p: SurveyParticipant): ReportingAttributes => ({ gender: p.gender, ageBand: p.ageBand, experienceBand: p.experienceBand, courtLevel: p.courtLevel, regionCode: p.regionCode });
  const stored = coarsenPopulation(participants.map(attributes), coarseningGroupSize(thresholds.count));
  const rows = participants.flatMap((p, index) => {
    const answers = answer(p, index);
    return answers ? [{ id: p.id, answers, ...stored.get(attributesKey(attributes(p)))! }] : [];
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
  return { invited: participants.length, answered: rows.length };
}

/**
 * Fills a launched peer-review round's response store directly: one review per assignment that
 * `answer` answers (null: not reviewed), as answering stores them (no reviewer attribute).
 */
export async function fillPeerReviews(
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

/** Share of answers on each point of a 1–5 scale: mostly favourable, as staff surveys tend to be. */
const LIKERT_WEIGHTS = [0.06, 0.14, 0.3, 0.32, 0.18];

/**
 * A deterministic, realistic-looking answer on a 1–5 scale for respondent `person` and item
 * `item`: independent across items (so dimension scores vary). `shift` moves the whole
 * distribution up or down, roughly by that many scale points on average (for example +0.4 for
 * one gender).
 */
export function likertAnswer(person: number, item: number, shift = 0): number {
  let hash = (Math.imul(person + 1, 0x9e3779b1) ^ Math.imul(item + 1, 0x85ebca77)) >>> 0;
  hash = Math.imul(hash ^ (hash >>> 15), 0x2c1b3c6d) >>> 0;
  // Shifting the quantile moves the mean by about `shift` points near the middle of the scale.
  const u = Math.min(0.999999, Math.max(0, (hash ^ (hash >>> 13)) / 2 ** 32 + shift * 0.3));
  let cumulative = 0;
  return LIKERT_WEIGHTS.findIndex((w) => (cumulative += w) > u) + 1 || 5;
}
