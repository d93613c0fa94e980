import { Module } from '@nestjs/common';
import { ConfigModule } from '@app/core';
import { CheckSchemaCommand, GenerateMigrationCommand, MigrateCommand, RevertCommand } from './commands/db.commands';
import { SeedInstrumentsCommand } from './commands/instrument.commands';
import { MailCatcherCommand } from './commands/mail-catcher.command';
import { VerifyResultsCommand } from './commands/results.commands';
import { GenerateRegisterCommand, ImportRegisterCommand, LoadSyntheticCommand } from './commands/registry.commands';
import { CreateUserCommand, LinkJudgeCommand, SeedDemoCommand } from './commands/user.commands';

/** Commands open their own connections, so `db:migrate` works before the application roles exist. */
@Module({
  imports: [ConfigModule],
  providers: [
    MigrateCommand,
    RevertCommand,
    CheckSchemaCommand,
    GenerateMigrationCommand,
    SeedDemoCommand,
    SeedInstrumentsCommand,
    CreateUserCommand,
    LinkJudgeCommand,
    LoadSyntheticCommand,
    GenerateRegisterCommand,
    ImportRegisterCommand,
    MailCatcherCommand,
    VerifyResultsCommand,
  ],
})
export class CliModule {}
