import { createTestDatabase, TestDatabase } from '@app/testing';
import { MIGRATIONS } from '../../../migrations';
import { pendingSchemaChanges, withOwnerDataSource } from './owner-data-source';

describe('entities and migrations', () => {
  let db: TestDatabase;

  beforeAll(async () => {
    db = await createTestDatabase();
  });

  afterAll(async () => {
    await db?.drop();
  });

  it('cover the tables of both sides, evaluation and discipline', async () => {
    const tables = await withOwnerDataSource(db.config, async (owner) => owner.entityMetadatas.map((metadata) => metadata.tablePath));
    expect(tables).toEqual(expect.arrayContaining(['auth.user', 'auth.audit_log', 'discipline.proceeding', 'discipline.proceeding_history']));
  });

  it('agree: the migrated schema needs no further change for the entities', async () => {
    const { up } = await withOwnerDataSource(db.config, pendingSchemaChanges);
    expect(up).toEqual([]);
  });

  it('can be reverted to an empty database and applied again', async () => {
    await withOwnerDataSource(db.config, async (owner) => {
      for (let left = MIGRATIONS.length; left > 0; left--) await owner.undoLastMigration({ transaction: 'each' });
      const [{ n }] = await owner.query(`SELECT count(*)::int AS n FROM information_schema.schemata WHERE schema_name IN ('auth', 'discipline')`);
      expect(n).toBe(0);
      await owner.runMigrations({ transaction: 'each' });
      expect(await pendingSchemaChanges(owner)).toEqual({ up: [], down: [] });
    });
  });
});
