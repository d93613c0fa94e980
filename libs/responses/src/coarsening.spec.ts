import fc from 'fast-check';
import { attributesKey, coarsenCounts, coarsenPopulation, ReportingAttributes } from './coarsening';

const person = (gender: string, ageBand: string, experienceBand: string, courtLevel: string | null, regionCode: string): ReportingAttributes => ({
  gender,
  ageBand,
  experienceBand,
  courtLevel,
  regionCode,
});

describe('coarsenPopulation', () => {
  it('keeps common combinations whole and drops the court level, then the experience band, of rare ones', () => {
    const population = [
      ...Array.from({ length: 6 }, () => person('f', '35-44', '5-9', 'district', 'almaty')),
      ...Array.from({ length: 3 }, () => person('f', '35-44', '10-19', 'district', 'almaty')),
      ...Array.from({ length: 2 }, () => person('f', '35-44', '10-19', 'regional', 'almaty')),
      ...Array.from({ length: 5 }, () => person('m', '55-plus', '20-plus', 'supreme', 'astana')),
    ];
    const stored = coarsenPopulation(population, 5);
    expect(stored.get('f|35-44|5-9|district|almaty')).toEqual(person('f', '35-44', '5-9', 'district', 'almaty'));
    // 3 + 2 people share gender, age, experience and region once the court level is dropped.
    expect(stored.get('f|35-44|10-19|district|almaty')).toEqual({ ...person('f', '35-44', '10-19', null, 'almaty') });
    expect(stored.get('f|35-44|10-19|regional|almaty')).toEqual({ ...person('f', '35-44', '10-19', null, 'almaty') });
    expect(stored.get('m|55-plus|20-plus|supreme|astana')).toEqual(person('m', '55-plus', '20-plus', 'supreme', 'astana'));
  });

  it('never leaves anyone alone with no attribute: the smallest group joins them', () => {
    const population = [...Array.from({ length: 6 }, () => person('f', '35-44', '5-9', 'district', 'almaty')), person('m', '55-plus', '20-plus', 'supreme', 'astana')];
    const stored = coarsenPopulation(population, 5);
    const nothing = { gender: null, ageBand: null, experienceBand: null, courtLevel: null, regionCode: null };
    expect(stored.get('m|55-plus|20-plus|supreme|astana')).toEqual(nothing);
    expect(stored.get('f|35-44|5-9|district|almaty')).toEqual(nothing);
  });

  const attribute = (values: string[]) => fc.constantFrom(...values);
  const someone = fc.record({
    gender: attribute(['f', 'm']),
    ageBand: attribute(['under-35', '35-44', '45-54', '55-plus']),
    experienceBand: attribute(['under-5', '5-9', '10-19', '20-plus']),
    courtLevel: fc.constantFrom('district', 'regional', 'supreme', null),
    regionCode: attribute(['almaty', 'astana', 'abai', 'ulytau', 'shymkent']),
  });

  it('coarsens a population given as counts exactly as person by person', () => {
    fc.assert(
      fc.property(fc.array(fc.tuple(someone, fc.integer({ min: 1, max: 8 })), { minLength: 1, maxLength: 60 }), fc.integer({ min: 3, max: 10 }), (counted, k) => {
        const people = counted.flatMap(([attributes, count]) => Array.from({ length: count }, () => attributes));
        const byCounts = coarsenCounts(
          counted.map(([attributes, count]) => ({ attributes, count })),
          k,
        );
        expect(byCounts).toEqual(coarsenPopulation(people, k));
      }),
      { numRuns: 150 },
    );
  });

  it('gives every stored combination at least k people, whatever the population', () => {
    fc.assert(
      fc.property(fc.array(someone, { minLength: 5, maxLength: 400 }), fc.integer({ min: 3, max: 10 }), (population, k) => {
        const stored = coarsenPopulation(population, k);
        const groups = new Map<string, number>();
        for (const p of population) {
          const key = attributesKey(stored.get(attributesKey(p))!);
          groups.set(key, (groups.get(key) ?? 0) + 1);
        }
        const fullyHidden = attributesKey({ gender: null, ageBand: null, experienceBand: null, courtLevel: null, regionCode: null });
        return [...groups].every(([key, size]) => size >= k || (key === fullyHidden && population.length < k));
      }),
      { numRuns: 150 },
    );
  });
});
