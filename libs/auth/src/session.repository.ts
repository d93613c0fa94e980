import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { LessThanOrEqual, MoreThan, Repository } from 'typeorm';
import { SessionEntity } from './entities/session.entity';

@Injectable()
export class SessionRepository {
  constructor(@InjectRepository(SessionEntity) private readonly sessions: Repository<SessionEntity>) {}

  async insert(session: Pick<SessionEntity, 'id' | 'userId' | 'expiresAt'>): Promise<void> {
    await this.sessions.insert(session);
  }

  /** The unexpired session with its user, or null. */
  findLive(id: string, now: Date): Promise<SessionEntity | null> {
    return this.sessions.findOne({ where: { id, expiresAt: MoreThan(now) }, relations: { user: true } });
  }

  async delete(id: string): Promise<void> {
    await this.sessions.delete({ id });
  }

  async deleteForUser(userId: string): Promise<void> {
    await this.sessions.delete({ userId });
  }

  async deleteExpired(now: Date): Promise<number> {
    const result = await this.sessions.delete({ expiresAt: LessThanOrEqual(now) });
    return result.affected ?? 0;
  }
}
