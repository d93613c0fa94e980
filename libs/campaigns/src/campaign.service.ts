import { randomInt } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import { AnonymityThresholds, DEFAULT_THRESHOLDS, ErrorKind, JobName, JobQueueService, thresholdsBelowFloor } from '@app/core';
import { AuditLogService, Principal, Role } from '@app/auth';
import { INSTRUMENT_EDITORS, InstrumentService } from '@app/instruments';
import { BandDefinition, personBands, PopulationFilter, RegistryRepository } from '@app/registry';
import { AssignmentOptions, describeInfeasibility, EligibilitySetting, planPeerReview } from './assignment';
import { Breakdown, BREAKDOWNS, CampaignKind, CAMPAIGN_KINDS, catalogueOf, invitationRoundsToQueue, PeerReviewSettings, reminderTimes } from './campaign-rules';
import { CampaignRepository } from './campaign.repository';
import { CampaignError, CampaignErrorCode } from './campaigns.errors';
import { CampaignEntity } from './entities/campaign.entity';

type Actor = Pick<Principal, 'userId' | 'login' | 'role'>;

export interface CampaignSettings {
  title: { kk: string; ru: string; en: string };
  instrumentVersionId: string;
  population: PopulationFilter;
  thresholds: AnonymityThresholds;
  breakdowns: Breakdown[];
  languages: ('kk' | 'ru' | 'en')[];
  deadline: Date;
  reminderDays: number[];
  ageBandVersion: number;
  experienceBandVersion: number;
  peer: PeerReviewSettings | null;
}

/**
 * District judges review colleagues of their region; regional and Supreme Court judges have
 * too few colleagues in a region, so they review across the country at their level.
 */
export const DEFAULT_PEER_RULE: EligibilitySetting = { district: 'same-level-and-region', regional: 'same-level', supreme: 'same-level' };

/** A campaign as people may see it: everything but the secret assignment seed. */
export type CampaignView = Omit<CampaignEntity, 'peer'> & { peer: Omit<PeerReviewSettings, 'seed'> | null };

export function campaignView(campaign: CampaignEntity): CampaignView {
  const { peer, ...rest } = campaign;
  return { ...rest, peer: peer && { rule: peer.rule, minReviewers: peer.minReviewers, maxReviewers: peer.maxReviewers } };
}

/** Defaults for every option a new campaign leaves out. */
export function defaultSettings(kind: CampaignKind): Omit<CampaignSettings, 'title' | 'instrumentVersionId' | 'deadline'> {
  return {
    population: {},
    thresholds: DEFAULT_THRESHOLDS,
    breakdowns: BREAKDOWNS,
    languages: ['kk', 'ru', 'en'],
    reminderDays: [7, 2],
    ageBandVersion: 1,
    experienceBandVersion: 1,
    peer: kind === 'peer-review' ? { rule: DEFAULT_PEER_RULE, minReviewers: DEFAULT_THRESHOLDS.peer, maxReviewers: DEFAULT_THRESHOLDS.peer, seed: newSeed() } : null,
  };
}

/** Options left out arrive as undefined properties (DTO class fields); they must not override defaults. */
function definedOnly<T extends object>(values: T): Partial<T> {
  return Object.fromEntries(Object.entries(values).filter(([, value]) => value !== undefined)) as Partial<T>;
}

/** What callers may set: everything but the assignment seed, which the service draws itself. */
export type CampaignInput = Omit<CampaignSettings, 'peer'> & { peer: Omit<PeerReviewSettings, 'seed'> | null };

/** A round of invitations not out this long after its time is taken as lost. */
const RECONCILE_GRACE_MS = 10 * 60_000;

function newSeed(): number {
  return randomInt(2 ** 47);
}

export interface LaunchOutcome {
  campaign: CampaignEntity;
  participants: number;
  assignments: number;
}

