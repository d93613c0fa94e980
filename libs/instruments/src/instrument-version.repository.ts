import { Injectable } from '@nestjs/common';
import { InjectDataSource, InjectRepository } from '@nestjs/typeorm';
import { DataSource, QueryFailedError, Repository } from 'typeorm';
import type { QueryDeepPartialEntity } from 'typeorm/query-builder/QueryPartialEntity';
import { ErrorKind } from '@app/core';
import { InstrumentVersionEntity, VersionSummary } from './entities/instrument-version.entity';
import { InstrumentEntity } from './entities/instrument.entity';
import { InstrumentsError, InstrumentsErrorCode } from './instruments.errors';

const SUMMARY_COLUMNS: (keyof VersionSummary)[] = ['id', 'instrumentId', 'version', 'createdBy', 'createdAt', 'locked'];
const SUMMARY_SELECT = Object.fromEntries(SUMMARY_COLUMNS.map((column) => [column, true])) as Record<keyof VersionSummary, true>;

/** SQLSTATE the lock trigger raises (object_not_in_prerequisite_state). */
const LOCKED_SQLSTATE = '55000';

@Injectable()
export class InstrumentVersionRepository {
  constructor(
    @InjectRepository(InstrumentVersionEntity) private readonly versions: Repository<InstrumentVersionEntity>,
    @InjectDataSource() private readonly db: DataSource,
  ) {}

  /** Every version of an instrument, newest first, without definitions. */
  listFor(instrumentId: string): Promise<VersionSummary[]> {
    return this.versions.find({ select: SUMMARY_SELECT, where: { instrumentId }, order: { version: 'DESC' } });
  }

  /** The newest version of each instrument, without definitions. */
  async latest(): Promise<Map<string, VersionSummary>> {
    const rows = await this.versions
      .createQueryBuilder('v')
      .select(SUMMARY_COLUMNS.map((column) => `v.${column}`))
      .distinctOn(['v.instrumentId'])
      .orderBy('v.instrumentId')
      .addOrderBy('v.version', 'DESC')
      .getMany();
    return new Map(rows.map((row) => [row.instrumentId, row]));
  }

  find(instrumentId: string, version: number): Promise<InstrumentVersionEntity | null> {
    return this.versions.findOneBy({ instrumentId, version });
  }

  findById(id: string): Promise<InstrumentVersionEntity | null> {
    return this.versions.findOneBy({ id });
  }

  /**
   * Appends the next version. The instrument row is locked for the transaction, so two
   * concurrent saves get consecutive numbers instead of a unique violation.
   */
  append(instrumentId: string, definition: Record<string, unknown>, createdBy: string | null): Promise<InstrumentVersionEntity> {
    return this.db.transaction(async (manager) => {
      await manager.getRepository(InstrumentEntity).createQueryBuilder('i').setLock('pessimistic_write').where('i.id = :instrumentId', { instrumentId }).getOneOrFail();
      const { max } = (await manager
        .getRepository(InstrumentVersionEntity)
        .createQueryBuilder('v')
        .select('COALESCE(MAX(v.version), 0)', 'max')
        .where('v.instrumentId = :instrumentId', { instrumentId })
        .getRawOne()) as { max: number };
      return manager.save(manager.create(InstrumentVersionEntity, { instrumentId, version: Number(max) + 1, definition, createdBy }));
    });
  }

  /** Replaces the definition of an unlocked version; false when the version is locked (or gone). */
  async replaceDefinition(id: string, definition: Record<string, unknown>): Promise<boolean> {
    const result = await refusedWhenLocked(() => this.versions.update({ id, locked: false }, { definition } as QueryDeepPartialEntity<InstrumentVersionEntity>));
    return (result.affected ?? 0) > 0;
  }

  async lock(id: string): Promise<boolean> {
    const result = await this.versions.update({ id }, { locked: true });
    return (result.affected ?? 0) > 0;
  }
}

/** The database's own refusal (the lock trigger) becomes the domain error. */
async function refusedWhenLocked<T>(work: () => Promise<T>): Promise<T> {
  try {
    return await work();
  } catch (error) {
    if (error instanceof QueryFailedError && (error.driverError as { code?: string })?.code === LOCKED_SQLSTATE) {
      throw new InstrumentsError(InstrumentsErrorCode.VersionLocked, ErrorKind.Conflict, 'Instrument version is locked');
    }
    throw error;
  }
}
