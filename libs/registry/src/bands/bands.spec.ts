import { ageInYear, bandDefinitionProblems, bandOf, DEFAULT_AGE_BANDS, DEFAULT_EXPERIENCE_BANDS, fullYearsBetween, personBands } from './bands';

describe('reporting bands', () => {
  it.each([
    [34, 'under-35'],
    [35, '35-44'],
    [44, '35-44'],
    [45, '45-54'],
    [54, '45-54'],
    [55, '55-plus'],
    [90, '55-plus'],
  ])('puts age %i in %s', (age, band) => {
    expect(bandOf(DEFAULT_AGE_BANDS, age)).toBe(band);
  });

  it.each([
    [0, 'under-5'],
    [4, 'under-5'],
    [5, '5-9'],
    [9, '5-9'],
    [10, '10-19'],
    [19, '10-19'],
    [20, '20-plus'],
  ])('puts %i years of service in %s', (years, band) => {
    expect(bandOf(DEFAULT_EXPERIENCE_BANDS, years)).toBe(band);
  });

  it('counts full years, the anniversary included on its day', () => {
    expect(fullYearsBetween('2016-03-15', '2026-03-14')).toBe(9);
    expect(fullYearsBetween('2016-03-15', '2026-03-15')).toBe(10);
    expect(fullYearsBetween('2016-02-29', '2026-02-28')).toBe(9);
    expect(fullYearsBetween('2026-05-01', '2026-04-01')).toBe(0);
  });

  it('takes the age reached in the reference year from the birth year', () => {
    expect(ageInYear(1981, '2026-01-01')).toBe(45);
    expect(ageInYear(1981, '2026-12-31')).toBe(45);
  });

  it('gives both bands of a person on a date', () => {
    expect(personBands({ birthYear: 1992, serviceStart: '2021-09-01' }, '2026-08-31', DEFAULT_AGE_BANDS, DEFAULT_EXPERIENCE_BANDS)).toEqual({
      ageBand: 'under-35',
      experienceBand: 'under-5',
    });
    expect(personBands({ birthYear: 1992, serviceStart: '2021-09-01' }, '2026-09-01', DEFAULT_AGE_BANDS, DEFAULT_EXPERIENCE_BANDS).experienceBand).toBe('5-9');
  });

  it('accepts the default definitions and names the flaws of broken ones', () => {
    expect(bandDefinitionProblems(DEFAULT_AGE_BANDS)).toEqual([]);
    expect(bandDefinitionProblems(DEFAULT_EXPERIENCE_BANDS)).toEqual([]);
    const broken = {
      kind: 'age' as const,
      version: 9,
      bands: [
        { code: 'a', min: 1, max: 10, labels: DEFAULT_AGE_BANDS.bands[0].labels },
        { code: 'b', min: 12, max: 20, labels: DEFAULT_AGE_BANDS.bands[0].labels },
      ],
    };
    expect(bandDefinitionProblems(broken)).toEqual([
      'the first band must start at 0, not 1',
      'bands a and b must be contiguous',
      'the last band must be open-ended',
    ]);
  });
});
