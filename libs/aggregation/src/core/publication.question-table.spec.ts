import { buildCatalogue } from './catalogue';
import { genderGapFamily } from './gender-gap';
import { questionGapEntries, questionTable } from './publication';

/**
 * Scenario: publishing one question under an audited pattern (the pattern of the question
 * release scenario: the inner gender × court-level table hidden, margins published).
 * Suppressed cells carry no number at all; gender gaps exist only where both genders'
 * cells are published (here the national gap only).
 */
describe('publishing a question table', () => {
  const catalogue = buildCatalogue([
    { name: 'gender', categories: ['f', 'm'] },
    { name: 'court-level', categories: ['district', 'supreme'] },
  ]);
  const scale = { min: 1, max: 5 };
  const microcells = [
    { cell: { gender: 'f', 'court-level': 'district' }, population: 40, distribution: [2, 3, 5, 6, 4], noAnswer: 1 },
    { cell: { gender: 'f', 'court-level': 'supreme' }, population: 20, distribution: [1, 1, 2, 3, 3], noAnswer: 0 },
    { cell: { gender: 'm', 'court-level': 'district' }, population: 36, distribution: [1, 2, 4, 6, 5], noAnswer: 0 },
    { cell: { gender: 'm', 'court-level': 'supreme' }, population: 18, distribution: [0, 0, 0, 0, 9], noAnswer: 0 },
  ];
  const suppressed = ['gender=f|court-level=district', 'gender=f|court-level=supreme', 'gender=m|court-level=district', 'gender=m|court-level=supreme'];

  it('gives statistics for published cells and null for suppressed ones', () => {
    const table = questionTable(catalogue, microcells, scale, suppressed);
    expect(table.map((row) => [row.key, row.value?.n ?? null])).toEqual([
      ['national', 57],
      ['gender=f', 30],
      ['gender=m', 27],
      ['court-level=district', 38],
      ['court-level=supreme', 19],
      ['gender=f|court-level=district', null],
      ['gender=f|court-level=supreme', null],
      ['gender=m|court-level=district', null],
      ['gender=m|court-level=supreme', null],
    ]);
    expect(table[0].value?.distribution.map((d) => d.count)).toEqual([4, 6, 11, 15, 21]);
    expect(JSON.stringify(table)).toBe(JSON.stringify(questionTable(catalogue, [...microcells].reverse(), scale, [...suppressed].reverse())));
  });

  it('reports the national gender gap only', () => {
    const entries = questionGapEntries(catalogue, microcells, scale, suppressed, { id: 'q7' });
    expect(entries.map((e) => [e.key, e.women.publishable && e.men.publishable])).toEqual([
      ['q7|national', true],
      ['q7|court-level=district', false],
      ['q7|court-level=supreme', false],
    ]);
    const family = genderGapFamily(entries);
    expect(family.map((f) => f.gap === null)).toEqual([false, true, true]);
    expect(family[0].gap!.pAdjusted).toBe(family[0].gap!.pValue);
  });
});
