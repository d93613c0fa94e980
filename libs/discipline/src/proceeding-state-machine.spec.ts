import fc from 'fast-check';
import {
  AppealOutcome,
  ClosureGround,
  LiabilityGround,
  PROCEEDING_STAGES,
  ProceedingDecision,
  ProceedingSource,
  ProceedingStage,
  Sanction,
  SANCTIONS,
  CLOSURE_GROUNDS,
} from './discipline.codes';
import { DisciplineErrorCode } from './discipline.errors';
import { changeStage, decideAppeal, fileAppeal, isIsoDate, nextStages, openProceeding, ProceedingState, StageChangeRequest } from './proceeding-state-machine';

const TODAY = '2025-06-30';

function state(overrides: Partial<ProceedingState> = {}): ProceedingState {
  return {
    stage: ProceedingStage.Initiated,
    initiatedOn: '2025-01-10',
    stageSince: '2025-01-10',
    decision: null,
    sanction: null,
    closureGround: null,
    decidedOn: null,
    appealFiledOn: null,
    appealOutcome: null,
    appealDecidedOn: null,
    ...overrides,
  };
}

const decided = (overrides: Partial<ProceedingState> = {}) =>
  state({
    stage: ProceedingStage.Decided,
    stageSince: '2025-03-01',
    decision: ProceedingDecision.SanctionImposed,
    sanction: Sanction.Reprimand,
    decidedOn: '2025-03-01',
    ...overrides,
  });

/** The error a call throws, for matching code, kind and problems. */
function errorOf(call: () => unknown): { code: string; kind: string; problems: { field: string; constraint?: string; params?: unknown }[]; params: Record<string, unknown> } {
  try {
    call();
  } catch (error) {
    return error as never;
  }
  throw new Error('expected an error');
}

describe('openProceeding', () => {
  const request = {
    source: ProceedingSource.Complaint,
    grounds: [LiabilityGround.LawOrEthicsBreach],
    regionCode: 'karaganda',
    courtLevel: 'district',
    initiatedOn: '2025-01-10',
  };

  it('starts at initiated on the day it was initiated', () => {
    expect(openProceeding(request, TODAY)).toEqual({
      source: 'complaint',
      grounds: ['law-or-ethics-breach'],
      regionCode: 'karaganda',
      courtLevel: 'district',
      state: state(),
    });
  });

  it.each([
    ['source', { source: 'anonymous-letter' }, 'source'],
    ['a ground', { grounds: ['law-or-ethics-breach', 'rudeness'] }, 'grounds.1'],
    ['the region', { regionCode: 'almaty-city' }, 'regionCode'],
    ['the court level', { courtLevel: 'appeal' }, 'courtLevel'],
  ])('refuses an unknown %s, naming the field and the accepted values', (_what, change, field) => {
    const error = errorOf(() => openProceeding({ ...request, ...change }, TODAY));
    expect(error).toMatchObject({ code: DisciplineErrorCode.InvalidValue, kind: 'invalid', problems: [{ field, constraint: 'isIn' }] });
  });

  it('lists the accepted values of a refused region, all twenty', () => {
    const error = errorOf(() => openProceeding({ ...request, regionCode: 'baikonur' }, TODAY));
    expect(String(error.params.values).split(', ')).toHaveLength(20);
  });

  it('needs at least one ground and refuses repeated ones', () => {
    expect(errorOf(() => openProceeding({ ...request, grounds: [] }, TODAY))).toMatchObject({
      code: DisciplineErrorCode.FieldRequired,
      problems: [{ field: 'grounds', constraint: 'isDefined' }],
    });
    expect(errorOf(() => openProceeding({ ...request, grounds: ['law-or-ethics-breach', 'law-or-ethics-breach'] }, TODAY))).toMatchObject({
      code: DisciplineErrorCode.InvalidValue,
      problems: [{ field: 'grounds', constraint: 'duplicate' }],
    });
  });

  it('refuses a start date in the future or that is no calendar date', () => {
    expect(errorOf(() => openProceeding({ ...request, initiatedOn: '2025-07-01' }, TODAY))).toMatchObject({
      code: DisciplineErrorCode.DateInFuture,
      problems: [{ field: 'initiatedOn', constraint: 'notInFuture', params: { max: TODAY } }],
    });
    expect(errorOf(() => openProceeding({ ...request, initiatedOn: '2025-02-30' }, TODAY))).toMatchObject({
      code: DisciplineErrorCode.InvalidDate,
      problems: [{ field: 'initiatedOn' }],
    });
  });
});

