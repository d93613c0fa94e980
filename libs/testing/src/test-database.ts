import { createHash, randomBytes } from 'node:crypto';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { DataSource } from 'typeorm';
import { AppConfig, loadConfig, ownerDataSourceOptions, provisionDatabaseRoles } from '@app/core';
import { MIGRATIONS } from '../../../migrations';
import { baseTestEnv } from './test-environment';

export const TEMPLATE_DATABASE = 'jqc_test_template';
const MIGRATIONS_DIR = join(__dirname, '..', '..', '..', 'migrations');

function withDatabase(url: string, database: string): string {
  const parsed = new URL(url);
  parsed.pathname = `/${database}`;
  return parsed.toString();
}

async function withOwner<T>(url: string, work: (db: DataSource) => Promise<T>, config?: AppConfig): Promise<T> {
  const db = new DataSource({ ...ownerDataSourceOptions(config ?? loadConfig(baseTestEnv()), [], MIGRATIONS), url });
  await db.initialize();
  try {
    return await work(db);
  } finally {
    await db.destroy();
  }
}

/** Changes whenever a migration file changes, so a stale template is rebuilt. */
function migrationsFingerprint(): string {
  const hash = createHash('sha256');
  for (const file of readdirSync(MIGRATIONS_DIR).sort()) hash.update(file).update(readFileSync(join(MIGRATIONS_DIR, file)));
  return hash.digest('hex').slice(0, 16);
}

/**
 * Builds the migrated template database once per change of the migrations; every test
 * file then clones it, which takes milliseconds instead of a full migration run.
 */
export async function ensureTemplateDatabase(): Promise<void> {
  const env = baseTestEnv();
  const config = loadConfig(env);
  const fingerprint = migrationsFingerprint();
  const rebuilt = await withOwner(withDatabase(config.DATABASE_URL, 'postgres'), async (admin) => {
    const [current] = await admin.query(
      `SELECT shobj_description(oid, 'pg_database') AS fingerprint FROM pg_database WHERE datname = $1`,
      [TEMPLATE_DATABASE],
    );
    if (current?.fingerprint === fingerprint) return false;
    if (current) {
      await admin.query(`ALTER DATABASE ${TEMPLATE_DATABASE} IS_TEMPLATE false`);
      await admin.query(`DROP DATABASE ${TEMPLATE_DATABASE} WITH (FORCE)`);
    }
    await admin.query(`CREATE DATABASE ${TEMPLATE_DATABASE}`);
    return true;
  });
  if (!rebuilt) return;
  const templateUrl = withDatabase(config.DATABASE_URL, TEMPLATE_DATABASE);
  await withOwner(
    templateUrl,
    async (db) => {
      await provisionDatabaseRoles(db, config);
      await db.runMigrations({ transaction: 'each' });
    },
    config,
  );
  await withOwner(withDatabase(config.DATABASE_URL, 'postgres'), async (admin) => {
    await admin.query(`COMMENT ON DATABASE ${TEMPLATE_DATABASE} IS '${fingerprint}'`);
    await admin.query(`ALTER DATABASE ${TEMPLATE_DATABASE} IS_TEMPLATE true`);
  });
}

export interface TestDatabase {
  name: string;
  /** The environment of an app connected to this database, with its own queue prefix. */
  env: NodeJS.ProcessEnv;
  config: AppConfig;
  /** A connection as the schema owner, for arranging and inspecting test data. */
  owner(): Promise<DataSource>;
  drop(): Promise<void>;
}

/** A fresh, migrated database for one test file, cloned from the template. */
export async function createTestDatabase(): Promise<TestDatabase> {
  const base = baseTestEnv();
  const baseConfig = loadConfig(base);
  const suffix = randomBytes(5).toString('hex');
  const name = `jqc_test_${suffix}`;
  await withOwner(withDatabase(baseConfig.DATABASE_URL, 'postgres'), (admin) =>
    admin.query(`CREATE DATABASE ${name} TEMPLATE ${TEMPLATE_DATABASE}`),
  );
  const env: NodeJS.ProcessEnv = {
    ...base,
    DATABASE_URL: withDatabase(baseConfig.DATABASE_URL, name),
    DATABASE_EVALUATION_URL: withDatabase(baseConfig.DATABASE_EVALUATION_URL, name),
    DATABASE_DISCIPLINE_URL: withDatabase(baseConfig.DATABASE_DISCIPLINE_URL, name),
    QUEUE_PREFIX: `test-${suffix}`,
    LOG_LEVEL: base.TEST_LOG_LEVEL ?? 'warn',
  };
  const config = loadConfig(env);
  // Database-level privileges are not copied from a template.
  await withOwner(config.DATABASE_URL, (db) => provisionDatabaseRoles(db, config), config);
  const opened: DataSource[] = [];
  return {
    name,
    env,
    config,
    async owner() {
      const db = new DataSource({ ...ownerDataSourceOptions(config, [], MIGRATIONS) });
      await db.initialize();
      opened.push(db);
      return db;
    },
    async drop() {
      await Promise.all(opened.map((db) => db.destroy()));
      await withOwner(withDatabase(baseConfig.DATABASE_URL, 'postgres'), (admin) => admin.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`));
    },
  };
}
