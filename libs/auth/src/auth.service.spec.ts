import { AuditLogService } from './audit-log.service';
import { AuthErrorCode } from './auth.errors';
import { AuthService } from './auth.service';
import { UserEntity } from './entities/user.entity';
import { PasswordHasher } from './password-hasher';
import { Role } from './role';
import { SessionService } from './session.service';
import { UserRepository } from './user.repository';

describe('AuthService.signIn', () => {
  const user = { id: 'u1', login: 'hr', role: Role.Hr, active: true, passwordHash: 'hash' } as UserEntity;

  function service(found: UserEntity | null, passwordMatches: boolean) {
    const users = { findByLogin: jest.fn().mockResolvedValue(found) } as unknown as UserRepository;
    const passwords = { verify: jest.fn().mockResolvedValue(passwordMatches) } as unknown as PasswordHasher;
    const sessions = {
      issue: jest.fn().mockResolvedValue({ cookieValue: 'c', csrfToken: 't', expiresAt: new Date(0) }),
      revoke: jest.fn().mockResolvedValue(undefined),
    } as unknown as SessionService;
    const audit = { record: jest.fn() } as unknown as AuditLogService;
    return { auth: new AuthService(users, passwords, sessions, audit), passwords, sessions, audit };
  }

  it('issues a session and audits the sign-in', async () => {
    const { auth, audit } = service(user, true);
    await expect(auth.signIn('hr', 'pw')).resolves.toMatchObject({ cookieValue: 'c' });
    expect(audit.record).toHaveBeenCalledWith({ userId: 'u1', login: 'hr' }, expect.objectContaining({ action: 'auth.sign-in' }));
  });

  it('ends the session the browser already held (planted or earlier), so only the fresh one is valid', async () => {
    const { auth, sessions } = service(user, true);
    await expect(auth.signIn('hr', 'pw', 'planted-cookie')).resolves.toMatchObject({ cookieValue: 'c' });
    expect(sessions.revoke).toHaveBeenCalledWith('planted-cookie');
  });

  it('leaves the browser’s session alone when the sign-in fails', async () => {
    const { auth, sessions } = service(user, false);
    await expect(auth.signIn('hr', 'wrong', 'current-cookie')).rejects.toMatchObject({ code: AuthErrorCode.InvalidCredentials });
    expect(sessions.revoke).not.toHaveBeenCalled();
  });

  it.each([
    ['an unknown login', null, true],
    ['a wrong password', user, false],
    ['a deactivated account', { ...user, active: false } as UserEntity, true],
  ])('gives the same error for %s', async (_case, found, matches) => {
    const { auth, sessions } = service(found, matches);
    await expect(auth.signIn('hr', 'pw')).rejects.toMatchObject({ code: AuthErrorCode.InvalidCredentials, kind: 'unauthenticated' });
    expect(sessions.issue).not.toHaveBeenCalled();
  });

  it('still verifies a password when the login is unknown, so timing does not reveal it', async () => {
    const { auth, passwords } = service(null, false);
    await expect(auth.signIn('nobody', 'pw')).rejects.toBeDefined();
    expect(passwords.verify).toHaveBeenCalledWith(null, 'pw');
  });
});
