import { Injectable } from '@nestjs/common';
import { ErrorKind, Locale } from '@app/core';
import { AuditAction, AuditLogService } from './audit-log.service';
import { AuthError, AuthErrorCode } from './auth.errors';
import { UserEntity } from './entities/user.entity';
import { PasswordHasher } from './password-hasher';
import { Principal } from './principal';
import { Role } from './role';
import { SessionService } from './session.service';
import { UserRepository } from './user.repository';

export interface NewUser {
  login: string;
  displayName: string;
  role: Role;
  password: string;
  locale: Locale;
  /** A judge account's registry judge. */
  judgeId?: string | null;
}

export type UserView = Pick<UserEntity, 'id' | 'login' | 'displayName' | 'role' | 'locale' | 'active' | 'judgeId'>;

function view(user: UserEntity): UserView {
  const { id, login, displayName, role, locale, active, judgeId } = user;
  return { id, login, displayName, role, locale, active, judgeId };
}

/** Account management by administrators. Every change is audited. */
@Injectable()
export class UserService {
  constructor(
    private readonly users: UserRepository,
    private readonly passwords: PasswordHasher,
    private readonly sessions: SessionService,
    private readonly audit: AuditLogService,
  ) {}

  async list(): Promise<UserView[]> {
    return (await this.users.list()).map(view);
  }

  async byLogin(login: string): Promise<UserView | null> {
    const user = await this.users.findByLogin(login);
    return user && view(user);
  }

  /** The registry judge a judge account belongs to, or null. */
  async judgeOf(userId: string): Promise<string | null> {
    return (await this.users.findById(userId))?.judgeId ?? null;
  }

  count(): Promise<number> {
    return this.users.count();
  }

  async create(actor: Pick<Principal, 'userId' | 'login'> | null, user: NewUser): Promise<UserView> {
    if (await this.users.findByLogin(user.login)) {
      throw new AuthError(AuthErrorCode.LoginTaken, ErrorKind.Conflict, `Login ${user.login} is taken`, [{ field: 'login', reason: 'is already taken' }], { login: user.login });
    }
    const created = await this.users.insert({
      login: user.login,
      displayName: user.displayName,
      role: user.role,
      locale: user.locale,
      passwordHash: await this.passwords.hash(user.password),
      judgeId: user.role === Role.Judge ? (user.judgeId ?? null) : null,
    });
    await this.audit.record(actor, { action: AuditAction.UserCreated, targetType: 'user', targetId: created.id, details: { role: user.role } });
    return view(created);
  }

  async changeRole(actor: Principal, userId: string, role: Role): Promise<UserView> {
    const user = await this.existing(userId);
    if (user.id === actor.userId && role !== Role.Admin) {
      throw new AuthError(AuthErrorCode.CannotDemoteSelf, ErrorKind.Conflict, 'Cannot demote yourself', [{ field: 'role', reason: 'cannot change your own role' }]);
    }
    await this.users.setRole(user.id, role);
    // A new role means new permissions: sessions opened under the old one end now.
    await this.sessions.revokeAllOf(user.id);
    await this.audit.record(actor, { action: AuditAction.UserRoleChanged, targetType: 'user', targetId: user.id, details: { from: user.role, to: role } });
    return view({ ...user, role, judgeId: role === Role.Judge ? user.judgeId : null });
  }

  /**
   * Links a judge account to its registry judge (`judgeId` null unlinks), so the judge can read
   * their own peer feedback. The caller checks the judge exists: accounts cannot read the register.
   */
  async linkJudge(actor: Pick<Principal, 'userId' | 'login'> | null, userId: string, judgeId: string | null): Promise<UserView> {
    const user = await this.existing(userId);
    if (user.role !== Role.Judge) {
      throw new AuthError(AuthErrorCode.NotAJudgeAccount, ErrorKind.Conflict, 'Not a judge account', [{ field: 'id', reason: 'is not a judge account' }]);
    }
    const holder = judgeId ? await this.users.findByJudge(judgeId) : null;
    if (holder && holder.id !== user.id) {
      throw new AuthError(AuthErrorCode.JudgeHasAccount, ErrorKind.Conflict, 'Judge already has an account', [{ field: 'judge', reason: 'already linked to another account' }], {
        login: holder.login,
      });
    }
    await this.users.setJudge(user.id, judgeId);
    await this.audit.record(actor, {
      action: judgeId ? AuditAction.JudgeLinked : AuditAction.JudgeUnlinked,
      targetType: 'user',
      targetId: user.id,
      details: { judgeId: judgeId ?? user.judgeId },
    });
    return view({ ...user, judgeId });
  }

  async deactivate(actor: Principal, userId: string): Promise<UserView> {
    const user = await this.existing(userId);
    if (user.id === actor.userId) {
      throw new AuthError(AuthErrorCode.CannotDemoteSelf, ErrorKind.Conflict, 'Cannot deactivate yourself', [{ field: 'id', reason: 'cannot deactivate yourself' }]);
    }
    await this.users.setActive(user.id, false);
    await this.sessions.revokeAllOf(user.id);
    await this.audit.record(actor, { action: AuditAction.UserDeactivated, targetType: 'user', targetId: user.id });
    return view({ ...user, active: false });
  }

  private async existing(userId: string): Promise<UserEntity> {
    const user = await this.users.findById(userId);
    if (!user) throw new AuthError(AuthErrorCode.UserNotFound, ErrorKind.NotFound, 'No such user', [{ field: 'id', reason: 'no such user' }]);
    return user;
  }
}