/**
 * Campaigns from draft to close. Launch fixes the instrument version, bands, population,
 * thresholds, catalogue, languages and deadline — afterwards the database refuses to change them.
 */
@Injectable()
export class CampaignService {
  constructor(
    private readonly campaigns: CampaignRepository,
    private readonly registry: RegistryRepository,
    private readonly instruments: InstrumentService,
    private readonly jobs: JobQueueService,
    private readonly audit: AuditLogService,
  ) {}

  /** The kinds of campaign a role runs: the Commission judges' surveys and peer review, HR staff surveys. */
  kindsFor(role: Role): CampaignKind[] {
    return CAMPAIGN_KINDS.filter((kind) => INSTRUMENT_EDITORS[kind].includes(role));
  }

  list(actor: Actor): Promise<CampaignEntity[]> {
    return this.campaigns.list(this.kindsFor(actor.role));
  }

  async get(actor: Actor, id: string): Promise<CampaignEntity> {
    const campaign = await this.campaigns.findById(id);
    if (!campaign || !this.kindsFor(actor.role).includes(campaign.kind)) {
      throw new CampaignError(CampaignErrorCode.NotFound, ErrorKind.NotFound, 'no such campaign', [{ field: 'id', reason: 'no such campaign' }]);
    }
    return campaign;
  }

  async create(actor: Actor, kind: CampaignKind, settings: Partial<CampaignInput> & Pick<CampaignInput, 'title' | 'instrumentVersionId' | 'deadline'>): Promise<CampaignEntity> {
    if (!this.kindsFor(actor.role).includes(kind)) {
      throw new CampaignError(CampaignErrorCode.KindNotAllowed, ErrorKind.Forbidden, 'kind not allowed', [{ field: 'kind', reason: 'not allowed for your role' }], { kind });
    }
    const { peer, ...rest } = definedOnly(settings);
    const defaults = defaultSettings(kind);
    const merged = { ...defaults, ...rest, peer: peer && defaults.peer ? { ...peer, seed: defaults.peer.seed } : defaults.peer } as CampaignSettings;
    await this.checkSettings(kind, merged, new Date());
    const campaign = await this.campaigns.insert({ kind, createdBy: actor.userId, ...this.columns(merged) });
    await this.audit.record(actor, { action: 'campaigns.created', targetType: 'campaign', targetId: campaign.id, details: { kind } });
    return campaign;
  }

  async update(actor: Actor, id: string, changes: Partial<CampaignInput>): Promise<CampaignEntity> {
    const campaign = await this.get(actor, id);
    if (campaign.status !== 'draft') throw this.locked();
    const { peer, ...rest } = definedOnly(changes);
    const current = this.settingsOf(campaign);
    const merged: CampaignSettings = { ...current, ...rest, peer: peer && current.peer ? { ...peer, seed: current.peer.seed } : current.peer };
    await this.checkSettings(campaign.kind, merged, new Date());
    if (!(await this.campaigns.updateDraft(id, this.columns(merged)))) throw this.locked();
    await this.audit.record(actor, { action: 'campaigns.updated', targetType: 'campaign', targetId: id, details: { fields: Object.keys(changes) } });
    return this.get(actor, id);
  }

  /** What a launch would do, for the Commission's review: population size and, for peer review, the plan's balance. */
  async preview(actor: Actor, id: string) {
    const campaign = await this.get(actor, id);
    const population = await this.registry.population(campaign.kind === 'staff-survey' ? 'staff' : 'judges', campaign.population);
    const peer = campaign.peer ? planPeerReview(this.reviewers(population), this.assignmentOptions(campaign.peer)) : null;
    return {
      population: population.length,
      peer: peer && (peer.feasible ? { feasible: true, summary: peer.plan.summary } : { feasible: false, infeasible: peer.report.infeasible, groups: peer.report.groups }),
    };
  }

