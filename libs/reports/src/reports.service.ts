import { createHash } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { AggregationService, PeerReviewSnapshot, ResultsService, SurveySnapshot, upgradeSurveySnapshot } from '@app/aggregation';
import { ErrorKind, JobName, JobQueueService, Locale, LocalizedText } from '@app/core';
import { AuditLogService, Principal, UserService } from '@app/auth';
import { CampaignEntity, CampaignService } from '@app/campaigns';
import { InstrumentService } from '@app/instruments';
import { COURT_LEVELS, GENDERS, REGION_NAMES, RegistryRepository } from '@app/registry';
import { chartImage, surveyCharts } from './charts';
import { CommentsService } from './comments.service';
import { ReportExportEntity } from './entities/report-export.entity';
import { feedbackOf, feedbackReport } from './feedback-report';
import { renderWorkbook } from './render-workbook';
import { ReportsError, ReportsErrorCode } from './reports.errors';
import { schemaLabels, surveyReport } from './survey-report';

type Actor = Pick<Principal, 'userId' | 'login' | 'role'>;

export type ExportView = Omit<ReportExportEntity, 'file' | 'campaign'>;

/** A published peer-review round in which the judge has feedback. */
export interface FeedbackRound {
  readonly campaignId: string;
  readonly title: LocalizedText;
  readonly publishedAt: Date;
}

/** What a judge account may read of its own feedback: nothing when it belongs to no registry judge. */
export type OwnFeedback = { readonly linked: false } | { readonly linked: true; readonly rounds: readonly FeedbackRound[] };

/**
 * Workbook exports: requested through the API, built by the worker from one protected release,
 * downloaded by the people allowed to (every request and every download audited). Survey reports
 * belong to the Commission or HR by campaign kind; a feedback report belongs to its judge alone.
 */
