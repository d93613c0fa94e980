import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { AuthModule } from '@app/auth';
import { AdministrationUnitEntity } from './entities/administration-unit.entity';
import { BandDefinitionEntity } from './entities/band-definition.entity';
import { CourtEntity } from './entities/court.entity';
import { JudgeEntity } from './entities/judge.entity';
import { RegionEntity } from './entities/region.entity';
import { StaffMemberEntity } from './entities/staff-member.entity';
import { JudgeAccountsService } from './judge-accounts.service';
import { RegisterImportService } from './register-import.service';
import { RegistryRepository } from './registry.repository';

export const REGISTRY_ENTITIES = [RegionEntity, CourtEntity, AdministrationUnitEntity, JudgeEntity, StaffMemberEntity, BandDefinitionEntity];

@Module({
  imports: [TypeOrmModule.forFeature(REGISTRY_ENTITIES), AuthModule],
  providers: [RegisterImportService, RegistryRepository, JudgeAccountsService],
  exports: [RegisterImportService, RegistryRepository, JudgeAccountsService],
})
export class RegistryModule {}
