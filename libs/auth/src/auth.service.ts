import { Injectable } from '@nestjs/common';
import { ErrorKind } from '@app/core';
import { AuditAction, AuditLogService } from './audit-log.service';
import { AuthError, AuthErrorCode } from './auth.errors';
import { PasswordHasher } from './password-hasher';
import { IssuedSession, SessionService } from './session.service';
import { UserRepository } from './user.repository';

/** Signing in and out. Which of login or password was wrong is never revealed. */
@Injectable()
export class AuthService {
  constructor(
    private readonly users: UserRepository,
    private readonly passwords: PasswordHasher,
    private readonly sessions: SessionService,
    private readonly audit: AuditLogService,
  ) {}

  /**
   * A fresh session every time. The session cookie the browser already sent (`replacing`:
   * planted by someone else, or an earlier sign-in) is ended, so it outlives the sign-in nowhere.
   */
  async signIn(login: string, password: string, replacing?: string): Promise<IssuedSession> {
    const user = await this.users.findByLogin(login);
    const matches = await this.passwords.verify(user?.passwordHash ?? null, password);
    if (!user || !user.active || !matches) {
      throw new AuthError(AuthErrorCode.InvalidCredentials, ErrorKind.Unauthenticated, 'Wrong login or password');
    }
    if (replacing) await this.sessions.revoke(replacing);
    const session = await this.sessions.issue(user.id);
    await this.audit.record({ userId: user.id, login: user.login }, { action: AuditAction.UserSignedIn, targetType: 'user', targetId: user.id });
    return session;
  }

  signOut(cookieValue: string): Promise<void> {
    return this.sessions.revoke(cookieValue);
  }
}
