/** Anything that runs SQL and returns rows: a TypeORM DataSource, or a wrapped pg Client. */
export interface RowSource {
  query(sql: string): Promise<unknown>;
}

/**
 * Every table's row count and a digest of its rows, keyed `schema.table`: any write shows.
 * One statement, so a concurrent write cannot fall between two tables.
 */
export async function tableDigests(db: RowSource): Promise<Record<string, string>> {
  const tables = (await db.query(
    `SELECT format('%I.%I', schemaname, tablename) AS name FROM pg_tables WHERE schemaname NOT IN ('pg_catalog', 'information_schema') ORDER BY 1`,
  )) as { name: string }[];
  const parts = tables.map(({ name }) => `SELECT '${name}' AS name, count(*) || ':' || md5(coalesce(string_agg(t::text, '|' ORDER BY t::text), '')) AS digest FROM ${name} t`);
  const rows = (await db.query(parts.join(' UNION ALL '))) as { name: string; digest: string }[];
  return Object.fromEntries(rows.map((row) => [row.name, row.digest]).sort(([a], [b]) => a.localeCompare(b)));
}
