import { Breakdown, buildCatalogue, catalogueCells, resolveTableRequest, validateCampaignCatalogue } from './catalogue';

/**
 * Scenario: the fixed catalogue and public attack test 2 (tracker). A campaign with the five
 * breakdowns gets exactly: national; the five one-way tables; gender × each of the other four.
 * Anything else is refused: an unknown table, a free filter, a negation.
 */
describe('the table catalogue', () => {
  const catalogue = buildCatalogue([
    { name: Breakdown.Gender, categories: ['f', 'm'] },
    { name: Breakdown.AgeBand, categories: ['25-34', '35-44', '45-54', '55-64', '65+'] },
    { name: Breakdown.ExperienceBand, categories: ['0-4', '5-9', '10-14', '15-19', '20+'] },
    { name: Breakdown.CourtLevel, categories: ['district', 'regional', 'supreme'] },
    { name: Breakdown.Region, categories: ['abai', 'almaty', 'astana'] },
  ]);

  it('has the fixed tables, region crossed with gender only', () => {
    expect(catalogue.tables.map((t) => t.id)).toEqual([
      'national',
      'gender',
      'age-band',
      'experience-band',
      'court-level',
      'region',
      'gender.age-band',
      'gender.experience-band',
      'gender.court-level',
      'gender.region',
    ]);
  });

  it('has stable cell keys, variables in catalogue order', () => {
    const keys = catalogueCells(catalogue).map((c) => c.key);
    expect(keys).toContain('national');
    expect(keys).toContain('region=almaty');
    expect(keys).toContain('gender=f|region=almaty');
    expect(keys).not.toContain('region=almaty|gender=f');
    expect(new Set(keys).size).toBe(keys.length);
  });

  it('resolves a catalogue table and one of its cells', () => {
    expect(resolveTableRequest(catalogue, { table: 'gender.region' }).table.variables).toEqual(['gender', 'region']);
    expect(resolveTableRequest(catalogue, { table: 'gender.region', cell: 'gender=f|region=abai' }).cell?.assignment).toEqual({ gender: 'f', region: 'abai' });
  });

  it.each([
    ['a table that is not in the catalogue', { table: 'region.court-level' }, 'aggregation.table-not-in-catalogue'],
    ['a three-way table', { table: 'gender.court-level.region' }, 'aggregation.table-not-in-catalogue'],
    ['a tracker filter', { table: 'region', filter: { 'age-band': '25-34' } }, 'aggregation.filter-not-allowed'],
    ['a filter hidden in the cell', { table: 'region', cell: 'region=almaty|age-band=25-34' }, 'aggregation.filter-not-allowed'],
    ['a where clause', { table: 'national', where: 'court-level = supreme' }, 'aggregation.filter-not-allowed'],
    ['an "all except" field', { table: 'region', except: ['almaty'] }, 'aggregation.negation-not-allowed'],
    ['an exclusion field', { table: 'gender.region', exclude: 'region=almaty' }, 'aggregation.negation-not-allowed'],
    ['a negated cell', { table: 'region', cell: 'region!=almaty' }, 'aggregation.negation-not-allowed'],
    ['a negated table', { table: 'not region' }, 'aggregation.negation-not-allowed'],
    ['not an object', 'region', 'aggregation.table-not-in-catalogue'],
  ])('refuses %s', (_case, request, code) => {
    expect(() => resolveTableRequest(catalogue, request)).toThrow(expect.objectContaining({ code, kind: 'forbidden' }));
  });

  it('refuses catalogues that break the product rules', () => {
    const variables = catalogue.variables;
    const withTable = (id: string, vars: string[]) => ({ variables, tables: [...catalogue.tables, { id, variables: vars }] });
    expect(() => validateCampaignCatalogue(withTable('court-level.region', ['court-level', 'region']))).toThrow(expect.objectContaining({ code: 'aggregation.invalid-catalogue' }));
    expect(() => validateCampaignCatalogue(withTable('gender.court-level.region', ['gender', 'court-level', 'region']))).toThrow(expect.objectContaining({ code: 'aggregation.invalid-catalogue' }));
    expect(() => validateCampaignCatalogue({ variables, tables: catalogue.tables.filter((t) => t.id !== 'region') })).toThrow(expect.objectContaining({ code: 'aggregation.invalid-catalogue' }));
    expect(() => buildCatalogue([{ name: 'region', categories: ['a|b'] }, { name: 'gender', categories: ['f'] }])).toThrow(expect.objectContaining({ code: 'aggregation.invalid-catalogue' }));
  });
});
