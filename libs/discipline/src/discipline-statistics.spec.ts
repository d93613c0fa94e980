import { REGION_CODES, Sanction } from './discipline.codes';
import { shapeStatistics, StatisticsRow } from './discipline-statistics';

function row(dimension: StatisticsRow['dimension'], key: string | null, counts: Partial<Omit<StatisticsRow, 'dimension' | 'key'>>): StatisticsRow {
  return {
    dimension,
    key,
    proceedings: 0,
    decided: 0,
    closed: 0,
    appealed: 0,
    setAside: 0,
    sanctions: { warning: 0, reprimand: 0, 'removal-from-presidency': 0, dismissal: 0 },
    ...counts,
  };
}

const sanctions = (given: Partial<Record<Sanction, number>>) => ({ warning: 0, reprimand: 0, 'removal-from-presidency': 0, dismissal: 0, ...given });

describe('shapeStatistics', () => {
  it('fills every code with zeros when there is nothing', () => {
    const empty = shapeStatistics([row('total', null, {})]);
    expect(empty.byRegion.map((r) => r.regionCode)).toEqual([...REGION_CODES]);
    expect(empty.byRegion.every((r) => r.proceedings === 0)).toBe(true);
    expect(empty.byCourtLevel.map((r) => r.courtLevel)).toEqual(['district', 'regional', 'supreme']);
    expect(empty.bySanction).toHaveLength(4);
    expect(empty.byYear).toEqual([]);
    expect(empty.appeals).toEqual({ filed: 0, pending: 0, outcomes: { upheld: 0, 'set-aside': 0, withdrawn: 0 } });
  });

  it('places each group, drops groups without the attribute, and joins years of initiation and decision', () => {
    const shaped = shapeStatistics([
      row('total', null, { proceedings: 3, decided: 2, closed: 1, appealed: 1, sanctions: sanctions({ dismissal: 1 }) }),
      row('region', 'astana', { proceedings: 2, decided: 1, sanctions: sanctions({ dismissal: 1 }) }),
      row('region', 'abai', { proceedings: 1, decided: 1, closed: 1 }),
      row('sanction', 'dismissal', { proceedings: 1, appealed: 1, setAside: 1 }),
      row('sanction', null, { proceedings: 2 }),
      row('initiatedYear', '2024', { proceedings: 2 }),
      row('initiatedYear', '2025', { proceedings: 1 }),
      row('decidedYear', '2025', { proceedings: 2, decided: 2, closed: 1, sanctions: sanctions({ dismissal: 1 }) }),
      row('decidedYear', null, { proceedings: 1 }),
      row('appealOutcome', 'set-aside', { proceedings: 1 }),
      row('appealOutcome', null, { proceedings: 2 }),
    ]);
    expect(shaped.total).toEqual({ proceedings: 3, decided: 2, closed: 1, sanctions: sanctions({ dismissal: 1 }) });
    expect(shaped.byRegion.find((r) => r.regionCode === 'astana')).toEqual({ regionCode: 'astana', proceedings: 2, decided: 1, closed: 0, sanctions: sanctions({ dismissal: 1 }) });
    expect(shaped.bySanction.find((s) => s.sanction === 'dismissal')).toEqual({ sanction: 'dismissal', imposed: 1, appealed: 1, setAsideOnAppeal: 1 });
    expect(shaped.byYear).toEqual([
      { year: 2024, initiated: 2, decided: 0, closed: 0, sanctions: sanctions({}) },
      { year: 2025, initiated: 1, decided: 2, closed: 1, sanctions: sanctions({ dismissal: 1 }) },
    ]);
    expect(shaped.appeals).toEqual({ filed: 1, pending: 0, outcomes: { upheld: 0, 'set-aside': 1, withdrawn: 0 } });
  });
});
