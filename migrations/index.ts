import { Foundation1763800000000 } from './1763800000000-foundation';
import { Instruments1795325084153 } from './1795325084153-instruments';

/** Every migration, oldest first. The CLI runs them as the schema owner. */
export const MIGRATIONS = [Foundation1763800000000, Instruments1795325084153];
