import { Module } from '@nestjs/common';
import { ConfigModule, DatabaseModule } from '@app/core';
import { AuthModule } from '@app/auth';
import { InstrumentsModule } from '@app/instruments';
import { RegistryModule } from '@app/registry';

/**
 * What data commands need: the evaluation connection and the domain services. Opened
 * per command, so `db:migrate` can run before the application roles exist.
 */
@Module({
  imports: [ConfigModule, DatabaseModule.forRoot({ discipline: false }), AuthModule, RegistryModule, InstrumentsModule],
})
export class DataModule {}