  async launch(actor: Actor, id: string, now = new Date()): Promise<LaunchOutcome> {
    const campaign = await this.get(actor, id);
    if (campaign.status !== 'draft') throw this.wrongStatus(campaign);
    const settings = this.settingsOf(campaign);
    await this.checkSettings(campaign.kind, settings, now);
    const referenceDate = now.toISOString().slice(0, 10);
    const [ages, experience] = await Promise.all([this.bands('age', settings.ageBandVersion), this.bands('experience', settings.experienceBandVersion)]);
    const population = await this.registry.population(campaign.kind === 'staff-survey' ? 'staff' : 'judges', settings.population);
    if (population.length === 0) throw new CampaignError(CampaignErrorCode.EmptyPopulation, ErrorKind.Invalid, 'empty population', [{ field: 'population', reason: 'matches nobody' }]);
    if (population.length < settings.thresholds.count) {
      throw new CampaignError(CampaignErrorCode.PopulationTooSmall, ErrorKind.Invalid, 'population too small', [{ field: 'population', reason: 'too small' }], {
        size: population.length,
        minimum: settings.thresholds.count,
      });
    }
    const plan = settings.peer ? planPeerReview(this.reviewers(population), this.assignmentOptions(settings.peer)) : null;
    if (plan && !plan.feasible) {
      throw new CampaignError(
        CampaignErrorCode.PeerPlanInfeasible,
        ErrorKind.Invalid,
        'peer plan infeasible',
        plan.report.infeasible.slice(0, 50).map((entry) => ({ field: 'peer', reason: describeInfeasibility(entry, 'en') })),
        { count: plan.report.infeasible.length },
      );
    }

    // Locked first: a version is never used unlocked, even if the launch below fails.
    await this.instruments.lockVersion(settings.instrumentVersionId, actor);
    const outcome = await this.campaigns.transaction(async (tx) => {
      const moved = await this.campaigns.moveStatus(id, 'draft', 'open', { launchedAt: now, referenceDate, catalogue: catalogueOf(settings.breakdowns) }, tx);
      if (!moved) throw this.wrongStatus(campaign);
      const participants = await this.campaigns.insertParticipants(
        tx,
        id,
        campaign.kind === 'staff-survey' ? 'staff' : 'judge',
        population.map((person) => ({
          personId: person.personId,
          gender: person.gender,
          courtLevel: person.courtLevel,
          regionCode: person.regionCode,
          ...personBands(person, referenceDate, ages, experience),
        })),
      );
      const pairs = plan?.feasible
        ? plan.plan.assignments.map((a) => ({ reviewerParticipantId: participants.get(a.reviewerId)!, revieweeJudgeId: a.revieweeId }))
        : [];
      if (pairs.length > 0) await this.campaigns.insertAssignments(tx, id, pairs);
      return { participants: participants.size, assignments: pairs.length };
    });
    // Audited before queueing: the jobs wait for Redis, and reconciling queues them if this process dies meanwhile.
    await this.audit.record(actor, { action: 'campaigns.launched', targetType: 'campaign', targetId: id, details: { ...outcome } });
    await this.jobs.enqueue(JobName.SendInvitations, { campaignId: id, round: 0 });
    for (const [index, at] of reminderTimes(settings.deadline, settings.reminderDays, now).entries()) {
      await this.jobs.enqueue(JobName.SendInvitations, { campaignId: id, round: index + 1 }, { delay: at.getTime() - now.getTime() });
    }
    await this.jobs.enqueue(JobName.CloseCampaign, { campaignId: id }, { delay: settings.deadline.getTime() - now.getTime() });
    return { campaign: await this.get(actor, id), ...outcome };
  }

