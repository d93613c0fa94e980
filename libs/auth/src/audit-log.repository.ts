import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { Repository } from 'typeorm';
import { AuditLogEntity } from './entities/audit-log.entity';

@Injectable()
export class AuditLogRepository {
  constructor(@InjectRepository(AuditLogEntity) private readonly entries: Repository<AuditLogEntity>) {}

  async insert(entry: Omit<AuditLogEntity, 'id' | 'occurredAt'>): Promise<void> {
    await this.entries.save(this.entries.create(entry), { reload: false });
  }

  page(limit: number, offset: number): Promise<[AuditLogEntity[], number]> {
    return this.entries.findAndCount({ order: { occurredAt: 'DESC', id: 'ASC' }, take: limit, skip: offset });
  }
}
