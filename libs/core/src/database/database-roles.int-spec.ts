import { Client } from 'pg';
import { createTestDatabase, TestDatabase } from '@app/testing';

/** What each application role may do, checked by connecting as that role (ANONYMITY.md I). */
describe('database roles', () => {
  let db: TestDatabase;
  let evaluation: Client;
  let discipline: Client;

  beforeAll(async () => {
    db = await createTestDatabase();
    evaluation = new Client({ connectionString: db.config.DATABASE_EVALUATION_URL });
    discipline = new Client({ connectionString: db.config.DATABASE_DISCIPLINE_URL });
    await Promise.all([evaluation.connect(), discipline.connect()]);
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

  const INSUFFICIENT_PRIVILEGE = '42501';

  it('lets the evaluation role read and write the accounts tables', async () => {
    expect(await sqlState(evaluation, `SELECT count(*) FROM auth."user"`)).toBeNull();
    expect(
      await sqlState(evaluation, `INSERT INTO auth."user" (login, display_name, role, password_hash) VALUES ('probe', 'Probe', 'hr', 'x')`),
    ).toBeNull();
  });

  it.each([
    ['a table in its own schema', 'CREATE TABLE auth.intruder (id int)'],
    ['a table in public', 'CREATE TABLE public.intruder (id int)'],
    ['a schema', 'CREATE SCHEMA intruder'],
    ['a temporary table', 'CREATE TEMPORARY TABLE intruder (id int)'],
    ['a function in its own schema', 'CREATE FUNCTION auth.intruder() RETURNS int LANGUAGE sql AS $$ SELECT 1 $$'],
  ])('refuses the evaluation role creating %s', async (_what, sql) => {
    expect(await sqlState(evaluation, sql)).toBe(INSUFFICIENT_PRIVILEGE);
  });

  it('refuses the evaluation role reading the migrations bookkeeping outside its schemas', async () => {
    expect(await sqlState(evaluation, 'SELECT * FROM public.typeorm_migrations')).toBe(INSUFFICIENT_PRIVILEGE);
  });

  it('keeps the audit log append-only for the evaluation role', async () => {
    expect(
      await sqlState(evaluation, `INSERT INTO auth.audit_log (actor_login, action, target_type) VALUES ('probe', 'probe', 'probe')`),
    ).toBeNull();
    expect(await sqlState(evaluation, `UPDATE auth.audit_log SET action = 'rewritten'`)).toBe(INSUFFICIENT_PRIVILEGE);
    expect(await sqlState(evaluation, `DELETE FROM auth.audit_log`)).toBe(INSUFFICIENT_PRIVILEGE);
  });

  it('refuses the disciplinary role any evaluation schema', async () => {
    for (const table of ['auth."user"', 'auth.session', 'auth.audit_log']) {
      expect(await sqlState(discipline, `SELECT * FROM ${table}`)).toBe(INSUFFICIENT_PRIVILEGE);
    }
  });
});
