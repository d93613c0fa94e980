import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { Command, CommandRunner } from 'nest-commander';
import { AppConfig, provisionDatabaseRoles } from '@app/core';
import { pendingSchemaChanges, withOwnerDataSource } from '../owner-data-source';

@Command({ name: 'db:migrate', description: 'Provision the database roles and run pending migrations, as the schema owner' })
export class MigrateCommand extends CommandRunner {
  constructor(private readonly config: AppConfig) {
    super();
  }

  async run(): Promise<void> {
    await withOwnerDataSource(this.config, async (db) => {
      await provisionDatabaseRoles(db, this.config);
      const applied = await db.runMigrations({ transaction: 'each' });
      console.log(applied.length === 0 ? 'migrations: up to date' : `migrations: applied ${applied.map((m) => m.name).join(', ')}`);
    });
  }
}

@Command({ name: 'db:revert', description: 'Revert the most recent migration' })
export class RevertCommand extends CommandRunner {
  constructor(private readonly config: AppConfig) {
    super();
  }

  async run(): Promise<void> {
    await withOwnerDataSource(this.config, (db) => db.undoLastMigration({ transaction: 'each' }));
  }
}

@Command({ name: 'db:check', description: 'Fail when the entities and the migrations disagree' })
export class CheckSchemaCommand extends CommandRunner {
  constructor(private readonly config: AppConfig) {
    super();
  }

  async run(): Promise<void> {
    const { up } = await withOwnerDataSource(this.config, pendingSchemaChanges);
    if (up.length > 0) {
      console.error(`entities and migrations disagree; a migration would need:\n${up.join(';\n')};`);
      process.exitCode = 1;
    } else {
      console.log('entities and migrations agree');
    }
  }
}

@Command({
  name: 'db:generate-migration',
  arguments: '<name>',
  description: 'Write a migration from the difference between the entities and the database (then edit it by hand)',
})
export class GenerateMigrationCommand extends CommandRunner {
  constructor(private readonly config: AppConfig) {
    super();
  }

  async run([name]: string[]): Promise<void> {
    if (!/^[A-Za-z][A-Za-z0-9]*$/.test(name)) throw new Error('name must be letters and digits, e.g. AddCampaigns');
    const { up, down } = await withOwnerDataSource(this.config, pendingSchemaChanges);
    if (up.length === 0) {
      console.log('no changes');
      return;
    }
    const timestamp = Date.now();
    const kebab = name.replace(/([a-z0-9])([A-Z])/g, '$1-$2').toLowerCase();
    const file = join(process.cwd(), 'migrations', `${timestamp}-${kebab}.ts`);
    const lines = (queries: string[]) => queries.map((q) => `    await db.query(${JSON.stringify(q)});`).join('\n');
    writeFileSync(
      file,
      `import { MigrationInterface, QueryRunner } from 'typeorm';

export class ${name}${timestamp} implements MigrationInterface {
  name = '${name}${timestamp}';

  async up(db: QueryRunner): Promise<void> {
${lines(up)}
  }

  async down(db: QueryRunner): Promise<void> {
${lines([...down].reverse())}
  }
}
`,
    );
    console.log(`wrote ${file}; name its constraints, add CHECKs and grants, and list it in migrations/index.ts`);
  }
}
