/**
 * The Postgres layout every environment shares: one schema per domain, and two sides
 * that never see each other's data (ANONYMITY.md I).
 *
 * Migrations grant privileges to two NOLOGIN group roles. The login roles named in
 * DATABASE_EVALUATION_URL and DATABASE_DISCIPLINE_URL are made members of them by
 * `provisionDatabaseRoles`, so deployments choose their own login names.
 */
export const EVALUATION_SCHEMAS = ['auth', 'registry', 'instruments', 'campaigns', 'responses', 'aggregation', 'reports'] as const;
export type EvaluationSchema = (typeof EVALUATION_SCHEMAS)[number];

export const DISCIPLINE_SCHEMA = 'discipline';

export const ACCESS_ROLES = {
  evaluation: 'jqc_evaluation_access',
  discipline: 'jqc_discipline_access',
} as const;

/** Name of the TypeORM connection of the disciplinary side. The evaluation side uses the default one. */
export const DISCIPLINE_CONNECTION = 'discipline';
