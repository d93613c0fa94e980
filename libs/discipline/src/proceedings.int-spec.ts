import { randomUUID } from 'node:crypto';
import { TestingModule } from '@nestjs/testing';
import { DataSource } from 'typeorm';
import { createIntegrationModule, createTestDatabase, TestDatabase } from '@app/testing';
import { ProceedingStage, Sanction } from './discipline.codes';
import { DisciplineErrorCode } from './discipline.errors';
import { DisciplineModule } from './discipline.module';
import { NewProceeding, ProceedingService } from './proceeding.service';

describe('disciplinary proceedings on a real database', () => {
  let db: TestDatabase;
  let module: TestingModule;
  let owner: DataSource;
  let proceedings: ProceedingService;

  const jury = { userId: randomUUID(), login: 'jury' };
  const base: NewProceeding = {
    judgeId: randomUUID(),
    source: 'complaint',
    grounds: ['law-or-ethics-breach'],
    regionCode: 'karaganda',
    courtLevel: 'district',
    initiatedOn: '2024-11-04',
  };

  beforeAll(async () => {
    db = await createTestDatabase();
    module = await createIntegrationModule(db, { imports: [DisciplineModule] });
    owner = await db.owner();
    proceedings = module.get(ProceedingService);
  });

  afterAll(async () => {
    await module?.close();
    await db?.drop();
  });

  async function decideWithSanction(service: ProceedingService, input: Partial<NewProceeding>, sanction: string, decidedOn: string) {
    const opened = await service.open(jury, { ...base, ...input });
    for (const to of ['referred', 'preliminary-examination', 'hearing']) {
      await service.changeStage(jury, opened.id, { to, effectiveOn: opened.initiatedOn });
    }
    return service.changeStage(jury, opened.id, { to: 'decided', decision: 'sanction-imposed', sanction, effectiveOn: decidedOn });
  }

  it('keeps the whole history of a proceeding through decision and appeal, in order', async () => {
    const decided = await decideWithSanction(proceedings, { reference: 'SJ-2024-001', summary: 'Нарушение этики' }, 'reprimand', '2025-02-14');
    await proceedings.fileAppeal(jury, decided.id, { filedOn: '2025-02-20', note: 'appeal by the judge' });
    const final = await proceedings.decideAppeal(jury, decided.id, { outcome: 'upheld', decidedOn: '2025-04-01' });

    expect(final).toMatchObject({
      reference: 'SJ-2024-001',
      summary: 'Нарушение этики',
      stage: 'decided',
      nextStages: [],
      decision: 'sanction-imposed',
      sanction: 'reprimand',
      decidedOn: '2025-02-14',
      appeal: { filedOn: '2025-02-20', outcome: 'upheld', decidedOn: '2025-04-01' },
    });
    expect(final.history.map((h) => [h.sequence, h.event, h.fromStage, h.stage, h.sanction, h.appealOutcome, h.effectiveOn, h.actorLogin])).toEqual([
      [1, 'opened', null, 'initiated', null, null, '2024-11-04', 'jury'],
      [2, 'stage-changed', 'initiated', 'referred', null, null, '2024-11-04', 'jury'],
      [3, 'stage-changed', 'referred', 'preliminary-examination', null, null, '2024-11-04', 'jury'],
      [4, 'stage-changed', 'preliminary-examination', 'hearing', null, null, '2024-11-04', 'jury'],
      [5, 'stage-changed', 'hearing', 'decided', 'reprimand', null, '2025-02-14', 'jury'],
      [6, 'appeal-filed', 'decided', 'decided', null, null, '2025-02-20', 'jury'],
      [7, 'appeal-decided', 'decided', 'decided', null, 'upheld', '2025-04-01', 'jury'],
    ]);
  });

  it('audits each action in the accounts audit log by proceeding id only: no judge, sanction or text', async () => {
    const opened = await proceedings.open(jury, { ...base, judgeId: randomUUID(), reference: 'SJ-AUDIT', summary: 'AUDIT-CANARY' });
    await proceedings.changeStage(jury, opened.id, { to: 'decided', decision: 'proceedings-closed', closureGround: 'judge-left-office', effectiveOn: '2024-12-01' });
    const entries: { action: string; target_type: string; target_id: string; details: unknown; actor_login: string }[] = await owner.query(
      `SELECT action, target_type, target_id, details, actor_login FROM auth.audit_log WHERE target_id = $1 ORDER BY occurred_at`,
      [opened.id],
    );
    expect(entries).toEqual([
      { action: 'discipline.proceeding-opened', target_type: 'discipline.proceeding', target_id: opened.id, details: {}, actor_login: 'jury' },
      { action: 'discipline.stage-changed', target_type: 'discipline.proceeding', target_id: opened.id, details: {}, actor_login: 'jury' },
    ]);
    const [{ leaks }] = await owner.query(`SELECT count(*)::int AS leaks FROM auth.audit_log WHERE audit_log::text ~ $1`, [`${opened.judgeId}|AUDIT-CANARY|SJ-AUDIT|judge-left-office`]);
    expect(leaks).toBe(0);
  });

  it('lets exactly one of two concurrent changes from the same stage through', async () => {
    const opened = await proceedings.open(jury, { ...base, judgeId: randomUUID() });
    const results = await Promise.allSettled([
      proceedings.changeStage(jury, opened.id, { to: 'referred', effectiveOn: '2024-11-05' }),
      proceedings.changeStage(jury, opened.id, { to: 'referred', effectiveOn: '2024-11-06' }),
    ]);
    expect(results.filter((r) => r.status === 'fulfilled')).toHaveLength(1);
    expect(results.find((r) => r.status === 'rejected')).toMatchObject({ reason: { code: DisciplineErrorCode.TransitionNotAllowed } });
    expect((await proceedings.get(opened.id)).history.map((h) => h.stage)).toEqual(['initiated', 'referred']);
  });

  it('refuses a taken reference with 409-kind error naming the field, and an unknown proceeding', async () => {
    await proceedings.open(jury, { ...base, reference: 'SJ-DUP' });
    await expect(proceedings.open(jury, { ...base, reference: 'SJ-DUP' })).rejects.toMatchObject({
      code: DisciplineErrorCode.ReferenceTaken,
      kind: 'conflict',
      problems: [{ field: 'reference', constraint: 'alreadyTaken' }],
    });
    await expect(proceedings.changeStage(jury, randomUUID(), { to: 'referred' })).rejects.toMatchObject({ code: DisciplineErrorCode.ProceedingNotFound, kind: 'not-found' });
    await expect(proceedings.get(randomUUID())).rejects.toMatchObject({ code: DisciplineErrorCode.ProceedingNotFound });
  });

  describe('lists and counts', () => {
    let fresh: TestDatabase;
    let scoped: TestingModule;
    let service: ProceedingService;
    const judge = randomUUID();

    beforeAll(async () => {
      fresh = await createTestDatabase();
      scoped = await createIntegrationModule(fresh, { imports: [DisciplineModule] });
      service = scoped.get(ProceedingService);
      // 2023: one dismissal in Astana (regional), decided 2024, set aside on appeal.
      const dismissed = await decideWithSanction(service, { judgeId: judge, regionCode: 'astana', courtLevel: 'regional', initiatedOn: '2023-10-02' }, 'dismissal', '2024-01-15');
      await service.fileAppeal(jury, dismissed.id, { filedOn: '2024-01-20' });
      await service.decideAppeal(jury, dismissed.id, { outcome: 'set-aside', decidedOn: '2024-03-01' });
      // 2024: two warnings in Almaty city (district), one appealed and pending; one closure in Abai (supreme).
      const warned = await decideWithSanction(service, { regionCode: 'almaty', initiatedOn: '2024-02-01' }, 'warning', '2024-05-05');
      await service.fileAppeal(jury, warned.id, { filedOn: '2024-05-10' });
      await decideWithSanction(service, { regionCode: 'almaty', initiatedOn: '2024-03-01' }, 'warning', '2024-06-06');
      const closed = await service.open(jury, { ...base, regionCode: 'abai', courtLevel: 'supreme', initiatedOn: '2024-04-01' });
      await service.changeStage(jury, closed.id, { to: 'decided', decision: 'proceedings-closed', closureGround: 'minor-offence', effectiveOn: '2024-04-10' });
      // 2025: one still at referred in Almaty city.
      const open = await service.open(jury, { ...base, judgeId: judge, regionCode: 'almaty', initiatedOn: '2025-01-09' });
      await service.changeStage(jury, open.id, { to: 'referred', effectiveOn: '2025-01-10' });
    });

    afterAll(async () => {
      await scoped?.close();
      await fresh?.drop();
    });

    it('filters by stage, year of initiation, sanction and judge, and pages', async () => {
      const query = { limit: 50, offset: 0 };
      expect((await service.list({ ...query, stage: ProceedingStage.Decided })).total).toBe(4);
      expect((await service.list({ ...query, year: 2024 })).items.map((p) => p.initiatedOn)).toEqual(['2024-04-01', '2024-03-01', '2024-02-01']);
      expect((await service.list({ ...query, sanction: Sanction.Warning, year: 2024 })).total).toBe(2);
      expect((await service.list({ ...query, judgeId: judge })).items.map((p) => p.stage)).toEqual(['referred', 'decided']);
      const page = await service.list({ limit: 2, offset: 2 });
      expect(page).toMatchObject({ total: 5, limit: 2, offset: 2 });
      expect(page.items.map((p) => p.initiatedOn)).toEqual(['2024-03-01', '2024-02-01']);
    });

    it('counts by sanction, year, region and court level from the Jury’s own records', async () => {
      const stats = await service.statistics();
      const none = { warning: 0, reprimand: 0, 'removal-from-presidency': 0, dismissal: 0 };
      expect(stats.total).toEqual({ proceedings: 5, decided: 4, closed: 1, sanctions: { ...none, warning: 2, dismissal: 1 } });
      expect(stats.bySanction).toEqual([
        { sanction: 'warning', imposed: 2, appealed: 1, setAsideOnAppeal: 0 },
        { sanction: 'reprimand', imposed: 0, appealed: 0, setAsideOnAppeal: 0 },
        { sanction: 'removal-from-presidency', imposed: 0, appealed: 0, setAsideOnAppeal: 0 },
        { sanction: 'dismissal', imposed: 1, appealed: 1, setAsideOnAppeal: 1 },
      ]);
      expect(stats.byYear).toEqual([
        { year: 2023, initiated: 1, decided: 0, closed: 0, sanctions: none },
        { year: 2024, initiated: 3, decided: 4, closed: 1, sanctions: { ...none, warning: 2, dismissal: 1 } },
        { year: 2025, initiated: 1, decided: 0, closed: 0, sanctions: none },
      ]);
      expect(stats.byRegion.filter((r) => r.proceedings > 0)).toEqual([
        { regionCode: 'abai', proceedings: 1, decided: 1, closed: 1, sanctions: none },
        { regionCode: 'astana', proceedings: 1, decided: 1, closed: 0, sanctions: { ...none, dismissal: 1 } },
        { regionCode: 'almaty', proceedings: 3, decided: 2, closed: 0, sanctions: { ...none, warning: 2 } },
      ]);
      expect(stats.byCourtLevel).toEqual([
        { courtLevel: 'district', proceedings: 3, decided: 2, closed: 0, sanctions: { ...none, warning: 2 } },
        { courtLevel: 'regional', proceedings: 1, decided: 1, closed: 0, sanctions: { ...none, dismissal: 1 } },
        { courtLevel: 'supreme', proceedings: 1, decided: 1, closed: 1, sanctions: none },
      ]);
      expect(stats.byStage).toEqual([
        { stage: 'initiated', proceedings: 0 },
        { stage: 'referred', proceedings: 1 },
        { stage: 'preliminary-examination', proceedings: 0 },
        { stage: 'hearing', proceedings: 0 },
        { stage: 'decided', proceedings: 4 },
      ]);
      expect(stats.byClosureGround.find((g) => g.closureGround === 'minor-offence')).toEqual({ closureGround: 'minor-offence', proceedings: 1 });
      expect(stats.appeals).toEqual({ filed: 2, pending: 1, outcomes: { upheld: 0, 'set-aside': 1, withdrawn: 0 } });
    });
  });
});
