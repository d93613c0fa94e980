import { NestFactory } from '@nestjs/core';
import { Command, CommandRunner } from 'nest-commander';
import { InstrumentService } from '@app/instruments';
import { DataModule } from '../data.module';

@Command({
  name: 'seed:instruments',
  description: 'Create the built-in questionnaires (version 1 of each) whose codes do not exist yet; safe to run on every start',
})
export class SeedInstrumentsCommand extends CommandRunner {
  async run(): Promise<void> {
    const app = await NestFactory.createApplicationContext(DataModule, { logger: ['error', 'warn'] });
    try {
      const { created, existing } = await app.get(InstrumentService).seedBuiltins();
      const parts = [created.length > 0 ? `created ${created.join(', ')}` : '', existing.length > 0 ? `already present ${existing.join(', ')}` : ''];
      console.log(`seed:instruments: ${parts.filter(Boolean).join('; ')}`);
    } finally {
      await app.close();
    }
  }
}
