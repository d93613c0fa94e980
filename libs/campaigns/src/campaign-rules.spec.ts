import { canMove, catalogueOf, reminderTimes } from './campaign-rules';

describe('campaign rules', () => {
  it('moves only forward, one step at a time', () => {
    expect(canMove('draft', 'open')).toBe(true);
    expect(canMove('open', 'closed')).toBe(true);
    expect(canMove('closed', 'published')).toBe(true);
    expect(canMove('draft', 'closed')).toBe(false);
    expect(canMove('open', 'draft')).toBe(false);
    expect(canMove('published', 'closed')).toBe(false);
  });

  it('builds the catalogue: national, each breakdown, gender × each other', () => {
    expect(catalogueOf(['region', 'gender', 'court-level'])).toEqual([[], ['gender'], ['court-level'], ['region'], ['gender', 'court-level'], ['gender', 'region']]);
    expect(catalogueOf(['region'])).toEqual([[], ['region']]);
  });

  it('schedules reminders before the deadline and after launch, latest last', () => {
    const deadline = new Date('2026-12-20T18:00:00Z');
    expect(reminderTimes(deadline, [1, 7, 3, 30, 7], new Date('2026-12-01T00:00:00Z')).map((d) => d.toISOString())).toEqual([
      '2026-12-13T18:00:00.000Z',
      '2026-12-17T18:00:00.000Z',
      '2026-12-19T18:00:00.000Z',
    ]);
  });
});
