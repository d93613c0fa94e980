import {
  AppealOutcome,
  APPEAL_OUTCOMES,
  ClosureGround,
  CLOSURE_GROUNDS,
  COURT_LEVELS,
  CourtLevel,
  PROCEEDING_STAGES,
  ProceedingStage,
  REGION_CODES,
  RegionCode,
  Sanction,
  SANCTIONS,
} from './discipline.codes';

/** One group of the statistics query: which breakdown, which value, and its counts. */
export interface StatisticsRow {
  dimension: StatisticsDimension;
  key: string | null;
  proceedings: number;
  decided: number;
  closed: number;
  appealed: number;
  setAside: number;
  sanctions: Record<Sanction, number>;
}

export type StatisticsDimension = 'total' | 'region' | 'courtLevel' | 'stage' | 'sanction' | 'closureGround' | 'appealOutcome' | 'initiatedYear' | 'decidedYear';

/** Counts of one group of proceedings. */
export interface GroupCounts {
  /** Proceedings in the group. */
  proceedings: number;
  /** Of those, decided: with a sanction or with closed proceedings. */
  decided: number;
  closed: number;
  /** Decisions with each sanction. */
  sanctions: Record<Sanction, number>;
}

export interface YearCounts {
  year: number;
  /** Proceedings initiated in the year. */
  initiated: number;
  /** Decisions taken in the year, closures and sanctions among them. */
  decided: number;
  closed: number;
  sanctions: Record<Sanction, number>;
}

/**
 * The Jury's statistics, from its own records only (snapshot region and court level as the
 * Jury entered them; nothing from the evaluation side). Every code of every list appears,
 * with zero where there is nothing.
 */
export interface DisciplineStatistics {
  total: GroupCounts;
  byStage: ({ stage: ProceedingStage } & Pick<GroupCounts, 'proceedings'>)[];
  bySanction: { sanction: Sanction; imposed: number; appealed: number; setAsideOnAppeal: number }[];
  byClosureGround: { closureGround: ClosureGround; proceedings: number }[];
  byYear: YearCounts[];
  byRegion: ({ regionCode: RegionCode } & GroupCounts)[];
  byCourtLevel: ({ courtLevel: CourtLevel } & GroupCounts)[];
  appeals: { filed: number; pending: number; outcomes: Record<AppealOutcome, number> };
}

function noSanctions(): Record<Sanction, number> {
  return Object.fromEntries(SANCTIONS.map((sanction) => [sanction, 0])) as Record<Sanction, number>;
}

const EMPTY: StatisticsRow = { dimension: 'total', key: null, proceedings: 0, decided: 0, closed: 0, appealed: 0, setAside: 0, sanctions: noSanctions() };

function counts(row: StatisticsRow): GroupCounts {
  return { proceedings: row.proceedings, decided: row.decided, closed: row.closed, sanctions: { ...row.sanctions } };
}

/** Shapes the grouped rows of the statistics query into complete tables. */
export function shapeStatistics(rows: readonly StatisticsRow[]): DisciplineStatistics {
  const groups = new Map<StatisticsDimension, Map<string, StatisticsRow>>();
  for (const row of rows) {
    if (row.dimension !== 'total' && row.key === null) continue; // proceedings without this attribute, e.g. not yet decided
    const byKey = groups.get(row.dimension) ?? new Map<string, StatisticsRow>();
    byKey.set(row.key ?? '', row);
    groups.set(row.dimension, byKey);
  }
  const get = (dimension: StatisticsDimension, key: string) => groups.get(dimension)?.get(key) ?? EMPTY;

  const initiated = groups.get('initiatedYear') ?? new Map<string, StatisticsRow>();
  const decided = groups.get('decidedYear') ?? new Map<string, StatisticsRow>();
  const years = [...new Set([...initiated.keys(), ...decided.keys()])].map(Number).sort((a, b) => a - b);
  const appeal = (outcome: string) => get('appealOutcome', outcome).proceedings;

  return {
    total: counts(get('total', '')),
    byStage: PROCEEDING_STAGES.map((stage) => ({ stage, proceedings: get('stage', stage).proceedings })),
    bySanction: SANCTIONS.map((sanction) => {
      const row = get('sanction', sanction);
      return { sanction, imposed: row.proceedings, appealed: row.appealed, setAsideOnAppeal: row.setAside };
    }),
    byClosureGround: CLOSURE_GROUNDS.map((closureGround) => ({ closureGround, proceedings: get('closureGround', closureGround).proceedings })),
    byYear: years.map((year) => {
      const started = get('initiatedYear', String(year));
      const ended = get('decidedYear', String(year));
      return { year, initiated: started.proceedings, decided: ended.proceedings, closed: ended.closed, sanctions: { ...ended.sanctions } };
    }),
    byRegion: REGION_CODES.map((regionCode) => ({ regionCode, ...counts(get('region', regionCode)) })),
    byCourtLevel: COURT_LEVELS.map((courtLevel) => ({ courtLevel, ...counts(get('courtLevel', courtLevel)) })),
    appeals: {
      filed: get('total', '').appealed,
      pending: appeal('pending'),
      outcomes: Object.fromEntries(APPEAL_OUTCOMES.map((outcome) => [outcome, appeal(outcome)])) as Record<AppealOutcome, number>,
    },
  };
}
