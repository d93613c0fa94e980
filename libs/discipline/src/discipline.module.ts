import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { DISCIPLINE_CONNECTION } from '@app/core';
import { AuthModule } from '@app/auth';
import { DisciplineClock } from './discipline-clock';
import { ProceedingHistoryEntity } from './entities/proceeding-history.entity';
import { ProceedingEntity } from './entities/proceeding.entity';
import { ProceedingRepository } from './proceeding.repository';
import { ProceedingService } from './proceeding.service';

/** Every entity of the disciplinary side, all in schema `discipline`, for its connection and the migration checks. */
export const DISCIPLINE_ENTITIES = [ProceedingEntity, ProceedingHistoryEntity];

/**
 * The Judicial Jury's records on the disciplinary connection (`DISCIPLINE_CONNECTION`), which
 * the importing app opens with `DatabaseModule.forRoot({ discipline: true })`. Audit entries
 * go through AuthModule's audit log.
 */
@Module({
  imports: [TypeOrmModule.forFeature(DISCIPLINE_ENTITIES, DISCIPLINE_CONNECTION), AuthModule],
  providers: [ProceedingRepository, ProceedingService, DisciplineClock],
  exports: [ProceedingService],
})
export class DisciplineModule {}
