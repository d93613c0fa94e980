import { execFile } from 'node:child_process';
import { mkdtemp, rm, stat } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { Client } from 'pg';
import { DataSource } from 'typeorm';
import { RegisterImportService, RegistryModule } from '@app/registry';
import { createIntegrationModule, createTestDatabase, dropDatabase, tableDigests, TestDatabase } from '@app/testing';

const run = promisify(execFile);
const SCRIPTS = join(__dirname, '..', '..', '..', 'scripts');

/** Every table's row count and a digest of its rows, in the database at `url`. */
async function contents(url: string): Promise<Record<string, string>> {
  const client = new Client({ connectionString: url });
  await client.connect();
  try {
    return await tableDigests({ query: async (sql) => (await client.query(sql)).rows });
  } finally {
    await client.end();
  }
}

/** scripts/backup.sh and scripts/restore.sh against real PostgreSQL: everything comes back, nothing is merged. */
describe('backup and restore', () => {
  let db: TestDatabase;
  let owner: DataSource;
  let dir: string;
  let restoredUrl: string;
  const restoredName = () => new URL(restoredUrl).pathname.slice(1);

  beforeAll(async () => {
    db = await createTestDatabase();
    const module = await createIntegrationModule(db, { imports: [RegistryModule] });
    await module.get(RegisterImportService).loadSynthetic({ seed: 2, scale: 0.02, referenceDate: '2026-11-01' });
    await module.close();
    owner = await db.owner();
    dir = await mkdtemp(join(tmpdir(), 'jqc-backup-'));
    const url = new URL(db.env.DATABASE_URL!);
    url.pathname = `/${db.name}_restored`;
    restoredUrl = url.toString();
    await owner.query(`CREATE DATABASE ${restoredName()}`);
  }, 120_000);

  afterAll(async () => {
    if (owner) await dropDatabase(owner, restoredName());
    await db?.drop();
    if (dir) await rm(dir, { recursive: true, force: true });
  });

  it('restores every row of every schema into an empty database, and refuses a database that has data', async () => {
    const file = join(dir, 'jqc.dump');
    await run('bash', [join(SCRIPTS, 'backup.sh'), file], { env: { ...process.env, DATABASE_URL: db.env.DATABASE_URL } });
    expect((await stat(file)).mode & 0o077).toBe(0);

    await run('bash', [join(SCRIPTS, 'restore.sh'), file], { env: { ...process.env, DATABASE_URL: restoredUrl } });
    const original = await contents(db.env.DATABASE_URL!);
    expect(Number(original['registry.judge'].split(':')[0])).toBeGreaterThan(0);
    expect(await contents(restoredUrl)).toEqual(original);

    await expect(run('bash', [join(SCRIPTS, 'restore.sh'), file], { env: { ...process.env, DATABASE_URL: restoredUrl } })).rejects.toMatchObject({
      stderr: expect.stringContaining('restore into an empty database'),
    });
  });
});
