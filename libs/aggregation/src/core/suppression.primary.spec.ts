import { countCellReasons, DEFAULT_THRESHOLDS, isGroupDisclosure, PrimaryReason, statisticsCellReasons, THRESHOLD_FLOORS, validateThresholds } from './suppression';

/**
 * Scenario: primary suppression with the default thresholds (count 5, mean 8).
 *
 *   counts per category   n    rule                                          primary
 *   0 0 0 0 0             0    zero cells are not sensitive                  –
 *   0 1 0 2 1             4    0 < 4 < 5                                     small-count
 *   1 1 2 1 1             6    5 ≤ 6 < 8: the count may show, not statistics small-for-statistics
 *   2 2 3 2 1            10    –                                             –
 *   0 0 0 1 9            10    9 ≥ 10 − 1: all but one in one category       group-disclosure
 *   0 0 0 10 0           10    all in one category                           group-disclosure
 *   0 0 1 1 8            10    8 < 10 − 1                                    –
 */
describe('primary suppression', () => {
  const t = DEFAULT_THRESHOLDS;

  it.each([
    [[0, 0, 0, 0, 0], []],
    [[0, 1, 0, 2, 1], [PrimaryReason.SmallCount]],
    [[1, 1, 2, 1, 1], [PrimaryReason.SmallForStatistics]],
    [[2, 2, 3, 2, 1], []],
    [[0, 0, 0, 1, 9], [PrimaryReason.GroupDisclosure]],
    [[0, 0, 0, 10, 0], [PrimaryReason.GroupDisclosure]],
    [[0, 0, 1, 1, 8], []],
  ])('statistics block %j → %j', (counts, reasons) => {
    expect(statisticsCellReasons(counts, t)).toEqual(reasons);
  });

  it('group disclosure is "all but at most one in one category"', () => {
    expect(isGroupDisclosure([0, 0])).toBe(false);
    expect(isGroupDisclosure([1])).toBe(true);
    expect(isGroupDisclosure([3, 1])).toBe(true);
    expect(isGroupDisclosure([3, 2])).toBe(false);
  });

  /**
   * Respondent counts with their register population (public): responded / not responded are
   * two categories, so a cell where all but at most one of its population responded, or did
   * not, discloses participation.
   *   n  population
   *   0  0   –                       (nobody there)
   *   0  12  participation           (nobody of 12 responded: 12 ≥ 12 − 1)
   *   3  40  small-count
   *   11 12  participation           (11 ≥ 12 − 1)
   *   10 12  –
   *   4  4   small-count, participation
   */
  it.each([
    [0, 0, []],
    [0, 12, [PrimaryReason.Participation]],
    [3, 40, [PrimaryReason.SmallCount]],
    [11, 12, [PrimaryReason.Participation]],
    [10, 12, []],
    [4, 4, [PrimaryReason.SmallCount, PrimaryReason.Participation]],
  ])('count %i of population %i → %j', (n, population, reasons) => {
    expect(countCellReasons(n, t, population)).toEqual(reasons);
  });

  it('without a population, a zero count is not sensitive', () => {
    expect(countCellReasons(0, t)).toEqual([]);
    expect(countCellReasons(7, t)).toEqual([]);
  });
});

describe('thresholds', () => {
  it('defaults to 5 / 8 / 10 / 5 with floors 3 / 5 / 10 / 3', () => {
    expect(validateThresholds()).toEqual({ count: 5, mean: 8, freeText: 10, peer: 5 });
    expect(THRESHOLD_FLOORS).toEqual({ count: 3, mean: 5, freeText: 10, peer: 3 });
    expect(validateThresholds({ count: 3, mean: 5, freeText: 10, peer: 3 })).toEqual(THRESHOLD_FLOORS);
    expect(validateThresholds({ count: 12 })).toMatchObject({ count: 12, mean: 8 });
  });

  it('refuses every value below its floor, naming each field', () => {
    expect(() => validateThresholds({ count: 2, mean: 4, freeText: 9, peer: 2 })).toThrow(
      expect.objectContaining({
        code: 'aggregation.invalid-thresholds',
        kind: 'invalid',
        problems: [
          expect.objectContaining({ field: 'count', params: { min: 3 } }),
          expect.objectContaining({ field: 'mean', params: { min: 5 } }),
          expect.objectContaining({ field: 'freeText', params: { min: 10 } }),
          expect.objectContaining({ field: 'peer', params: { min: 3 } }),
        ],
      }),
    );
  });

  it('refuses non-integers', () => {
    expect(() => validateThresholds({ count: 4.5 })).toThrow(expect.objectContaining({ problems: [expect.objectContaining({ field: 'count' })] }));
  });
});
