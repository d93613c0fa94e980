import { DISCIPLINE_ENTITIES } from '@app/discipline';

/**
 * The entities of the disciplinary side, for migrations and the entity/migration agreement
 * check only. This folder is the one place in the CLI allowed to import @app/discipline
 * (.dependency-cruiser.cjs); the CLI never opens the disciplinary connection.
 */
export const SCHEMA_CHECKED_DISCIPLINE_ENTITIES = [...DISCIPLINE_ENTITIES];
