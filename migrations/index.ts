import { Foundation1763800000000 } from './1763800000000-foundation';
import { DisciplineRecords1795324507124 } from './1795324507124-discipline-records';

/** Every migration, oldest first. The CLI runs them as the schema owner. */
export const MIGRATIONS = [Foundation1763800000000, DisciplineRecords1795324507124];
