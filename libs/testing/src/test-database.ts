import { createHash, randomBytes } from 'node:crypto';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { Redis } from 'ioredis';
import { DataSource } from 'typeorm';
import { AppConfig, grantDatabaseAccess, loadConfig, ownerDataSourceOptions, provisionDatabaseRoles } from '@app/core';
import { MIGRATIONS } from '../../../migrations';
import { baseTestEnv } from './test-environment';

/** Named after the migrations it holds, so checkouts with different migrations can share one server. */
function templateName(fingerprint: string): string {
  return `jqc_test_template_${fingerprint}`;
}
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

const INSUFFICIENT_PRIVILEGE = '42501';
const OBJECT_IN_USE = '55006';

/**
 * Drops a test database once its sessions are gone. A closed pool's backends linger for a
 * moment after the client hangs up, and the owner may not terminate the application roles'
 * backends (FORCE needs membership in their role), so a refusal is retried until they exit.
 */
export async function dropDatabase(admin: DataSource, name: string): Promise<void> {
  for (let attempt = 0; ; attempt++) {
    try {
      await admin.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
      return;
    } catch (error) {
      const code = (error as { driverError?: { code?: string } }).driverError?.code;
      if (attempt >= 80 || (code !== INSUFFICIENT_PRIVILEGE && code !== OBJECT_IN_USE)) throw error;
      await new Promise((resolve) => setTimeout(resolve, 250));
    }
  }
}

async function deleteRedisKeys(url: string, pattern: string): Promise<void> {
  const redis = new Redis(url, { lazyConnect: true });
  await redis.connect();
  try {
    for await (const keys of redis.scanStream({ match: pattern, count: 1000 })) if ((keys as string[]).length > 0) await redis.unlink(...(keys as string[]));
  } finally {
    redis.disconnect();
  }
}

/** Changes whenever a migration file changes, so a stale template is rebuilt. */
function migrationsFingerprint(): string {
  const hash = createHash('sha256');
  for (const file of readdirSync(MIGRATIONS_DIR).sort()) hash.update(file).update(readFileSync(join(MIGRATIONS_DIR, file)));
  return hash.digest('hex').slice(0, 16);
}

/**
 * Builds the migrated template database once per set of migrations; every test file then
 * clones it, which takes milliseconds instead of a full migration run. A template is
 * marked ready (IS_TEMPLATE) only when fully migrated; a half-built one is rebuilt.
 */
export async function ensureTemplateDatabase(): Promise<string> {
  const config = loadConfig(baseTestEnv());
  const template = templateName(migrationsFingerprint());
  const admin = withDatabase(config.DATABASE_URL, 'postgres');
  const ready = await withOwner(admin, async (db) => {
    const isTemplate = async () => (await db.query('SELECT datistemplate FROM pg_database WHERE datname = $1', [template]))[0]?.datistemplate;
    for (let waited = 0; waited < 120; waited++) {
      const state = await isTemplate();
      if (state === true) return true;
      if (state === undefined) {
        try {
          await db.query(`CREATE DATABASE ${template}`);
          return false;
        } catch (error) {
          if ((error as { driverError?: { code?: string } }).driverError?.code !== '42P04') throw error;
        }
      }
      // Another test run is building the same template right now.
      await new Promise((resolve) => setTimeout(resolve, 500));
    }
    throw new Error(`template ${template} was not ready after 60 s; drop it and retry`);
  });
  if (ready) return template;
  await withOwner(
    withDatabase(config.DATABASE_URL, template),
    async (db) => {
      await provisionDatabaseRoles(db, config);
      await db.runMigrations({ transaction: 'each' });
    },
    config,
  );
  await withOwner(admin, (db) => db.query(`ALTER DATABASE ${template} IS_TEMPLATE true`));
  return template;
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
  const template = templateName(migrationsFingerprint());
  await withOwner(withDatabase(baseConfig.DATABASE_URL, 'postgres'), (admin) => admin.query(`CREATE DATABASE ${name} TEMPLATE ${template}`));
  const env: NodeJS.ProcessEnv = {
    ...base,
    DATABASE_URL: withDatabase(baseConfig.DATABASE_URL, name),
    DATABASE_EVALUATION_URL: withDatabase(baseConfig.DATABASE_EVALUATION_URL, name),
    DATABASE_DISCIPLINE_URL: withDatabase(baseConfig.DATABASE_DISCIPLINE_URL, name),
    QUEUE_PREFIX: `test-${suffix}`,
    LOG_LEVEL: base.TEST_LOG_LEVEL ?? 'warn',
  };
  const config = loadConfig(env);
  // Database-level privileges are not copied from a template. Only those: re-provisioning
  // the cluster-wide roles from parallel test files would race on the same role rows.
  await withOwner(config.DATABASE_URL, (db) => grantDatabaseAccess(db, config), config);
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
    /** Drops the database and every Redis key under its prefix (queues, respondent sessions, rate-limit counters). */
    async drop() {
      try {
        await Promise.all(opened.map((db) => db.destroy()));
        await withOwner(withDatabase(baseConfig.DATABASE_URL, 'postgres'), (admin) => dropDatabase(admin, name));
      } finally {
        await deleteRedisKeys(config.REDIS_URL, `${config.QUEUE_PREFIX}:*`);
      }
    },
  };
}
