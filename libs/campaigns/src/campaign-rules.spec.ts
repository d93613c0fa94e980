import { canMove, catalogueOf, invitationRoundsToQueue, reminderTimes } from './campaign-rules';

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

  describe('invitation rounds queued again by reconciling', () => {
    const campaign = { launchedAt: new Date('2026-12-01T00:00:00Z'), deadline: new Date('2026-12-20T00:00:00Z'), reminderDays: [7, 2] };
    const grace = 10 * 60_000;
    const at = (iso: string) => new Date(iso);

    it('queues every round still to come for its own time', () => {
      expect(invitationRoundsToQueue(campaign, 1, at('2026-12-05T00:00:00Z'), grace)).toEqual([
        { round: 1, delayMs: 8 * 24 * 3600_000 },
        { round: 2, delayMs: 13 * 24 * 3600_000 },
      ]);
    });

    it('sends a past round again only while a non-responder lacks its mail, and only after the grace', () => {
      const afterFirstReminder = at('2026-12-14T00:00:00Z');
      expect(invitationRoundsToQueue(campaign, 0, afterFirstReminder, grace)).toEqual([
        { round: 0, delayMs: 0 },
        { round: 1, delayMs: 0 },
        { round: 2, delayMs: 4 * 24 * 3600_000 },
      ]);
      expect(invitationRoundsToQueue(campaign, 1, afterFirstReminder, grace).map((r) => r.round)).toEqual([1, 2]);
      expect(invitationRoundsToQueue(campaign, 2, afterFirstReminder, grace).map((r) => r.round)).toEqual([2]);
      expect(invitationRoundsToQueue(campaign, null, afterFirstReminder, grace).map((r) => r.round)).toEqual([2]);
      expect(invitationRoundsToQueue(campaign, 0, at('2026-12-01T00:05:00Z'), grace)).toEqual([
        { round: 1, delayMs: at('2026-12-13T00:00:00Z').getTime() - at('2026-12-01T00:05:00Z').getTime() },
        { round: 2, delayMs: at('2026-12-18T00:00:00Z').getTime() - at('2026-12-01T00:05:00Z').getTime() },
      ]);
    });
  });
});
