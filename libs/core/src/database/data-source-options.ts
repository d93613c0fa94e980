import { DataSourceOptions } from 'typeorm';
import { AppConfig } from '../config/app-config';
import { SnakeNamingStrategy } from './snake-naming.strategy';

export type PostgresOptions = Extract<DataSourceOptions, { type: 'postgres' }>;
type EntityList = NonNullable<DataSourceOptions['entities']>;
type MigrationList = NonNullable<DataSourceOptions['migrations']>;

function postgres(url: string, applicationName: string, poolSize: number) {
  return {
    type: 'postgres' as const,
    url,
    applicationName,
    namingStrategy: new SnakeNamingStrategy(),
    synchronize: false,
    migrationsRun: false,
    // Never TypeORM's own logging: it prints query parameters, which may hold answers.
    logging: false,
    extra: { max: poolSize, connectionTimeoutMillis: 5000 },
  };
}

/** The evaluation side: surveys, responses, results. Reads and writes; owns nothing. */
export function evaluationDataSourceOptions(config: AppConfig, entities: EntityList, poolSize = 20): PostgresOptions {
  return { ...postgres(config.DATABASE_EVALUATION_URL, 'jqc-evaluation', poolSize), entities };
}

/** The disciplinary side, on its own role that has no grant on evaluation data. */
export function disciplineDataSourceOptions(config: AppConfig, entities: EntityList): PostgresOptions {
  return { ...postgres(config.DATABASE_DISCIPLINE_URL, 'jqc-discipline', 5), entities };
}

/** The schema owner: runs migrations. Used by the CLI only. */
export function ownerDataSourceOptions(config: AppConfig, entities: EntityList, migrations: MigrationList): PostgresOptions {
  return {
    ...postgres(config.DATABASE_URL, 'jqc-migrate', 2),
    entities,
    migrations,
    migrationsTableName: 'typeorm_migrations',
    migrationsTransactionMode: 'each',
  };
}
