import { DataSource } from 'typeorm';
import { AppConfig, ownerDataSourceOptions } from '@app/core';
import { MIGRATIONS } from '../../../migrations';
import { EVALUATION_ENTITIES } from './evaluation-entities';

/** A connection as the schema owner, for migrations and checks; closed by the caller. */
export async function withOwnerDataSource<T>(config: AppConfig, work: (db: DataSource) => Promise<T>): Promise<T> {
  const db = new DataSource(ownerDataSourceOptions(config, EVALUATION_ENTITIES, MIGRATIONS));
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
