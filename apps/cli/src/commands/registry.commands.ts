import { readFileSync, writeFileSync } from 'node:fs';
import { NestFactory } from '@nestjs/core';
import { Command, CommandRunner, Option } from 'nest-commander';
import { isLocale, Locale } from '@app/core';
import { generateSyntheticPopulation, REGISTER_KINDS, RegisterImportService, RegisterKind, RegistryRepository, writeRegisterFile } from '@app/registry';
import { DataModule } from '../data.module';

interface SyntheticFlags {
  seed: number;
  scale: number;
  date: string;
  ifEmpty?: boolean;
}

function today(): string {
  return new Date().toISOString().slice(0, 10);
}

function kindOf(value: string): RegisterKind {
  if (!(REGISTER_KINDS as string[]).includes(value)) throw new Error(`kind: must be one of ${REGISTER_KINDS.join(', ')}`);
  return value as RegisterKind;
}

abstract class SyntheticOptionsCommand extends CommandRunner {
  @Option({ flags: '--seed <n>', description: 'random seed (same seed, same register)', defaultValue: 2026 })
  parseSeed(value: string): number {
    return Number(value);
  }

  @Option({ flags: '--scale <factor>', description: 'multiplies judges and staff (benchmarks)', defaultValue: 1 })
  parseScale(value: string): number {
    const scale = Number(value);
    if (!(scale > 0 && scale <= 1000)) throw new Error('--scale: must be a number above 0 and at most 1000');
    return scale;
  }

  @Option({ flags: '--date <YYYY-MM-DD>', description: 'reference date for ages and service' })
  parseDate(value: string): string {
    if (!/^\d{4}-\d{2}-\d{2}$/.test(value)) throw new Error('--date: must be YYYY-MM-DD');
    return value;
  }
}

@Command({ name: 'registry:load-synthetic', description: 'Load a synthetic national register (flagged synthetic) into the database' })
export class LoadSyntheticCommand extends SyntheticOptionsCommand {
  @Option({ flags: '--if-empty', description: 'do nothing when the register already holds people' })
  parseIfEmpty(): boolean {
    return true;
  }

  async run(_args: string[], flags: SyntheticFlags): Promise<void> {
    const app = await NestFactory.createApplicationContext(DataModule, { logger: ['error', 'warn'] });
    try {
      if (flags.ifEmpty && !(await app.get(RegistryRepository).isEmpty())) {
        console.log('registry: holds people already, nothing to do');
        return;
      }
      const counts = await app.get(RegisterImportService).loadSynthetic({ seed: flags.seed, scale: flags.scale, referenceDate: flags.date ?? today() });
      for (const [kind, c] of Object.entries(counts)) {
        console.log(`${kind}: ${c.created} created, ${c.updated} updated, ${c.unchanged} unchanged, ${c.deactivated} deactivated`);
      }
    } finally {
      await app.close();
    }
  }
}

@Command({
  name: 'registry:generate',
  arguments: '<directory>',
  description: 'Write a synthetic national register as import files (courts, judges, staff) into a directory',
})
export class GenerateRegisterCommand extends SyntheticOptionsCommand {
  @Option({ flags: '--format <xlsx|csv>', defaultValue: 'xlsx' })
  parseFormat(value: string): string {
    if (value !== 'xlsx' && value !== 'csv') throw new Error('--format: must be xlsx or csv');
    return value;
  }

  @Option({ flags: '--lang <kk|ru|en>', defaultValue: 'kk' })
  parseLang(value: string): Locale {
    if (!isLocale(value)) throw new Error('--lang: must be kk, ru or en');
    return value;
  }

  async run([directory]: string[], flags: SyntheticFlags & { format: 'xlsx' | 'csv'; lang: Locale }): Promise<void> {
    const population = generateSyntheticPopulation({ seed: flags.seed, scale: flags.scale, referenceDate: flags.date ?? today() });
    for (const kind of REGISTER_KINDS) {
      const path = `${directory}/synthetic-${kind}.${flags.format}`;
      writeFileSync(path, await writeRegisterFile(kind, population[kind], flags.format, flags.lang));
      console.log(`wrote ${path} (${population[kind].length} rows, synthetic)`);
    }
  }
}

@Command({ name: 'registry:import', arguments: '<kind> <file>', description: 'Import a register file (courts, judges or staff; .xlsx or .csv)' })
export class ImportRegisterCommand extends CommandRunner {
  async run([kind, file]: string[]): Promise<void> {
    const registerKind = kindOf(kind);
    const app = await NestFactory.createApplicationContext(DataModule, { logger: ['error', 'warn'] });
    try {
      const result = await app
        .get(RegisterImportService)
        .import(null, registerKind, readFileSync(file), 'en', (stage, rows) => console.log(`${stage}: ${rows} rows`))
        .catch((error: { problems?: { row?: number; field: string; value?: string; reason: string }[] }) => {
          for (const p of error.problems ?? []) console.error(`row ${p.row}, ${p.field} = ${JSON.stringify(p.value)}: ${p.reason}`);
          throw error;
        });
      console.log(`${result.kind}: ${result.created} created, ${result.updated} updated, ${result.unchanged} unchanged, ${result.deactivated} deactivated`);
    } finally {
      await app.close();
    }
  }
}
