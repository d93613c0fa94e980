import { TestingModule } from '@nestjs/testing';
import { DataSource } from 'typeorm';
import { AuthErrorCode, Principal, Role, UserService } from '@app/auth';
import { createIntegrationModule, createTestDatabase, TestDatabase } from '@app/testing';
import { JudgeAccountsService } from './judge-accounts.service';
import { RegisterImportService } from './register-import.service';
import { RegistryErrorCode } from './registry.errors';
import { RegistryModule } from './registry.module';

describe('judge accounts linked to the register', () => {
  let db: TestDatabase;
  let module: TestingModule;
  let judgeAccounts: JudgeAccountsService;
  let users: UserService;
  let owner: DataSource;
  let serving: { id: string; personnel_number: string }[];
  let admin: { userId: string; login: string; role: Role };
  const account = (login: string, role = Role.Judge) => users.create(null, { login, displayName: login, role, password: 'judge-account-password', locale: 'kk' });
  const auditOf = async (userId: string) =>
    (await owner.query(`SELECT action, details FROM auth.audit_log WHERE target_id = $1 AND action LIKE 'auth.judge-%' ORDER BY occurred_at`, [userId])) as { action: string; details: unknown }[];

  beforeAll(async () => {
    db = await createTestDatabase();
    module = await createIntegrationModule(db, { imports: [RegistryModule] });
    judgeAccounts = module.get(JudgeAccountsService);
    users = module.get(UserService);
    owner = await db.owner();
    await module.get(RegisterImportService).loadSynthetic({ seed: 3, scale: 0.02, referenceDate: '2026-11-01' });
    const created = await account('admin', Role.Admin);
    admin = { userId: created.id, login: created.login, role: Role.Admin };
    serving = await owner.query(`SELECT id, personnel_number FROM registry.judge WHERE active ORDER BY personnel_number LIMIT 2`);
  });

  afterAll(async () => {
    await module?.close();
    await db?.drop();
  });

  it('links a judge account by personnel number, audited, and the link is what feedback access reads', async () => {
    const judge = await account('j.linked');
    const linked = await judgeAccounts.link(admin, judge.id, serving[0].personnel_number);
    expect(linked).toMatchObject({ id: judge.id, judgeId: serving[0].id });
    expect(await users.judgeOf(judge.id)).toBe(serving[0].id);
    expect(await auditOf(judge.id)).toEqual([{ action: 'auth.judge-linked', details: { judgeId: serving[0].id } }]);

    const unlinked = await judgeAccounts.unlink(admin, judge.id);
    expect(unlinked.judgeId).toBeNull();
    expect(await users.judgeOf(judge.id)).toBeNull();
    expect((await auditOf(judge.id)).map((entry) => entry.action)).toEqual(['auth.judge-linked', 'auth.judge-unlinked']);
  });

  it('refuses an unknown or retired personnel number, naming the field, and links nothing', async () => {
    const judge = await account('j.unknown');
    await expect(judgeAccounts.link(admin, judge.id, 'NO-SUCH-NUMBER')).rejects.toMatchObject({
      code: RegistryErrorCode.NoSuchJudge,
      problems: [{ field: 'personnelNumber' }],
    });
    await owner.query(`UPDATE registry.judge SET active = false WHERE id = $1`, [serving[1].id]);
    await expect(judgeAccounts.link(admin, judge.id, serving[1].personnel_number)).rejects.toMatchObject({ code: RegistryErrorCode.NoSuchJudge });
    await owner.query(`UPDATE registry.judge SET active = true WHERE id = $1`, [serving[1].id]);
    expect(await users.judgeOf(judge.id)).toBeNull();
    expect(await auditOf(judge.id)).toEqual([]);
  });

  it('links only judge accounts, one account per judge, and a role change away from judge drops the link', async () => {
    const hr = await account('hr.not-a-judge', Role.Hr);
    await expect(judgeAccounts.link(admin, hr.id, serving[1].personnel_number)).rejects.toMatchObject({ code: AuthErrorCode.NotAJudgeAccount });

    const first = await account('j.first');
    const second = await account('j.second');
    await judgeAccounts.link(admin, first.id, serving[1].personnel_number);
    await expect(judgeAccounts.link(admin, second.id, serving[1].personnel_number)).rejects.toMatchObject({ code: AuthErrorCode.JudgeHasAccount, params: { login: 'j.first' } });
    // Linking again to the same judge changes nothing and is allowed.
    await expect(judgeAccounts.link(admin, first.id, serving[1].personnel_number)).resolves.toMatchObject({ judgeId: serving[1].id });

    const changed = await users.changeRole(admin as Principal, first.id, Role.Commission);
    expect(changed.judgeId).toBeNull();
    expect(await users.judgeOf(first.id)).toBeNull();
    // The database holds the same rules, whatever code writes to it.
    await expect(owner.query(`UPDATE auth."user" SET judge_id = $1 WHERE id = $2`, [serving[1].id, hr.id])).rejects.toThrow(/ck_user_judge_id_role/);
    await judgeAccounts.link(admin, second.id, serving[1].personnel_number);
    const third = await account('j.third');
    await expect(owner.query(`UPDATE auth."user" SET judge_id = $1 WHERE id = $2`, [serving[1].id, third.id])).rejects.toThrow(/uq_user_judge_id/);
  });
});