  /** Closes by hand (`actor`) or at the deadline (null). Idempotent for an already closed campaign. */
  async close(actor: Actor | null, id: string, now = new Date()): Promise<CampaignEntity | null> {
    const campaign = actor ? await this.get(actor, id) : await this.campaigns.findById(id);
    if (!campaign) return null;
    if (campaign.status !== 'open') {
      if (actor) throw this.wrongStatus(campaign);
      return campaign;
    }
    if (await this.campaigns.moveStatus(id, 'open', 'closed', { closedAt: now })) {
      // Audited before queueing: the job waits for Redis, and reconciling queues it if this process dies meanwhile.
      await this.audit.record(actor, { action: 'campaigns.closed', targetType: 'campaign', targetId: id, details: { by: actor ? 'hand' : 'deadline' } });
      await this.jobs.enqueue(JobName.FinalizeResponses, { campaignId: id });
    }
    return this.campaigns.findById(id);
  }

  /**
   * Makes a closed campaign's results public. The caller (the results service) checks that an
   * audited snapshot exists first.
   */
  async publish(actor: Actor, id: string, now = new Date()): Promise<CampaignEntity> {
    const campaign = await this.get(actor, id);
    if (!(await this.campaigns.moveStatus(id, 'closed', 'published', { publishedAt: now }))) throw this.wrongStatus(campaign);
    await this.audit.record(actor, { action: 'campaigns.published', targetType: 'campaign', targetId: id });
    return this.get(actor, id);
  }

  /** A campaign for the system's own jobs, which act for nobody. */
  find(id: string): Promise<CampaignEntity | null> {
    return this.campaigns.findById(id);
  }

  /**
   * Published campaigns of one kind, most recent first, for readers whose access is decided
   * per person rather than by role (a judge's own peer feedback: see ReportsService).
   */
  published(kind: CampaignKind): Promise<CampaignEntity[]> {
    return this.campaigns.published(kind);
  }

  /** The judges a peer-review round asked reviews of, with their court level. */
  reviewees(campaignId: string): Promise<{ judgeId: string; courtLevel: string }[]> {
    return this.campaigns.reviewees(campaignId);
  }

  /** Peer-review assignments by reviewer and judge gender, for the rater diagnostic. */
  assignmentsByGender(campaignId: string): Promise<{ raterGender: string; judgeGender: string; assignments: number }[]> {
    return this.campaigns.assignmentsByGender(campaignId);
  }

  /** Closed or published campaigns, for the jobs that follow closing. */
  closedCampaignIds(): Promise<string[]> {
    return this.campaigns.closedCampaignIds();
  }

  /**
   * Repairs what a lost job or a Redis outage at the wrong moment left undone: open
   * campaigns past their deadline are closed, every open campaign has its close job and its
   * reminders to come, and a round of invitations that did not reach everyone it should
   * have goes out again to those it missed. Safe to run any time: every job has a
   * deterministic id, and nobody gets a round's mail twice.
   */
  async reconcile(now = new Date()): Promise<{ closed: number; invited: number }> {
    let closed = 0;
    let invited = 0;
    for (const campaign of await this.campaigns.openCampaigns()) {
      if (campaign.deadline <= now) {
        await this.close(null, campaign.id, now);
        closed += 1;
        continue;
      }
      await this.jobs.enqueue(JobName.CloseCampaign, { campaignId: campaign.id }, { delay: campaign.deadline.getTime() - now.getTime() });
      for (const { round, delayMs } of invitationRoundsToQueue(campaign, campaign.fewestMails, now, RECONCILE_GRACE_MS)) {
        await this.jobs.enqueue(JobName.SendInvitations, { campaignId: campaign.id, round }, delayMs > 0 ? { delay: delayMs } : {});
        if (delayMs === 0) invited += 1;
      }
    }
    return { closed, invited };
  }

  /**
   * While open, only the overall rate (ANONYMITY.md D). Rates by group come with the
   * protected results after close.
   */
  async responseRate(actor: Actor, id: string) {
    const campaign = await this.get(actor, id);
    const [overall] = await this.campaigns.responseCounts(id);
    return {
      status: campaign.status,
      invited: overall?.invited ?? 0,
      responded: overall?.responded ?? 0,
      rate: overall && overall.invited > 0 ? Math.round((overall.responded / overall.invited) * 1000) / 1000 : 0,
    };
  }

