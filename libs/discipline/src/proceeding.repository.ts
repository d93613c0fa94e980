import { Injectable } from '@nestjs/common';
import { InjectDataSource, InjectRepository } from '@nestjs/typeorm';
import { Between, DataSource, EntityManager, FindOptionsWhere, QueryFailedError, Repository } from 'typeorm';
import { DISCIPLINE_CONNECTION, ErrorKind } from '@app/core';
import { ProceedingStage, Sanction, SANCTIONS } from './discipline.codes';
import type { StatisticsDimension, StatisticsRow } from './discipline-statistics';
import { DisciplineError, DisciplineErrorCode, disciplineProblem, DisciplineReason, notFound } from './discipline.errors';
import { ProceedingHistoryEntity } from './entities/proceeding-history.entity';
import { ProceedingEntity } from './entities/proceeding.entity';

export type NewProceedingRow = Omit<ProceedingEntity, 'id' | 'createdAt' | 'updatedAt'>;
export type NewHistoryRow = Omit<ProceedingHistoryEntity, 'id' | 'proceedingId' | 'proceeding' | 'sequence' | 'recordedAt'>;

export interface ProceedingQuery {
  stage?: ProceedingStage;
  sanction?: Sanction;
  /** Calendar year in which the proceeding was initiated. */
  year?: number;
  judgeId?: string;
  limit: number;
  offset: number;
}

/** What the planner of a change returns: the fields to set and the history event to append. */
export interface PlannedChange {
  changes: Partial<ProceedingEntity>;
  event: NewHistoryRow;
}

const UNIQUE_VIOLATION = '23505';

/** Breakdowns of the statistics query, in GROUPING SETS order; the expressions are fixed, never input. */
const DIMENSIONS: [StatisticsDimension, string][] = [
  ['region', 'region_code'],
  ['courtLevel', 'court_level'],
  ['stage', 'stage'],
  ['sanction', 'sanction'],
  ['closureGround', 'closure_ground'],
  ['appealOutcome', "CASE WHEN appeal_filed_on IS NULL THEN NULL ELSE COALESCE(appeal_outcome, 'pending') END"],
  ['initiatedYear', 'EXTRACT(YEAR FROM initiated_on)::int::text'],
  ['decidedYear', 'EXTRACT(YEAR FROM decided_on)::int::text'],
];

/** Proceedings and their history, on the disciplinary connection only. */
@Injectable()
export class ProceedingRepository {
  constructor(
    @InjectDataSource(DISCIPLINE_CONNECTION) private readonly db: DataSource,
    @InjectRepository(ProceedingEntity, DISCIPLINE_CONNECTION) private readonly proceedings: Repository<ProceedingEntity>,
    @InjectRepository(ProceedingHistoryEntity, DISCIPLINE_CONNECTION) private readonly history: Repository<ProceedingHistoryEntity>,
  ) {}

  /** Stores a new proceeding with the first entry of its history, in one transaction. */
  async insert(row: NewProceedingRow, event: NewHistoryRow): Promise<ProceedingEntity> {
    try {
      return await this.db.transaction(async (manager) => {
        // The unique constraint decides under concurrency; this check spares the usual case a failed statement.
        if (row.reference !== null && (await manager.existsBy(ProceedingEntity, { reference: row.reference }))) throw referenceTaken(row.reference);
        const created = await manager.save(ProceedingEntity, manager.create(ProceedingEntity, row));
        await this.append(manager, created.id, 1, event);
        return manager.findOneByOrFail(ProceedingEntity, { id: created.id });
      });
    } catch (error) {
      if (isUniqueViolation(error, 'uq_proceeding_reference')) throw referenceTaken(row.reference ?? '');
      throw error;
    }
  }

  /**
   * Changes a proceeding under a row lock: `plan` sees the current row, decides (or throws),
   * and its event is appended to the history in the same transaction.
   */
  update(id: string, plan: (current: ProceedingEntity) => PlannedChange): Promise<ProceedingEntity> {
    return this.db.transaction(async (manager) => {
      const current = await manager.findOne(ProceedingEntity, { where: { id }, lock: { mode: 'pessimistic_write' } });
      if (!current) throw notFound();
      const { changes, event } = plan(current);
      await manager.update(ProceedingEntity, { id }, changes);
      const last = await manager.maximum(ProceedingHistoryEntity, 'sequence', { proceedingId: id });
      await this.append(manager, id, (last ?? 0) + 1, event);
      return manager.findOneByOrFail(ProceedingEntity, { id });
    });
  }