describe('changeStage', () => {
  const move = (from: ProceedingState, request: Partial<StageChangeRequest>) => changeStage(from, { to: 'referred', effectiveOn: '2025-02-01', ...request }, TODAY);

  it('walks initiated → referred → preliminary examination → hearing → decided with a sanction', () => {
    let current = state();
    const path: [ProceedingStage, Partial<StageChangeRequest>][] = [
      [ProceedingStage.Referred, { effectiveOn: '2025-01-20' }],
      [ProceedingStage.PreliminaryExamination, { effectiveOn: '2025-02-01' }],
      [ProceedingStage.Hearing, { effectiveOn: '2025-03-01' }],
      [ProceedingStage.Decided, { effectiveOn: '2025-03-01', decision: 'sanction-imposed', sanction: 'warning' }],
    ];
    for (const [to, request] of path) current = { ...current, ...move(current, { to, ...request }) };
    expect(current).toEqual(
      state({
        stage: ProceedingStage.Decided,
        stageSince: '2025-03-01',
        decision: ProceedingDecision.SanctionImposed,
        sanction: Sanction.Warning,
        decidedOn: '2025-03-01',
      }),
    );
  });

  it.each(PROCEEDING_STAGES.filter((stage) => stage !== ProceedingStage.Decided))('lets a proceeding at %s be closed with a closure ground', (stage) => {
    expect(move(state({ stage }), { to: 'decided', decision: 'proceedings-closed', closureGround: 'time-limit-expired' })).toEqual({
      stage: ProceedingStage.Decided,
      stageSince: '2025-02-01',
      decision: ProceedingDecision.ProceedingsClosed,
      sanction: null,
      closureGround: ClosureGround.TimeLimitExpired,
      decidedOn: '2025-02-01',
    });
  });

  it('refuses skipping a stage, naming the field and the next stages (409)', () => {
    const error = errorOf(() => move(state(), { to: 'hearing' }));
    expect(error).toMatchObject({
      code: DisciplineErrorCode.TransitionNotAllowed,
      kind: 'conflict',
      params: { from: 'initiated', to: 'hearing', allowed: 'referred, decided' },
      problems: [{ field: 'to', constraint: 'nextStage', params: { allowed: 'referred, decided' } }],
    });
  });

  it('refuses going back and staying put', () => {
    expect(errorOf(() => move(state({ stage: ProceedingStage.Hearing }), { to: 'referred' }))).toMatchObject({ code: DisciplineErrorCode.TransitionNotAllowed });
    expect(errorOf(() => move(state({ stage: ProceedingStage.Referred }), { to: 'referred' }))).toMatchObject({ code: DisciplineErrorCode.TransitionNotAllowed });
  });

  it('refuses any change of a decided proceeding', () => {
    expect(errorOf(() => move(decided(), { to: 'hearing' }))).toMatchObject({
      code: DisciplineErrorCode.AlreadyDecided,
      kind: 'conflict',
      problems: [{ field: 'to', constraint: 'finalStage', params: { from: 'decided' } }],
    });
  });

  it('imposes a sanction only after a hearing', () => {
    expect(errorOf(() => move(state({ stage: ProceedingStage.PreliminaryExamination }), { to: 'decided', decision: 'sanction-imposed', sanction: 'dismissal' }))).toMatchObject({
      code: DisciplineErrorCode.SanctionNeedsHearing,
      kind: 'conflict',
      problems: [{ field: 'decision', constraint: 'needsHearing' }],
    });
  });

  it.each([
    ['the decision', {}, 'decision'],
    ['the sanction of a sanction decision', { decision: 'sanction-imposed' }, 'sanction'],
    ['the closure ground of a closure', { decision: 'proceedings-closed' }, 'closureGround'],
  ])('requires %s when deciding', (_what, request, field) => {
    const error = errorOf(() => move(state({ stage: ProceedingStage.Hearing }), { to: 'decided', ...request }));
    expect(error).toMatchObject({ code: DisciplineErrorCode.FieldRequired, kind: 'invalid', params: { field, to: 'decided' }, problems: [{ field, constraint: 'isDefined' }] });
  });

  it.each([
    ['a sanction with a closure', { decision: 'proceedings-closed', closureGround: 'minor-offence', sanction: 'warning' }, ['sanction']],
    ['a closure ground with a sanction', { decision: 'sanction-imposed', sanction: 'warning', closureGround: 'minor-offence' }, ['closureGround']],
  ])('refuses %s', (_what, request, fields) => {
    const error = errorOf(() => move(state({ stage: ProceedingStage.Hearing }), { to: 'decided', ...request }));
    expect(error).toMatchObject({ code: DisciplineErrorCode.FieldNotApplicable, problems: fields.map((field) => ({ field, constraint: 'notApplicable' })) });
  });

  it('refuses a decision, sanction or closure ground on a move that is not a decision, naming each', () => {
    const error = errorOf(() => move(state(), { to: 'referred', sanction: 'warning', closureGround: 'minor-offence' }));
    expect(error).toMatchObject({ code: DisciplineErrorCode.FieldNotApplicable, problems: [{ field: 'sanction' }, { field: 'closureGround' }] });
  });

  it.each([
    ['stage', { to: 'appeal' }, 'to'],
    ['decision', { to: 'decided', decision: 'acquitted' }, 'decision'],
    ['sanction', { to: 'decided', decision: 'sanction-imposed', sanction: 'fine' }, 'sanction'],
    ['closure ground', { to: 'decided', decision: 'proceedings-closed', closureGround: 'pardon' }, 'closureGround'],
  ])('refuses an unknown %s before anything else, naming the field (400)', (_what, request, field) => {
    const error = errorOf(() => move(decided(), request));
    expect(error).toMatchObject({ code: DisciplineErrorCode.InvalidValue, kind: 'invalid', params: { field }, problems: [{ field, constraint: 'isIn' }] });
  });

  it('names every accepted sanction and closure ground when refusing one', () => {
    const sanction = errorOf(() => move(state({ stage: ProceedingStage.Hearing }), { to: 'decided', decision: 'sanction-imposed', sanction: 'Warning' }));
    expect(sanction.params.values).toBe(SANCTIONS.join(', '));
    const ground = errorOf(() => move(state({ stage: ProceedingStage.Hearing }), { to: 'decided', decision: 'proceedings-closed', closureGround: '' }));
    expect(ground.params.values).toBe(CLOSURE_GROUNDS.join(', '));
  });

  it('refuses a date before the current stage began, or in the future', () => {
    const current = state({ stage: ProceedingStage.Referred, stageSince: '2025-02-01' });
    expect(errorOf(() => move(current, { to: 'preliminary-examination', effectiveOn: '2025-01-31' }))).toMatchObject({
      code: DisciplineErrorCode.DateOutOfOrder,
      problems: [{ field: 'effectiveOn', constraint: 'notBefore', params: { min: '2025-02-01' } }],
    });
    expect(errorOf(() => move(current, { to: 'preliminary-examination', effectiveOn: '2025-07-01' }))).toMatchObject({ code: DisciplineErrorCode.DateInFuture });
    expect(move(current, { to: 'preliminary-examination', effectiveOn: '2025-02-01' })).toMatchObject({ stageSince: '2025-02-01' });
  });

  it('never leaves a proceeding in a state the database would refuse (property)', () => {
    const text = fc.oneof(fc.constantFrom<string | undefined>(undefined, null as never, ...PROCEEDING_STAGES, ...SANCTIONS, ...CLOSURE_GROUNDS, 'sanction-imposed', 'proceedings-closed'), fc.string());
    fc.assert(
      fc.property(fc.constantFrom(...PROCEEDING_STAGES), text, text, text, text, (stage, to, decision, sanction, closureGround) => {
        const current = stage === ProceedingStage.Decided ? decided() : state({ stage });
        let changes;
        try {
          changes = changeStage(current, { to: to ?? '', decision, sanction, closureGround, effectiveOn: '2025-04-01' }, TODAY);
        } catch (error) {
          expect((error as { code: string }).code).toMatch(/^discipline\./);
          return;
        }
        const after = { ...current, ...changes };
        expect(nextStages(current.stage)).toContain(after.stage);
        expect(after.stage === ProceedingStage.Decided).toBe(after.decision !== null);
        expect(after.sanction !== null).toBe(after.decision === ProceedingDecision.SanctionImposed);
        expect(after.closureGround !== null).toBe(after.decision === ProceedingDecision.ProceedingsClosed);
        if (after.sanction !== null) expect(current.stage).toBe(ProceedingStage.Hearing);
      }),
    );
  });
});

