import { Injectable } from '@nestjs/common';
import { AuditLogRepository } from './audit-log.repository';
import { AuditLogEntity } from './entities/audit-log.entity';
import { Principal } from './principal';

/** Administrative actions worth an audit entry. Dotted: `<area>.<verb>`. */
export enum AuditAction {
  UserSignedIn = 'auth.sign-in',
  UserCreated = 'auth.user-created',
  UserRoleChanged = 'auth.role-changed',
  UserDeactivated = 'auth.user-deactivated',
  JudgeLinked = 'auth.judge-linked',
  JudgeUnlinked = 'auth.judge-unlinked',
}

export interface AuditEntry {
  action: AuditAction | string;
  targetType: string;
  targetId?: string | null;
  /** Settings or counts; never answers, tokens or respondents' identities. */
  details?: Record<string, unknown>;
}

@Injectable()
export class AuditLogService {
  constructor(private readonly entries: AuditLogRepository) {}

  /** `actor` is null for actions the system takes on its own (a deadline, a seed). */
  record(actor: Pick<Principal, 'userId' | 'login'> | null, entry: AuditEntry): Promise<void> {
    return this.entries.insert({
      actorUserId: actor?.userId ?? null,
      actorLogin: actor?.login ?? 'system',
      action: entry.action,
      targetType: entry.targetType,
      targetId: entry.targetId ?? null,
      details: entry.details ?? {},
    });
  }

  page(limit: number, offset: number): Promise<[AuditLogEntity[], number]> {
    return this.entries.page(limit, offset);
  }
}
