import { AUTH_ENTITIES } from '@app/auth';

/** Every entity of the evaluation side, for migrations and the entity/migration agreement check. */
export const EVALUATION_ENTITIES = [...AUTH_ENTITIES];
