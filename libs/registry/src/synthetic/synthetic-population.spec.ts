import { fullYearsBetween } from '../bands/bands';
import { REGION_CODES } from '../reference/regions';
import { apportion, generateSyntheticPopulation, NATIONAL_FIGURES } from './synthetic-population';

const REFERENCE = '2026-11-01';

describe('synthetic national register', () => {
  const population = generateSyntheticPopulation({ seed: 2026, scale: 1, referenceDate: REFERENCE });
  const courtLevel = new Map(population.courts.map((c) => [c.code, c.level]));

  it('covers the 20 territorial units with about 320 courts at three levels', () => {
    expect(new Set(population.courts.map((c) => c.regionCode))).toEqual(new Set(REGION_CODES));
    expect(population.courts.length).toBeGreaterThanOrEqual(300);
    expect(population.courts.length).toBeLessThanOrEqual(340);
    expect(population.courts.filter((c) => c.level === 'supreme')).toHaveLength(1);
    expect(population.courts.filter((c) => c.level === 'regional')).toHaveLength(21);
    expect(new Set(population.courts.map((c) => c.specialisation))).toEqual(new Set(['general', 'economic', 'administrative', 'criminal', 'juvenile', 'military']));
  });

  it('has 2,235 judges split 60 / 449 / 1,726 by level, women at 47 / 45 / 55 %', () => {
    expect(population.judges).toHaveLength(2235);
    for (const level of ['supreme', 'regional', 'district'] as const) {
      const judges = population.judges.filter((j) => courtLevel.get(j.courtCode) === level);
      expect(judges).toHaveLength(NATIONAL_FIGURES.judges[level]);
      const women = judges.filter((j) => j.gender === 'f').length / judges.length;
      expect(Math.abs(women - NATIONAL_FIGURES.womenShareOfJudges[level])).toBeLessThan(0.01);
    }
  });

  it('has 6,000 staff, women at 67 % overall and 56.4 % of senior posts', () => {
    expect(population.staff).toHaveLength(6000);
    const women = population.staff.filter((s) => s.gender === 'f').length / 6000;
    expect(Math.abs(women - 0.67)).toBeLessThan(0.005);
    const seniors = population.staff.filter((s) => s.category === 'senior');
    expect(Math.abs(seniors.filter((s) => s.gender === 'f').length / seniors.length - 0.564)).toBeLessThan(0.005);
    expect(population.staff.every((s) => (s.courtCode === null) !== (s.unitCode === null))).toBe(true);
  });

  it('gives every person plausible, consistent dates', () => {
    for (const judge of population.judges) {
      const age = 2026 - judge.birthYear;
      expect(age).toBeGreaterThanOrEqual(27);
      expect(age).toBeLessThanOrEqual(68);
      expect(judge.appointmentDate < REFERENCE).toBe(true);
      expect(Number(judge.appointmentDate.slice(0, 4)) - judge.birthYear).toBeGreaterThanOrEqual(25);
    }
    for (const member of population.staff) {
      expect(member.hireDate < REFERENCE).toBe(true);
      expect(Number(member.hireDate.slice(0, 4)) - member.birthYear).toBeGreaterThanOrEqual(20);
      expect(fullYearsBetween(member.hireDate, REFERENCE)).toBeLessThanOrEqual(45);
    }
  });

  it('has one court president per court with more than one judge, and unique personnel numbers', () => {
    const presidents = population.judges.filter((j) => j.position === 'court-president');
    expect(new Set(presidents.map((p) => p.courtCode)).size).toBe(presidents.length);
    const all = [...population.judges, ...population.staff].map((p) => p.personnelNumber);
    expect(new Set(all).size).toBe(all.length);
  });

  it('is deterministic from its seed and changes with it', () => {
    expect(generateSyntheticPopulation({ seed: 2026, scale: 1, referenceDate: REFERENCE })).toEqual(population);
    expect(generateSyntheticPopulation({ seed: 7, scale: 1, referenceDate: REFERENCE }).judges[0]).not.toEqual(population.judges[0]);
  });

  it('keeps exact totals at small scales too', () => {
    const small = generateSyntheticPopulation({ seed: 1, scale: 0.02, referenceDate: REFERENCE });
    expect(small.judges).toHaveLength(1 + 9 + 35);
    expect(small.staff).toHaveLength(120);
  });

  it('scales people, not courts', () => {
    const tenfold = generateSyntheticPopulation({ seed: 1, scale: 10, referenceDate: REFERENCE });
    expect(tenfold.judges).toHaveLength(22350);
    expect(tenfold.staff).toHaveLength(60000);
    expect(tenfold.courts).toHaveLength(population.courts.length);
  });
});

describe('apportion', () => {
  it('splits a total exactly by largest remainder with a minimum', () => {
    expect(apportion(10, [1, 1, 1])).toEqual([4, 3, 3]);
    expect(apportion(10, [8, 1, 1], 2)).toEqual([5, 3, 2]);
    expect(apportion(7, [0.5, 0.25, 0.25]).reduce((a, b) => a + b)).toBe(7);
  });
});
