import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { AggregationModule } from '@app/aggregation';
import { AuthModule } from '@app/auth';
import { CampaignsModule } from '@app/campaigns';
import { InstrumentsModule } from '@app/instruments';
import { RegistryModule } from '@app/registry';
import { ReportExportEntity } from './entities/report-export.entity';
import { ReportsService } from './reports.service';

export const REPORTS_ENTITIES = [ReportExportEntity];

@Module({
  imports: [TypeOrmModule.forFeature(REPORTS_ENTITIES), AggregationModule, AuthModule, CampaignsModule, InstrumentsModule, RegistryModule],
  providers: [ReportsService],
  exports: [ReportsService],
})
export class ReportsModule {}
