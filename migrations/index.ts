import { Foundation1763800000000 } from './1763800000000-foundation';
import { Registry1795324481656 } from './1795324481656-registry';

/** Every migration, oldest first. The CLI runs them as the schema owner. */
export const MIGRATIONS = [Foundation1763800000000, Registry1795324481656];
