import { TestingModule } from '@nestjs/testing';
import { Client } from 'pg';
import { DataSource } from 'typeorm';
import { Role } from '@app/auth';
import { createIntegrationModule, createTestDatabase, TestDatabase } from '@app/testing';
import { BUILTIN_INSTRUMENTS } from './builtin-instruments';
import small from './fixtures/small-definition.json';
import { InstrumentKind } from './instrument-kind';
import { InstrumentService } from './instrument.service';
import { InstrumentsErrorCode } from './instruments.errors';
import { InstrumentsModule } from './instruments.module';

describe('instruments on a real database', () => {
  let db: TestDatabase;
  let module: TestingModule;
  let owner: DataSource;
  let service: InstrumentService;

  const commission = { userId: '00000000-0000-4000-8000-00000000000c', login: 'commission', role: Role.Commission };
  const hr = { userId: '00000000-0000-4000-8000-0000000000a1', login: 'hr', role: Role.Hr };

  beforeAll(async () => {
    db = await createTestDatabase();
    module = await createIntegrationModule(db, { imports: [InstrumentsModule] });
    owner = await db.owner();
    service = module.get(InstrumentService);
  });

  afterAll(async () => {
    await module?.close();
    await db?.drop();
  });

  const instrumentOf = async (kind: InstrumentKind) => (await service.list()).find((instrument) => instrument.kind === kind)!;

  it('seeds the built-ins once: a second run, even a concurrent one, creates nothing', async () => {
    const [first, concurrent] = await Promise.all([service.seedBuiltins(), service.seedBuiltins()]);
    expect([...first.created, ...concurrent.created].sort()).toEqual(BUILTIN_INSTRUMENTS.map((b) => b.code).sort());
    expect(await service.seedBuiltins()).toEqual({ created: [], existing: BUILTIN_INSTRUMENTS.map((b) => b.code) });

    const rows = await owner.query(`SELECT i.code, i.kind, i.title_kk, v.version, v.locked, v.created_by FROM instruments.instrument i JOIN instruments.instrument_version v ON v.instrument_id = i.id ORDER BY i.code`);
    expect(rows).toEqual([
      expect.objectContaining({ code: 'judges-evaluation-survey', kind: 'judges-survey', version: 1, locked: false, created_by: null }),
      expect.objectContaining({ code: 'peer-review', kind: 'peer-review', version: 1 }),
      expect.objectContaining({ code: 'staff-hr-survey', kind: 'staff-survey', version: 1 }),
    ]);
    expect(rows[0].title_kk).toMatch(/^Судьялар сауалнамасы/);
    const audit = await owner.query(`SELECT actor_login, details FROM auth.audit_log WHERE action = 'instruments.instrument-created'`);
    expect(audit).toHaveLength(3);
    expect(audit[0].actor_login).toBe('system');
  });

  it('stores the built-in definition with free-text limits applied, and serves it by version', async () => {
    const judges = await instrumentOf(InstrumentKind.JudgesSurvey);
    expect(judges).toMatchObject({ code: 'judges-evaluation-survey', latestVersion: { version: 1, locked: false } });
    const v1 = await service.version(judges.id, 1);
    expect(v1.definition).toEqual(BUILTIN_INSTRUMENTS[0].definition);
    await expect(service.version(judges.id, 2)).rejects.toMatchObject({ code: InstrumentsErrorCode.VersionNotFound });
  });

  it('saves an edit as the next version, audited, and leaves version 1 as it was', async () => {
    const judges = await instrumentOf(InstrumentKind.JudgesSurvey);
    const v2 = await service.createVersion(commission, judges.id, small);
    expect(v2).toMatchObject({ instrumentId: judges.id, version: 2, locked: false, createdBy: commission.userId });
    expect(v2.definition).toEqual(small);
    expect((await service.versionsOf(judges.id)).map((v) => v.version)).toEqual([2, 1]);
    expect((await service.version(judges.id, 1)).definition).toEqual(BUILTIN_INSTRUMENTS[0].definition);
    expect((await instrumentOf(InstrumentKind.JudgesSurvey)).latestVersion?.version).toBe(2);
    const [audit] = await owner.query(`SELECT actor_login, target_id, details FROM auth.audit_log WHERE action = 'instruments.version-created'`);
    expect(audit).toEqual({ actor_login: 'commission', target_id: v2.id, details: { instrument: 'judges-evaluation-survey', version: 2 } });
  });

  it('numbers concurrent saves consecutively', async () => {
    const peer = await instrumentOf(InstrumentKind.PeerReview);
    const saved = await Promise.all([1, 2, 3].map(() => service.createVersion(commission, peer.id, small)));
    expect(saved.map((v) => v.version).sort()).toEqual([2, 3, 4]);
  });

  it('saves nothing when the definition is invalid, and names the problem', async () => {
    const staff = await instrumentOf(InstrumentKind.StaffSurvey);
    const broken = structuredClone(small) as any;
    broken.pages[0].elements[0].title.ru = '';
    await expect(service.createVersion(hr, staff.id, broken)).rejects.toMatchObject({
      code: InstrumentsErrorCode.InvalidDefinition,
      problems: [expect.objectContaining({ field: 'question:meaningful_work.title.ru', constraint: 'translation-missing' })],
    });
    expect(await service.versionsOf(staff.id)).toHaveLength(1);
  });

  it('lets only the role in charge of an instrument kind edit it', async () => {
    const judges = await instrumentOf(InstrumentKind.JudgesSurvey);
    const staff = await instrumentOf(InstrumentKind.StaffSurvey);
    await expect(service.createVersion(hr, judges.id, small)).rejects.toMatchObject({ code: InstrumentsErrorCode.KindNotEditableByRole, kind: 'forbidden' });
    await expect(service.createVersion(commission, staff.id, small)).rejects.toMatchObject({ code: InstrumentsErrorCode.KindNotEditableByRole });
    await expect(service.createVersion(hr, staff.id, small)).resolves.toMatchObject({ version: 2 });
  });

  it('replaces the definition of an unlocked version, and refuses once it is locked', async () => {
    const staff = await instrumentOf(InstrumentKind.StaffSurvey);
    const edited = structuredClone(small) as any;
    edited.title.en = 'A small questionnaire, edited';
    await expect(service.replaceDefinition(hr, staff.id, 2, edited)).resolves.toMatchObject({ version: 2, definition: edited });

    const v2 = await service.version(staff.id, 2);
    await expect(service.lockVersion(v2.id)).resolves.toMatchObject({ id: v2.id, locked: true });
    await expect(service.lockVersion(v2.id)).resolves.toMatchObject({ locked: true });
    await expect(service.replaceDefinition(hr, staff.id, 2, small)).rejects.toMatchObject({ code: InstrumentsErrorCode.VersionLocked, kind: 'conflict' });
    expect((await service.version(staff.id, 2)).definition).toEqual(edited);
    const locks = await owner.query(`SELECT target_id FROM auth.audit_log WHERE action = 'instruments.version-locked'`);
    expect(locks).toEqual([{ target_id: v2.id }]);
  });

  /** Plain SQL as one database role, without TypeORM's error logging. */
  async function asRole<T>(url: string, work: (client: Client) => Promise<T>): Promise<T> {
    const client = new Client({ connectionString: url });
    await client.connect();
    try {
      return await work(client);
    } finally {
      await client.end();
    }
  }

  it('refuses in the database itself any change to a locked version, even for the schema owner', async () => {
    const staff = await instrumentOf(InstrumentKind.StaffSurvey);
    const { id } = await service.version(staff.id, 2);
    await asRole(db.config.DATABASE_URL, async (sql) => {
      for (const statement of [
        `UPDATE instruments.instrument_version SET definition = '{"pages": []}' WHERE id = $1`,
        `UPDATE instruments.instrument_version SET locked = false WHERE id = $1`,
        `UPDATE instruments.instrument_version SET version = 99 WHERE id = $1`,
        `DELETE FROM instruments.instrument_version WHERE id = $1`,
      ]) {
        await expect(sql.query(statement, [id])).rejects.toMatchObject({ code: '55000', message: expect.stringMatching(/instrument version .* is locked/) });
      }
      // Locking again is allowed and changes nothing; unlocked versions stay editable.
      await sql.query(`UPDATE instruments.instrument_version SET locked = true WHERE id = $1`, [id]);
      await sql.query(`UPDATE instruments.instrument_version SET definition = definition WHERE instrument_id = $1 AND version = 1`, [staff.id]);
    });
  });

  it('lets the application role neither delete versions nor bypass the lock', async () => {
    const staff = await instrumentOf(InstrumentKind.StaffSurvey);
    await asRole(db.config.DATABASE_EVALUATION_URL, async (sql) => {
      await expect(sql.query(`DELETE FROM instruments.instrument_version WHERE instrument_id = $1 AND version = 1`, [staff.id])).rejects.toThrow(/permission denied/);
      await expect(sql.query(`UPDATE instruments.instrument_version SET definition = '{}' WHERE instrument_id = $1 AND version = 2`, [staff.id])).rejects.toThrow(/is locked/);
    });
  });

  it('gives the reporting schema of a stored version', async () => {
    const peer = await instrumentOf(InstrumentKind.PeerReview);
    const { id } = await service.version(peer.id, 1);
    const schema = await service.reportingSchemaOf(id);
    expect(schema.find((q) => q.freeText)).toMatchObject({ name: 'feedback', sensitive: true });
  });
});
