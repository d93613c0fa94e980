import { Injectable } from '@nestjs/common';
import { InjectDataSource, InjectRepository } from '@nestjs/typeorm';
import { DataSource, Repository } from 'typeorm';
import { InstrumentVersionEntity } from './entities/instrument-version.entity';
import { InstrumentEntity } from './entities/instrument.entity';

export type NewInstrument = Pick<InstrumentEntity, 'code' | 'kind' | 'titleKk' | 'titleRu' | 'titleEn'>;

@Injectable()
export class InstrumentRepository {
  constructor(
    @InjectRepository(InstrumentEntity) private readonly instruments: Repository<InstrumentEntity>,
    @InjectDataSource() private readonly db: DataSource,
  ) {}

  list(): Promise<InstrumentEntity[]> {
    return this.instruments.find({ order: { code: 'ASC' } });
  }

  findById(id: string): Promise<InstrumentEntity | null> {
    return this.instruments.findOneBy({ id });
  }

  /**
   * Creates the instrument with its version 1 in one transaction, unless an instrument with
   * that code exists: then nothing is written and the result is null. Safe to run from
   * several processes at once.
   */
  async insertWithFirstVersion(
    instrument: NewInstrument,
    definition: Record<string, unknown>,
  ): Promise<{ instrument: InstrumentEntity; version: InstrumentVersionEntity } | null> {
    return this.db.transaction(async (manager) => {
      const inserted = await manager
        .createQueryBuilder()
        .insert()
        .into(InstrumentEntity)
        .values(instrument)
        .orIgnore()
        .returning(['id'])
        .execute();
      const [row] = inserted.raw as { id: string }[];
      if (!row) return null;
      const created = await manager.findOneByOrFail(InstrumentEntity, { id: row.id });
      const version = await manager.save(manager.create(InstrumentVersionEntity, { instrumentId: created.id, version: 1, definition, createdBy: null }));
      return { instrument: created, version };
    });
  }
}
