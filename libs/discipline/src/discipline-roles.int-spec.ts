import { Client } from 'pg';
import { DataSource } from 'typeorm';
import { DISCIPLINE_SCHEMA, EVALUATION_SCHEMAS } from '@app/core';
import { createTestDatabase, TestDatabase } from '@app/testing';

/**
 * The two sides never see each other's data (ANONYMITY.md I), checked by connecting as each
 * application role: the evaluation role cannot read the disciplinary schema, and the
 * disciplinary role cannot read accounts, survey, response, aggregation or report data.
 */
describe('disciplinary schema isolation', () => {
  let db: TestDatabase;
  let owner: DataSource;
  let evaluation: Client;
  let discipline: Client;

  const INSUFFICIENT_PRIVILEGE = '42501';

  beforeAll(async () => {
    db = await createTestDatabase();
    owner = await db.owner();
    evaluation = new Client({ connectionString: db.config.DATABASE_EVALUATION_URL });
    discipline = new Client({ connectionString: db.config.DATABASE_DISCIPLINE_URL });
    await Promise.all([evaluation.connect(), discipline.connect()]);
    await owner.query(`
      INSERT INTO discipline.proceeding (id, judge_id, source, grounds, region_code, court_level, initiated_on, stage_since)
      VALUES ('3f2b8c1e-9d4a-4e6b-8f7c-2a1b0c9d8e7f', gen_random_uuid(), 'complaint', ARRAY['law-or-ethics-breach'], 'astana', 'district', '2025-01-10', '2025-01-10')`);
  });

  afterAll(async () => {
    await Promise.all([evaluation?.end(), discipline?.end()]);
    await db?.drop();
  });

  async function sqlState(client: Client, sql: string): Promise<string | null> {
    await client.query('BEGIN');
    try {
      await client.query(sql);
      return null;
    } catch (error) {
      return (error as { code: string }).code;
    } finally {
      await client.query('ROLLBACK');
    }
  }

  /** Every table, view and sequence of the given schemas, as the owner sees them. */
  async function relationsOf(schemas: readonly string[]): Promise<string[]> {
    const rows: { name: string }[] = await owner.query(
      `SELECT format('%I.%I', n.nspname, c.relname) AS name
         FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
        WHERE n.nspname = ANY($1) AND c.relkind IN ('r', 'p', 'v', 'm', 'f', 'S')
        ORDER BY 1`,
      [schemas],
    );
    return rows.map((row) => row.name);
  }

  describe('connected as the evaluation role', () => {
    it('cannot read, write or even look up the disciplinary schema', async () => {
      const tables = await relationsOf([DISCIPLINE_SCHEMA]);
      expect(tables).toEqual(expect.arrayContaining(['discipline.proceeding', 'discipline.proceeding_history']));
      for (const table of tables) {
        expect({ table, state: await sqlState(evaluation, `SELECT * FROM ${table}`) }).toEqual({ table, state: INSUFFICIENT_PRIVILEGE });
      }
      expect(
        await sqlState(
          evaluation,
          `INSERT INTO discipline.proceeding (judge_id, source, grounds, region_code, court_level, initiated_on, stage_since)
           VALUES (gen_random_uuid(), 'complaint', ARRAY['law-or-ethics-breach'], 'astana', 'district', '2025-01-10', '2025-01-10')`,
        ),
      ).toBe(INSUFFICIENT_PRIVILEGE);
      expect(await sqlState(evaluation, 'CREATE TABLE discipline.intruder (id int)')).toBe(INSUFFICIENT_PRIVILEGE);
      const [{ usage }] = (await evaluation.query(`SELECT has_schema_privilege(current_user, $1, 'USAGE') AS usage`, [DISCIPLINE_SCHEMA])).rows;
      expect(usage).toBe(false);
    });

    it('still reads its own accounts table (the refusals above are about the schema, not the connection)', async () => {
      expect(await sqlState(evaluation, 'SELECT count(*) FROM auth."user"')).toBeNull();
    });
  });

  describe('connected as the disciplinary role', () => {
    it('cannot read auth."user" nor any other table of any evaluation schema', async () => {
      const tables = await relationsOf(EVALUATION_SCHEMAS);
      expect(tables).toEqual(expect.arrayContaining(['auth."user"', 'auth.session', 'auth.audit_log']));
      for (const table of tables) {
        expect({ table, state: await sqlState(discipline, `SELECT * FROM ${table}`) }).toEqual({ table, state: INSUFFICIENT_PRIVILEGE });
      }
    });

    it('has no privilege on any evaluation schema, including the survey, response, aggregation and report ones that are still empty', async () => {
      const { rows } = await discipline.query(
        `SELECT s AS schema, has_schema_privilege(current_user, s, 'USAGE') AS usage, has_schema_privilege(current_user, s, 'CREATE') AS "create"
           FROM unnest($1::text[]) AS s`,
        [EVALUATION_SCHEMAS],
      );
      expect(rows).toEqual(EVALUATION_SCHEMAS.map((schema) => ({ schema, usage: false, create: false })));
    });

    it('reads and writes its own proceedings, but cannot delete them, rewrite their history or create anything', async () => {
      expect(await sqlState(discipline, 'SELECT * FROM discipline.proceeding')).toBeNull();
      expect(await sqlState(discipline, `UPDATE discipline.proceeding SET summary = 'probe'`)).toBeNull();
      expect(
        await sqlState(
          discipline,
          `INSERT INTO discipline.proceeding_history (proceeding_id, sequence, event, stage, effective_on, actor_login)
           VALUES ('3f2b8c1e-9d4a-4e6b-8f7c-2a1b0c9d8e7f', 1, 'opened', 'initiated', '2025-01-10', 'probe')`,
        ),
      ).toBeNull();
      expect(await sqlState(discipline, 'DELETE FROM discipline.proceeding')).toBe(INSUFFICIENT_PRIVILEGE);
      expect(await sqlState(discipline, 'TRUNCATE discipline.proceeding_history')).toBe(INSUFFICIENT_PRIVILEGE);
      expect(await sqlState(discipline, `UPDATE discipline.proceeding_history SET note = 'rewritten'`)).toBe(INSUFFICIENT_PRIVILEGE);
      expect(await sqlState(discipline, 'DELETE FROM discipline.proceeding_history')).toBe(INSUFFICIENT_PRIVILEGE);
      expect(await sqlState(discipline, 'CREATE TABLE discipline.intruder (id int)')).toBe(INSUFFICIENT_PRIVILEGE);
    });
  });

  it('refuses, in the database itself, a decided proceeding without its sanction or closure ground', async () => {
    const violation = await sqlState(discipline, `UPDATE discipline.proceeding SET stage = 'decided', decision = 'sanction-imposed', decided_on = '2025-02-01'`);
    expect(violation).toBe('23514'); // check_violation: ck_proceeding_decided
  });
});
