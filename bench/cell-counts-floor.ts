import { DataSource } from 'typeorm';

/**
 * The floor aggregation is stated against (PRODUCT.md 5): ONE Postgres query computing the
 * catalogue's cell counts per question and answer value over the campaign's stored rows:
 * national, each breakdown, and gender × each other breakdown. No statistics, suppression or
 * audit: the least any aggregation of these rows must do.
 */
export async function cellCountsFloor(db: DataSource, campaignId: string, questions: readonly string[]): Promise<number> {
  const rows = await db.query(
    `SELECT r.gender, r.age_band, r.experience_band, r.court_level, r.region_code, q.name, r.answers ->> q.name AS value, count(*)::int AS n
     FROM responses.response r CROSS JOIN unnest($2::text[]) AS q(name)
     WHERE r.campaign_id = $1
     GROUP BY GROUPING SETS (
       (q.name, value),
       (q.name, value, r.gender), (q.name, value, r.age_band), (q.name, value, r.experience_band), (q.name, value, r.court_level), (q.name, value, r.region_code),
       (q.name, value, r.gender, r.age_band), (q.name, value, r.gender, r.experience_band), (q.name, value, r.gender, r.court_level), (q.name, value, r.gender, r.region_code))`,
    [campaignId, questions],
  );
  return rows.length;
}