  findById(id: string): Promise<ProceedingEntity | null> {
    return this.proceedings.findOneBy({ id });
  }

  historyOf(id: string): Promise<ProceedingHistoryEntity[]> {
    return this.history.find({ where: { proceedingId: id }, order: { sequence: 'ASC' } });
  }

  page(query: ProceedingQuery): Promise<[ProceedingEntity[], number]> {
    const where: FindOptionsWhere<ProceedingEntity> = {};
    if (query.stage) where.stage = query.stage;
    if (query.sanction) where.sanction = query.sanction;
    if (query.judgeId) where.judgeId = query.judgeId;
    if (query.year !== undefined) where.initiatedOn = Between(`${query.year}-01-01`, `${query.year}-12-31`);
    return this.proceedings.findAndCount({
      where,
      order: { initiatedOn: 'DESC', createdAt: 'DESC', id: 'ASC' },
      take: query.limit,
      skip: query.offset,
    });
  }

  /**
   * Every count of the Jury's statistics in one scan: GROUPING SETS over the breakdowns,
   * each group with its decisions and a count per sanction.
   */
  async statistics(): Promise<StatisticsRow[]> {
    const keys = DIMENSIONS.map(([, expression], i) => `${expression} AS k${i}`).join(', ');
    const sets = DIMENSIONS.map((_, i) => `(k${i})`).join(', ');
    const dimension = DIMENSIONS.map(([name], i) => `WHEN GROUPING(k${i}) = 0 THEN '${name}'`).join(' ');
    const key = `COALESCE(${DIMENSIONS.map((_, i) => `CASE WHEN GROUPING(k${i}) = 0 THEN k${i} END`).join(', ')})`;
    const perSanction = SANCTIONS.map((sanction, i) => `count(*) FILTER (WHERE sanction = '${sanction}')::int AS s${i}`).join(', ');
    const rows: Record<string, string | number | null>[] = await this.db.query(`
      WITH p AS (SELECT *, ${keys} FROM "discipline"."proceeding")
      SELECT CASE ${dimension} ELSE 'total' END AS dimension,
             ${key} AS key,
             count(*)::int AS proceedings,
             count(*) FILTER (WHERE stage = 'decided')::int AS decided,
             count(*) FILTER (WHERE decision = 'proceedings-closed')::int AS closed,
             count(*) FILTER (WHERE appeal_filed_on IS NOT NULL)::int AS appealed,
             count(*) FILTER (WHERE appeal_outcome = 'set-aside')::int AS set_aside,
             ${perSanction}
      FROM p
      GROUP BY GROUPING SETS (${sets}, ())`);
    return rows.map((row) => ({
      dimension: row.dimension as StatisticsDimension,
      key: row.key === null ? null : String(row.key),
      proceedings: Number(row.proceedings),
      decided: Number(row.decided),
      closed: Number(row.closed),
      appealed: Number(row.appealed),
      setAside: Number(row.set_aside),
      sanctions: Object.fromEntries(SANCTIONS.map((sanction, i) => [sanction, Number(row[`s${i}`])])) as Record<Sanction, number>,
    }));
  }

  private async append(manager: EntityManager, proceedingId: string, sequence: number, event: NewHistoryRow): Promise<void> {
    await manager.insert(ProceedingHistoryEntity, { ...event, proceedingId, sequence });
  }
}

function referenceTaken(reference: string): DisciplineError {
  return new DisciplineError(DisciplineErrorCode.ReferenceTaken, ErrorKind.Conflict, 'reference taken', [disciplineProblem('reference', DisciplineReason.AlreadyTaken)], {
    reference,
  });
}

function isUniqueViolation(error: unknown, constraint: string): boolean {
  const driver = error instanceof QueryFailedError ? (error.driverError as { code?: string; constraint?: string }) : undefined;
  return driver?.code === UNIQUE_VIOLATION && driver.constraint === constraint;
}
