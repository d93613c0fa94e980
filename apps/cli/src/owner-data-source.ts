import { DataSource } from 'typeorm';
import { AppConfig, ownerDataSourceOptions } from '@app/core';
import { MIGRATIONS } from '../../../migrations';
import { SCHEMA_CHECKED_DISCIPLINE_ENTITIES } from './discipline/discipline-entities';
import { EVALUATION_ENTITIES } from './evaluation-entities';

/** Every entity of both sides: the owner migrates all schemas, so the agreement check covers all of them. */
export const OWNED_ENTITIES = [...EVALUATION_ENTITIES, ...SCHEMA_CHECKED_DISCIPLINE_ENTITIES];

/** A connection as the schema owner, for migrations and checks; closed by the caller. */
export async function withOwnerDataSource<T>(config: AppConfig, work: (db: DataSource) => Promise<T>): Promise<T> {
  const db = new DataSource(ownerDataSourceOptions(config, OWNED_ENTITIES, MIGRATIONS));
  await db.initialize();
  try {
    return await work(db);
  } finally {
    await db.destroy();
  }
}

/** SQL that would bring the database in line with the entities: empty when migrations and entities agree. */
export async function pendingSchemaChanges(db: DataSource): Promise<{ up: string[]; down: string[] }> {
  const sql = await db.driver.createSchemaBuilder().log();
  return { up: sql.upQueries.map((q) => q.query), down: sql.downQueries.map((q) => q.query) };
}
