import { DataSource } from 'typeorm';

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