@Injectable()
export class ReportsService {
  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly results: ResultsService,
    private readonly aggregation: AggregationService,
    private readonly campaigns: CampaignService,
    private readonly instruments: InstrumentService,
    private readonly registry: RegistryRepository,
    private readonly users: UserService,
    private readonly jobs: JobQueueService,
    private readonly audit: AuditLogService,
    private readonly comments: CommentsService,
  ) {}

  private get exports() {
    return this.db.getRepository(ReportExportEntity);
  }

  /** Queues the survey workbook of the latest release in `locale`. */
  async requestSurveyExport(actor: Actor, campaignId: string, locale: Locale): Promise<ExportView> {
    // Access by campaign kind, closed campaign and an existing release: the results service checks all three.
    const { release } = await this.results.results(actor, campaignId);
    const campaign = await this.campaigns.get(actor, campaignId);
    if (campaign.kind === 'peer-review') throw new ReportsError(ReportsErrorCode.NoSurveyReport, ErrorKind.Invalid, 'peer-review rounds have feedback reports only');
    return this.queue(actor, { campaignId, release, kind: 'survey', locale, judgeId: null });
  }

  /** Queues the signed-in judge's own feedback report of a published peer-review round. */
  async requestFeedbackExport(actor: Actor, campaignId: string, locale: Locale): Promise<ExportView> {
    const judgeId = await this.judgeOf(actor);
    const campaign = await this.campaigns.find(campaignId);
    const release = campaign ? await this.feedbackRelease(campaign, judgeId) : null;
    if (release === null) throw new ReportsError(ReportsErrorCode.NoFeedback, ErrorKind.NotFound, 'no published feedback for this judge in this round');
    return this.queue(actor, { campaignId, release, kind: 'feedback', locale, judgeId });
  }

  /**
   * The published peer-review rounds that hold feedback for the signed-in judge, most recently
   * published first: exactly the rounds {@link requestFeedbackExport} accepts, and nothing of any
   * other judge. An account linked to no registry judge gets `linked: false`, not an error.
   */
  async ownFeedback(actor: Actor): Promise<OwnFeedback> {
    const judgeId = await this.users.judgeOf(actor.userId);
    if (!judgeId) return { linked: false };
    const rounds: FeedbackRound[] = [];
    for (const campaign of await this.campaigns.published('peer-review')) {
      if ((await this.feedbackRelease(campaign, judgeId)) !== null) {
        rounds.push({ campaignId: campaign.id, title: { kk: campaign.titleKk, ru: campaign.titleRu, en: campaign.titleEn }, publishedAt: campaign.publishedAt! });
      }
    }
    return { linked: true, rounds };
  }

  async status(actor: Actor, exportId: string): Promise<ExportView> {
    return this.view(await this.accessible(actor, exportId));
  }

  /** The workbook's bytes, once built; the download is audited. */
  async download(actor: Actor, exportId: string): Promise<{ fileName: string; bytes: Buffer; sha256: string }> {
    const found = await this.accessible(actor, exportId);
    if (found.status !== 'done') throw new ReportsError(ReportsErrorCode.NotReady, ErrorKind.Conflict, `export is ${found.status}`, [], { status: found.status });
    const { file } = (await this.exports.findOne({ where: { id: exportId }, select: { id: true, file: true } }))!;
    await this.audit.record(actor, { action: 'reports.downloaded', targetType: 'export', targetId: exportId, details: { campaignId: found.campaignId, kind: found.kind, locale: found.locale } });
    return { fileName: `${found.kind}-${found.campaignId.slice(0, 8)}-r${found.release}-${found.locale}.xlsx`, bytes: file!, sha256: found.sha256! };
  }

  /** The worker's part: builds and stores the workbook. A repeat of a finished export does nothing. */
  async run(exportId: string): Promise<{ sha256: string }> {
    const found = await this.exports.findOneByOrFail({ id: exportId });
    if (found.status === 'done') return { sha256: found.sha256! };
    await this.exports.update({ id: exportId }, { status: 'running' });
    try {
      const bytes = await this.build(found);
      const sha256 = createHash('sha256').update(bytes).digest('hex');
      await this.exports.update({ id: exportId }, { status: 'done', file: bytes, sha256, error: null, finishedAt: new Date() });
      return { sha256 };
    } catch (error) {
      await this.exports.update({ id: exportId }, { status: 'failed', error: error instanceof Error ? error.message : String(error) });
      throw error;
    }
  }

  private async build(found: ReportExportEntity): Promise<Buffer> {
    const campaign = (await this.campaigns.find(found.campaignId))!;
    const stored = (await this.aggregation.stored(found.campaignId, found.release))!;
    if (found.kind === 'feedback') {
      const snapshot = JSON.parse(stored.content) as PeerReviewSnapshot;
      const result = feedbackOf(snapshot, found.judgeId!)!;
      const title = { kk: campaign.titleKk, ru: campaign.titleRu, en: campaign.titleEn };
      return renderWorkbook(feedbackReport(result, { locale: found.locale, campaignTitle: title, scale: snapshot.scale, marker: '·' }));
    }
    const snapshot = upgradeSurveySnapshot(JSON.parse(stored.content) as SurveySnapshot);
    const labels = schemaLabels(await this.instruments.reportingSchemaOf(campaign.instrumentVersionId));
    const report = surveyReport(snapshot, {
      locale: found.locale,
      title: { kk: campaign.titleKk, ru: campaign.titleRu, en: campaign.titleEn },
      launchedAt: campaign.launchedAt,
      closedAt: campaign.closedAt,
      sha256: stored.sha256,
      synthetic: await this.synthetic(campaign.id),
      ...labels,
      categoryLabels: await this.categoryLabels(campaign),
      charts: (await surveyCharts(snapshot, found.locale)).map(chartImage),
      comments: (await this.comments.published(campaign.id)).flatMap((q) => (q.comments && q.comments.length > 0 ? [{ title: q.title, texts: q.comments.map((c) => c.text) }] : [])),
    });
    return renderWorkbook(report);
  }

  /** Labels of every breakdown category, in kk/ru/en. */
  private async categoryLabels(campaign: CampaignEntity): Promise<Record<string, Record<string, LocalizedText>>> {
    const bands = async (kind: 'age' | 'experience', version: number) =>
      Object.fromEntries(((await this.registry.bandDefinition(kind, version))?.bands ?? []).map((b) => [b.code, b.labels as LocalizedText]));
    return {
      gender: GENDERS.labels,
      'age-band': await bands('age', campaign.ageBandVersion),
      'experience-band': await bands('experience', campaign.experienceBandVersion),
      'court-level': COURT_LEVELS.labels,
      region: REGION_NAMES,
    };
  }

  /** Whether the campaign's population came from the synthetic register (demo or test data). */
  private async synthetic(campaignId: string): Promise<boolean> {
    const [row] = await this.db.query(
      `SELECT coalesce(bool_or(coalesce(j.synthetic, s.synthetic)), false) AS synthetic FROM campaigns.participant p
       LEFT JOIN registry.judge j ON p.person_kind = 'judge' AND j.id = p.person_id
       LEFT JOIN registry.staff_member s ON p.person_kind = 'staff' AND s.id = p.person_id
       WHERE p.campaign_id = $1`,
      [campaignId],
    );
    return row.synthetic === true;
  }

  /**
   * Stores the request, audits it, then queues the job: audited before queueing, so no workbook is built unrecorded.
   * The details carry no registry judge id: the actor is who asked, and that is all the entry needs to say.
   */
  private async queue(actor: Actor, values: Pick<ReportExportEntity, 'campaignId' | 'release' | 'kind' | 'locale' | 'judgeId'>): Promise<ExportView> {
    const created = await this.exports.save(this.exports.create({ ...values, requestedBy: actor.userId, status: 'queued' }));
    await this.audit.record(actor, {
      action: 'reports.export-requested',
      targetType: 'export',
      targetId: created.id,
      details: { campaignId: values.campaignId, kind: values.kind, locale: values.locale },
    });
    await this.jobs.enqueue(JobName.ExportWorkbook, { exportId: created.id });
    return this.view(created);
  }

  /** The latest release of a published peer-review round, when that release holds feedback for the judge; else null. */
  private async feedbackRelease(campaign: CampaignEntity, judgeId: string): Promise<number | null> {
    if (campaign.kind !== 'peer-review' || campaign.status !== 'published') return null;
    const stored = await this.aggregation.stored(campaign.id);
    return stored && feedbackOf(JSON.parse(stored.content) as PeerReviewSnapshot, judgeId) ? stored.release : null;
  }

  private async judgeOf(actor: Actor): Promise<string> {
    const judgeId = await this.users.judgeOf(actor.userId);
    if (!judgeId) throw new ReportsError(ReportsErrorCode.NotAJudge, ErrorKind.Forbidden, 'this account belongs to no judge');
    return judgeId;
  }

  /** An export the actor may see: a feedback report by its judge only, a survey report by the campaign's owners. */
  private async accessible(actor: Actor, exportId: string): Promise<ReportExportEntity> {
    const found = await this.exports.findOneBy({ id: exportId });
    if (!found) throw new ReportsError(ReportsErrorCode.UnknownExport, ErrorKind.NotFound, 'no such export');
    if (found.kind === 'feedback') {
      if (found.judgeId !== (await this.users.judgeOf(actor.userId))) throw new ReportsError(ReportsErrorCode.NotYours, ErrorKind.Forbidden, 'not your feedback');
    } else {
      await this.campaigns.get(actor, found.campaignId);
    }
    return found;
  }

  private view(found: ReportExportEntity): ExportView {
    const { file: _file, campaign: _campaign, ...rest } = found;
    return rest;
  }
}
