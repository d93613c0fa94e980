import { Module } from '@nestjs/common';
import { ConfigModule, DatabaseModule } from '@app/core';
import { InstrumentsModule } from '@app/instruments';

/** What instrument commands need: the evaluation connection and the instruments services. */
@Module({
  imports: [ConfigModule, DatabaseModule.forRoot({ discipline: false }), InstrumentsModule],
})
export class InstrumentsContextModule {}
