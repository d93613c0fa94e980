import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { Repository } from 'typeorm';
import { UserEntity } from './entities/user.entity';
import { Role } from './role';

@Injectable()
export class UserRepository {
  constructor(@InjectRepository(UserEntity) private readonly users: Repository<UserEntity>) {}

  findByLogin(login: string): Promise<UserEntity | null> {
    return this.users.findOneBy({ login: login.toLowerCase() });
  }

  findById(id: string): Promise<UserEntity | null> {
    return this.users.findOneBy({ id });
  }

  list(): Promise<UserEntity[]> {
    return this.users.find({ order: { role: 'ASC', login: 'ASC' } });
  }

  count(): Promise<number> {
    return this.users.count();
  }

  insert(user: Pick<UserEntity, 'login' | 'displayName' | 'role' | 'passwordHash' | 'locale' | 'judgeId'>): Promise<UserEntity> {
    return this.users.save(this.users.create({ ...user, login: user.login.toLowerCase() }));
  }

  /** Only a judge account keeps its link to a registry judge. */
  async setRole(id: string, role: Role): Promise<void> {
    await this.users.update({ id }, role === Role.Judge ? { role } : { role, judgeId: null });
  }

  findByJudge(judgeId: string): Promise<UserEntity | null> {
    return this.users.findOneBy({ judgeId });
  }

  async setJudge(id: string, judgeId: string | null): Promise<void> {
    await this.users.update({ id }, { judgeId });
  }

  async setActive(id: string, active: boolean): Promise<void> {
    await this.users.update({ id }, { active });
  }
}