  private assignmentOptions(peer: PeerReviewSettings): AssignmentOptions {
    return { eligibility: peer.rule, minReviewers: peer.minReviewers, maxReviewers: peer.maxReviewers, seed: peer.seed };
  }

  private reviewers(population: { personId: string; courtId: string | null; courtLevel: string | null; regionCode: string; role: string }[]) {
    return population.map((p) => ({
      id: p.personId,
      courtId: p.courtId ?? '',
      level: (p.courtLevel ?? 'district') as 'district' | 'regional' | 'supreme',
      regionCode: p.regionCode,
      position: p.role as 'judge' | 'chamber-president' | 'court-president',
    }));
  }

  private async bands(kind: 'age' | 'experience', version: number): Promise<BandDefinition> {
    const definition = await this.registry.bandDefinition(kind, version);
    if (!definition) {
      throw new CampaignError(CampaignErrorCode.UnknownBandVersion, ErrorKind.Invalid, 'unknown band version', [
        { field: kind === 'age' ? 'ageBandVersion' : 'experienceBandVersion', reason: `no version ${version}` },
      ]);
    }
    return definition;
  }

  private async checkSettings(kind: CampaignKind, settings: CampaignSettings, now: Date): Promise<void> {
    const low = thresholdsBelowFloor(settings.thresholds);
    if (low.length > 0) {
      throw new CampaignError(
        CampaignErrorCode.ThresholdBelowFloor,
        ErrorKind.Invalid,
        'threshold below floor',
        low.map((key) => ({ field: `thresholds.${key}`, reason: 'below the floor of ANONYMITY.md A' })),
      );
    }
    if (!(settings.deadline.getTime() > now.getTime())) {
      throw new CampaignError(CampaignErrorCode.DeadlinePassed, ErrorKind.Invalid, 'deadline passed', [{ field: 'deadline', reason: 'must be in the future' }]);
    }
    const instrumentKind = await this.instruments.kindOfVersion(settings.instrumentVersionId).catch(() => null);
    if (instrumentKind !== kind) {
      throw new CampaignError(CampaignErrorCode.InstrumentMismatch, ErrorKind.Invalid, 'instrument mismatch', [
        { field: 'instrumentVersionId', reason: `is not a ${kind} questionnaire version` },
      ]);
    }
    await Promise.all([this.bands('age', settings.ageBandVersion), this.bands('experience', settings.experienceBandVersion)]);
  }

  private settingsOf(campaign: CampaignEntity): CampaignSettings {
    return {
      title: { kk: campaign.titleKk, ru: campaign.titleRu, en: campaign.titleEn },
      instrumentVersionId: campaign.instrumentVersionId,
      population: campaign.population,
      thresholds: campaign.thresholds,
      breakdowns: campaign.breakdowns,
      languages: campaign.languages as CampaignSettings['languages'],
      deadline: campaign.deadline,
      reminderDays: campaign.reminderDays,
      ageBandVersion: campaign.ageBandVersion,
      experienceBandVersion: campaign.experienceBandVersion,
      peer: campaign.peer,
    };
  }

  private columns(settings: CampaignSettings) {
    const { title, reminderDays, ...rest } = settings;
    return { titleKk: title.kk, titleRu: title.ru, titleEn: title.en, reminderDays, ...rest };
  }

  private locked(): CampaignError {
    return new CampaignError(CampaignErrorCode.Locked, ErrorKind.Conflict, 'campaign locked', [{ field: 'status', reason: 'launched campaigns cannot change' }]);
  }

  private wrongStatus(campaign: CampaignEntity): CampaignError {
    return new CampaignError(CampaignErrorCode.WrongStatus, ErrorKind.Conflict, `campaign is ${campaign.status}`, [{ field: 'status', reason: `is ${campaign.status}` }], {
      status: campaign.status,
    });
  }
}
