import { AuditLogService } from '@app/auth';
import { DisciplineClock } from './discipline-clock';
import { DisciplineErrorCode } from './discipline.errors';
import { HistoryEvent } from './entities/proceeding-history.entity';
import { ProceedingEntity } from './entities/proceeding.entity';
import { PlannedChange, ProceedingRepository } from './proceeding.repository';
import { ProceedingService } from './proceeding.service';

const actor = { userId: '7d3c1c1e-2f4b-4c55-9a43-0b6a3f1d2e10', login: 'jury' };
const id = '0f8e2b6a-5c1d-4e3f-8a9b-1c2d3e4f5a6b';

function hearing(): ProceedingEntity {
  return {
    id,
    judgeId: '9b1deb4d-3b7d-4bad-9bdd-2b0d7b3dcb6d',
    reference: null,
    source: 'complaint',
    grounds: ['law-or-ethics-breach'],
    summary: null,
    regionCode: 'astana',
    courtLevel: 'regional',
    initiatedOn: '2025-01-10',
    stage: 'hearing',
    stageSince: '2025-03-01',
    decision: null,
    sanction: null,
    closureGround: null,
    decidedOn: null,
    appealFiledOn: null,
    appealOutcome: null,
    appealDecidedOn: null,
    createdAt: new Date(0),
    updatedAt: new Date(0),
  } as ProceedingEntity;
}

function service(current = hearing()) {
  const planned: PlannedChange[] = [];
  const repository = {
    update: jest.fn(async (_id: string, plan: (row: ProceedingEntity) => PlannedChange) => {
      const change = plan(current);
      planned.push(change);
      return { ...current, ...change.changes };
    }),
    insert: jest.fn(async (row: Partial<ProceedingEntity>) => ({ ...hearing(), ...row, id })),
    findById: jest.fn(async () => current),
    historyOf: jest.fn(async () => []),
  } as unknown as ProceedingRepository;
  const audit = { record: jest.fn() } as unknown as AuditLogService;
  const clock = { today: () => '2025-06-30' } as DisciplineClock;
  return { proceedings: new ProceedingService(repository, audit, clock), repository, audit, planned };
}

describe('ProceedingService', () => {
  it('decides with a sanction: applies the change, appends the event with the actor, and audits the proceeding id only', async () => {
    const { proceedings, planned, audit } = service();
    await proceedings.changeStage(actor, id, { to: 'decided', decision: 'sanction-imposed', sanction: 'reprimand', effectiveOn: '2025-04-02', note: 'hearing of 2 April' });
    expect(planned).toEqual([
      {
        changes: { stage: 'decided', stageSince: '2025-04-02', decision: 'sanction-imposed', sanction: 'reprimand', closureGround: null, decidedOn: '2025-04-02' },
        event: {
          event: HistoryEvent.StageChanged,
          fromStage: 'hearing',
          stage: 'decided',
          decision: 'sanction-imposed',
          sanction: 'reprimand',
          closureGround: null,
          appealOutcome: null,
          effectiveOn: '2025-04-02',
          note: 'hearing of 2 April',
          actorUserId: actor.userId,
          actorLogin: 'jury',
        },
      },
    ]);
    // The audit log lives on the evaluation side: it learns that the Jury acted, not on whom or with what sanction.
    expect(audit.record).toHaveBeenCalledWith(actor, { action: 'discipline.stage-changed', targetType: 'discipline.proceeding', targetId: id });
  });

  it('dates a change today when no date is given', async () => {
    const { proceedings, planned } = service();
    await proceedings.changeStage(actor, id, { to: 'decided', decision: 'proceedings-closed', closureGround: 'minor-offence' });
    expect(planned[0].changes).toMatchObject({ decidedOn: '2025-06-30' });
    expect(planned[0].event).toMatchObject({ effectiveOn: '2025-06-30', closureGround: 'minor-offence', sanction: null });
  });

  it('neither writes nor audits a refused transition', async () => {
    const { proceedings, planned, audit } = service();
    await expect(proceedings.changeStage(actor, id, { to: 'referred' })).rejects.toMatchObject({ code: DisciplineErrorCode.TransitionNotAllowed });
    expect(planned).toEqual([]);
    expect(audit.record).not.toHaveBeenCalled();
  });

  it('opens a proceeding with its first history entry', async () => {
    const { proceedings, repository, audit } = service();
    await proceedings.open(actor, {
      judgeId: '9b1deb4d-3b7d-4bad-9bdd-2b0d7b3dcb6d',
      source: 'media-report',
      grounds: ['gross-violation-of-legality'],
      regionCode: 'abai',
      courtLevel: 'district',
      initiatedOn: '2025-06-01',
    });
    expect(repository.insert).toHaveBeenCalledWith(
      expect.objectContaining({ stage: 'initiated', stageSince: '2025-06-01', regionCode: 'abai', reference: null }),
      expect.objectContaining({ event: HistoryEvent.Opened, fromStage: null, stage: 'initiated', effectiveOn: '2025-06-01', actorLogin: 'jury' }),
    );
    expect(audit.record).toHaveBeenCalledWith(actor, expect.objectContaining({ action: 'discipline.proceeding-opened', targetId: id }));
  });

  it('refuses a judge id that is not a UUID before touching the database', async () => {
    const { proceedings, repository } = service();
    await expect(
      proceedings.open(actor, { judgeId: 'judge-42', source: 'complaint', grounds: ['law-or-ethics-breach'], regionCode: 'abai', courtLevel: 'district', initiatedOn: '2025-06-01' }),
    ).rejects.toMatchObject({ code: DisciplineErrorCode.InvalidValue, problems: [{ field: 'judgeId' }] });
    expect(repository.insert).not.toHaveBeenCalled();
  });
});