describe('appeals', () => {
  it('records an appeal against a decision, then its outcome', () => {
    const filed = { ...decided(), ...fileAppeal(decided(), '2025-03-15', TODAY) };
    expect(filed.appealFiledOn).toBe('2025-03-15');
    expect(decideAppeal(filed, 'upheld', '2025-05-01', TODAY)).toEqual({ appealOutcome: AppealOutcome.Upheld, appealDecidedOn: '2025-05-01' });
  });

  it('refuses an appeal before the decision, and a second appeal', () => {
    expect(errorOf(() => fileAppeal(state({ stage: ProceedingStage.Hearing }), '2025-03-15', TODAY))).toMatchObject({
      code: DisciplineErrorCode.AppealNotAllowed,
      kind: 'conflict',
      problems: [{ field: 'stage', constraint: 'mustBeDecided' }],
    });
    expect(errorOf(() => fileAppeal(decided({ appealFiledOn: '2025-03-15' }), '2025-03-16', TODAY))).toMatchObject({
      code: DisciplineErrorCode.AppealAlreadyFiled,
      problems: [{ field: 'appeal', constraint: 'alreadyRecorded' }],
    });
  });

  it('refuses an appeal dated before the decision', () => {
    expect(errorOf(() => fileAppeal(decided(), '2025-02-28', TODAY))).toMatchObject({
      code: DisciplineErrorCode.DateOutOfOrder,
      problems: [{ field: 'filedOn', params: { min: '2025-03-01' } }],
    });
  });

  it('refuses an outcome without an appeal, a second outcome and an unknown outcome', () => {
    expect(errorOf(() => decideAppeal(decided(), 'upheld', '2025-05-01', TODAY))).toMatchObject({ code: DisciplineErrorCode.AppealNotFiled });
    const done = decided({ appealFiledOn: '2025-03-15', appealOutcome: AppealOutcome.SetAside, appealDecidedOn: '2025-04-01' });
    expect(errorOf(() => decideAppeal(done, 'upheld', '2025-05-01', TODAY))).toMatchObject({
      code: DisciplineErrorCode.AppealAlreadyDecided,
      problems: [{ field: 'outcome', constraint: 'alreadyRecorded' }],
    });
    expect(errorOf(() => decideAppeal(decided({ appealFiledOn: '2025-03-15' }), 'annulled', '2025-05-01', TODAY))).toMatchObject({
      code: DisciplineErrorCode.InvalidValue,
      problems: [{ field: 'outcome', constraint: 'isIn', params: { values: 'upheld, set-aside, withdrawn' } }],
    });
  });

  it('refuses an outcome dated before the appeal', () => {
    expect(errorOf(() => decideAppeal(decided({ appealFiledOn: '2025-03-15' }), 'withdrawn', '2025-03-14', TODAY))).toMatchObject({
      code: DisciplineErrorCode.DateOutOfOrder,
      problems: [{ field: 'decidedOn' }],
    });
  });
});

describe('isIsoDate', () => {
  it.each([
    ['2024-02-29', true],
    ['2025-02-29', false],
    ['2025-1-01', false],
    ['2025-01-01T00:00:00Z', false],
    [20250101, false],
  ])('%s → %s', (value, expected) => {
    expect(isIsoDate(value)).toBe(expected);
  });
});
