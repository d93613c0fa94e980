import { Injectable } from '@nestjs/common';
import { ErrorKind } from '@app/core';
import { Principal, UserService, UserView } from '@app/auth';
import { RegistryError, RegistryErrorCode } from './registry.errors';
import { RegistryRepository } from './registry.repository';

/** Which registry judge a judge account belongs to: the link that lets a judge read their own peer feedback. */
@Injectable()
export class JudgeAccountsService {
  constructor(
    private readonly registry: RegistryRepository,
    private readonly users: UserService,
  ) {}

  /** Links the account to the serving judge with this personnel number (the number HR knows, not an internal id). */
  async link(actor: Pick<Principal, 'userId' | 'login'> | null, userId: string, personnelNumber: string): Promise<UserView> {
    const judge = await this.registry.activeJudge(personnelNumber);
    if (!judge) {
      throw new RegistryError(RegistryErrorCode.NoSuchJudge, ErrorKind.NotFound, 'No serving judge with this personnel number', [
        { field: 'personnelNumber', reason: 'no serving judge has this personnel number' },
      ], { personnelNumber });
    }
    return this.users.linkJudge(actor, userId, judge.id);
  }

  unlink(actor: Pick<Principal, 'userId' | 'login'> | null, userId: string): Promise<UserView> {
    return this.users.linkJudge(actor, userId, null);
  }
}
