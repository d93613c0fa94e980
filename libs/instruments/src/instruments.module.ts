import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { AuthModule } from '@app/auth';
import { InstrumentVersionEntity } from './entities/instrument-version.entity';
import { InstrumentEntity } from './entities/instrument.entity';
import { InstrumentVersionRepository } from './instrument-version.repository';
import { InstrumentRepository } from './instrument.repository';
import { InstrumentService } from './instrument.service';

export const INSTRUMENTS_ENTITIES = [InstrumentEntity, InstrumentVersionEntity];

@Module({
  imports: [TypeOrmModule.forFeature(INSTRUMENTS_ENTITIES), AuthModule],
  providers: [InstrumentService, InstrumentRepository, InstrumentVersionRepository],
  exports: [InstrumentService],
})
export class InstrumentsModule {}
