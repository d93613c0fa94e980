import { Foundation1763800000000 } from './1763800000000-foundation';

/** Every migration, oldest first. The CLI runs them as the schema owner. */
export const MIGRATIONS = [Foundation1763800000000];
