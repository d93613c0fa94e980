import { Module } from '@nestjs/common';
import { APP_GUARD } from '@nestjs/core';
import { TypeOrmModule } from '@nestjs/typeorm';
import { AuditLogRepository } from './audit-log.repository';
import { AuditLogService } from './audit-log.service';
import { AuthService } from './auth.service';
import { AuditLogEntity } from './entities/audit-log.entity';
import { SessionEntity } from './entities/session.entity';
import { UserEntity } from './entities/user.entity';
import { AccessGuard } from './guards/access.guard';
import { PasswordHasher } from './password-hasher';
import { SessionRepository } from './session.repository';
import { SessionService } from './session.service';
import { UserRepository } from './user.repository';
import { UserService } from './user.service';

export const AUTH_ENTITIES = [UserEntity, SessionEntity, AuditLogEntity];

const services = [AuthService, UserService, SessionService, AuditLogService, PasswordHasher];

@Module({
  imports: [TypeOrmModule.forFeature(AUTH_ENTITIES)],
  providers: [...services, UserRepository, SessionRepository, AuditLogRepository],
  exports: services,
})
export class AuthModule {}

/** For apps that serve HTTP: every route passes the access guard. */
@Module({
  imports: [AuthModule],
  providers: [{ provide: APP_GUARD, useClass: AccessGuard }],
})
export class AuthGuardModule {}
