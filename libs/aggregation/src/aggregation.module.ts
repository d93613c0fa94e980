import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { AuthModule } from '@app/auth';
import { CampaignsModule } from '@app/campaigns';
import { InstrumentsModule } from '@app/instruments';
import { RegistryModule } from '@app/registry';
import { ResponsesModule } from '@app/responses';
import { AggregationService } from './aggregation.service';
import { SnapshotEntity } from './entities/snapshot.entity';
import { ResultsService } from './results.service';
import { SnapshotRepository } from './snapshot.repository';

export const AGGREGATION_ENTITIES = [SnapshotEntity];

/** The Nest shell of the protected aggregation: the job service (worker) and the results service (API). */
@Module({
  imports: [TypeOrmModule.forFeature(AGGREGATION_ENTITIES), AuthModule, CampaignsModule, InstrumentsModule, RegistryModule, ResponsesModule],
  providers: [AggregationService, ResultsService, SnapshotRepository],
  exports: [AggregationService, ResultsService],
})
export class AggregationModule {}
