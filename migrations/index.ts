import { Foundation1763800000000 } from './1763800000000-foundation';
import { Registry1795324481656 } from './1795324481656-registry';
import { DisciplineRecords1795324507124 } from './1795324507124-discipline-records';
import { Instruments1795325084153 } from './1795325084153-instruments';
import { Campaigns1795325303655 } from './1795325303655-campaigns';
import { Responses1795326387676 } from './1795326387676-responses';
import { Snapshots1795400000000 } from './1795400000000-snapshots';
import { PeerRatingTally1795400000001 } from './1795400000001-peer-rating-tally';
import { ReportExports1795400000002 } from './1795400000002-report-exports';
import { CommentDecisions1795400000003 } from './1795400000003-comment-decisions';
import { JudgeAccounts1795400000004 } from './1795400000004-judge-accounts';

/** Every migration, oldest first. The CLI runs them as the schema owner. */
export const MIGRATIONS = [Foundation1763800000000, Registry1795324481656, DisciplineRecords1795324507124, Instruments1795325084153, Campaigns1795325303655, Responses1795326387676, Snapshots1795400000000, PeerRatingTally1795400000001, ReportExports1795400000002, CommentDecisions1795400000003, JudgeAccounts1795400000004];
