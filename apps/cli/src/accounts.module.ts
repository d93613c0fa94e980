import { Module } from '@nestjs/common';
import { ConfigModule, DatabaseModule } from '@app/core';
import { AuthModule } from '@app/auth';

/** What account commands need: the evaluation connection and the accounts services. */
@Module({
  imports: [ConfigModule, DatabaseModule.forRoot({ discipline: false }), AuthModule],
})
export class AccountsModule {}
