import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { AggregationModule } from '@app/aggregation';
import { AuthModule } from '@app/auth';
import { CampaignsModule } from '@app/campaigns';
import { InstrumentsModule } from '@app/instruments';
import { RegistryModule } from '@app/registry';
import { ResponsesModule } from '@app/responses';
import { CommentDecisionEntity } from './entities/comment-decision.entity';
import { ReportExportEntity } from './entities/report-export.entity';
import { CommentsService } from './comments.service';
import { ReportsService } from './reports.service';

export const REPORTS_ENTITIES = [ReportExportEntity, CommentDecisionEntity];

@Module({
  imports: [TypeOrmModule.forFeature(REPORTS_ENTITIES), AggregationModule, AuthModule, CampaignsModule, InstrumentsModule, RegistryModule, ResponsesModule],
  providers: [ReportsService, CommentsService],
  exports: [ReportsService, CommentsService],
})
export class ReportsModule {}
