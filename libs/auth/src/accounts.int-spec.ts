import { TestingModule } from '@nestjs/testing';
import { DataSource } from 'typeorm';
import { createIntegrationModule, createTestDatabase, TestDatabase } from '@app/testing';
import { AuthErrorCode } from './auth.errors';
import { AuthModule } from './auth.module';
import { AuthService } from './auth.service';
import { Role } from './role';
import { SessionService } from './session.service';
import { UserService } from './user.service';

describe('accounts on a real database', () => {
  let db: TestDatabase;
  let module: TestingModule;
  let owner: DataSource;

  beforeAll(async () => {
    db = await createTestDatabase();
    module = await createIntegrationModule(db, { imports: [AuthModule] });
    owner = await db.owner();
  });

  afterAll(async () => {
    await module?.close();
    await db?.drop();
  });

  const admin = { userId: '00000000-0000-4000-8000-000000000000', login: 'root' };

  it('signs in with the right password only, and keeps no usable session id', async () => {
    await module.get(UserService).create(admin, { login: 'A.Nurlanova', displayName: 'Айгерім', role: Role.Commission, password: 'correct horse battery', locale: 'ru' });
    const auth = module.get(AuthService);
    await expect(auth.signIn('a.nurlanova', 'wrong')).rejects.toMatchObject({ code: AuthErrorCode.InvalidCredentials });
    await expect(auth.signIn('nobody', 'correct horse battery')).rejects.toMatchObject({ code: AuthErrorCode.InvalidCredentials });

    const session = await auth.signIn('A.NURLANOVA', 'correct horse battery');
    const principal = await module.get(SessionService).resolve(session.cookieValue);
    expect(principal).toMatchObject({ login: 'a.nurlanova', role: Role.Commission, locale: 'ru', csrfToken: session.csrfToken });

    const stored = await owner.query('SELECT id FROM auth.session');
    expect(stored).toHaveLength(1);
    expect(stored[0].id).not.toContain(session.cookieValue);
    const [hash] = await owner.query(`SELECT password_hash FROM auth."user" WHERE login = 'a.nurlanova'`);
    expect(hash.password_hash).toMatch(/^\$argon2id\$/);
  });

  it('ends sessions at expiry and purges them', async () => {
    const sessions = module.get(SessionService);
    const [user] = await owner.query(`SELECT id FROM auth."user" WHERE login = 'a.nurlanova'`);
    const issued = await sessions.issue(user.id, new Date(Date.now() - 9 * 3600_000));
    expect(await sessions.resolve(issued.cookieValue)).toBeNull();
    expect(await sessions.purgeExpired()).toBeGreaterThanOrEqual(1);
    const [{ n }] = await owner.query('SELECT count(*)::int AS n FROM auth.session WHERE expires_at <= now()');
    expect(n).toBe(0);
  });

  it('refuses a duplicate login, audits changes and ends the sessions of a user whose role changes', async () => {
    const users = module.get(UserService);
    await expect(
      users.create(admin, { login: 'a.nurlanova', displayName: 'x', role: Role.Hr, password: 'another long password', locale: 'kk' }),
    ).rejects.toMatchObject({ code: AuthErrorCode.LoginTaken, problems: [{ field: 'login', reason: 'is already taken' }] });

    const session = await module.get(AuthService).signIn('a.nurlanova', 'correct horse battery');
    const [user] = await owner.query(`SELECT id FROM auth."user" WHERE login = 'a.nurlanova'`);
    const actor = { ...admin, displayName: 'root', role: Role.Admin, locale: 'kk', csrfToken: '' };
    await users.changeRole(actor, user.id, Role.Hr);
    expect(await module.get(SessionService).resolve(session.cookieValue)).toBeNull();

    const audit = await owner.query(`SELECT action, actor_login, details FROM auth.audit_log ORDER BY occurred_at`);
    expect(audit.map((entry: { action: string }) => entry.action)).toEqual(['auth.user-created', 'auth.sign-in', 'auth.sign-in', 'auth.role-changed']);
    expect(audit.at(-1)).toMatchObject({ actor_login: 'root', details: { from: 'commission', to: 'hr' } });
  });
});
