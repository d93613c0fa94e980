import { Injectable } from '@nestjs/common';
import canonicalize from 'canonicalize';
import { JobName, JobQueueService, JobStatus } from '@app/core';
import { AuditLogService, Principal } from '@app/auth';
import { CampaignEntity, CampaignService, campaignView } from '@app/campaigns';
import { AggregationError, AggregationErrorCode } from './aggregation.errors';
import { CatalogueCell, resolveTableRequest } from './core/catalogue';
import { PeerReviewSnapshot } from './snapshot/peer-review-snapshot';
import { SurveySnapshot } from './snapshot/survey-snapshot';
import { SnapshotHeader, SnapshotRepository, StoredSnapshot } from './snapshot.repository';

type Actor = Pick<Principal, 'userId' | 'login' | 'role'>;

export interface ResultsDocument {
  release: number;
  sha256: string;
  /** Canonical JSON: the same bytes on every request. */
  content: string;
}

export interface ResultsStatus {
  campaignStatus: CampaignEntity['status'];
  releases: SnapshotHeader[];
  /** The job computing the next release, while there is one. */
  pending: ({ release: number } & JobStatus) | null;
}

/**
 * Protected results as people read them (ANONYMITY.md B and D): nothing while a campaign is
 * open, then only the cells of its catalogue from an audited snapshot.
 */
@Injectable()
export class ResultsService {
  constructor(
    private readonly campaigns: CampaignService,
    private readonly snapshots: SnapshotRepository,
    private readonly jobs: JobQueueService,
    private readonly audit: AuditLogService,
  ) {}

  /**
   * A release (the latest by default). For a peer-review round the Commission reads the round's
   * summary only: each judge's results are theirs alone.
   */
  async results(actor: Actor, campaignId: string, release?: number): Promise<ResultsDocument> {
    const stored = await this.snapshot(actor, campaignId, release);
    const parsed = JSON.parse(stored.content) as SurveySnapshot | PeerReviewSnapshot;
    if ('judges' in parsed) {
      const { judges: _perJudge, ...summary } = parsed;
      return { release: stored.release, sha256: stored.sha256, content: canonicalize(summary)! };
    }
    return { release: stored.release, sha256: stored.sha256, content: stored.content };
  }

  /**
   * One table of the catalogue, optionally one cell, across the respondent counts, every
   * question and every dimension. Anything else (an unknown table, another field, a cell not in
   * the table, a negation) is refused by the catalogue.
   */
  async table(actor: Actor, campaignId: string, request: unknown, release?: number) {
    const stored = await this.snapshot(actor, campaignId, release);
    const snapshot = JSON.parse(stored.content) as SurveySnapshot | PeerReviewSnapshot;
    if (!('catalogue' in snapshot)) throw new AggregationError(AggregationErrorCode.TableNotInCatalogue, 'a peer-review round has no table catalogue');
    const resolved = resolveTableRequest(snapshot.catalogue, request);
    const pick = <T extends CatalogueCell>(cells: readonly T[]) =>
      cells.filter((c) => c.tableId === resolved.table.id && (!resolved.cell || c.key === resolved.cell.key));
    return {
      release: stored.release,
      table: resolved.table.id,
      cell: resolved.cell?.key ?? null,
      suppressionMarker: snapshot.suppressionMarker,
      respondents: pick(snapshot.respondents),
      questions: snapshot.questions.map((q) => ({ name: q.name, dimension: q.dimension, reverse: q.reverse, scale: q.scale, cells: pick(q.cells) })),
      dimensions: snapshot.dimensions.map((d) => ({ code: d.code, items: d.items, scale: d.scale, cells: pick(d.cells) })),
    };
  }

  async status(actor: Actor, campaignId: string): Promise<ResultsStatus> {
    const campaign = await this.campaigns.get(actor, campaignId);
    const releases = await this.snapshots.headers(campaignId);
    const next = releases.length + 1;
    const job = await this.jobs.status(JobName.AggregateCampaign, { campaignId, release: next });
    return { campaignStatus: campaign.status, releases, pending: job && { release: next, ...job } };
  }

  /** Queues the next release (release 1 if none exists yet; the job after close is the same job). */
  async requestRelease(actor: Actor, campaignId: string): Promise<ResultsStatus> {
    const campaign = await this.campaigns.get(actor, campaignId);
    this.assertClosed(campaign);
    const release = (await this.snapshots.headers(campaignId)).length + 1;
    await this.audit.record(actor, { action: 'results.release-requested', targetType: 'campaign', targetId: campaignId, details: { release } });
    await this.jobs.enqueue(JobName.AggregateCampaign, { campaignId, release });
    return this.status(actor, campaignId);
  }

  /** Publishes a closed campaign whose results exist. */
  async publish(actor: Actor, campaignId: string) {
    const campaign = await this.campaigns.get(actor, campaignId);
    this.assertClosed(campaign);
    if ((await this.snapshots.headers(campaignId)).length === 0) throw this.notReady();
    return campaignView(await this.campaigns.publish(actor, campaignId));
  }

  private async snapshot(actor: Actor, campaignId: string, release?: number): Promise<StoredSnapshot> {
    const campaign = await this.campaigns.get(actor, campaignId);
    this.assertClosed(campaign);
    const headers = await this.snapshots.headers(campaignId);
    if (headers.length === 0) throw this.notReady();
    const wanted = release ?? headers[headers.length - 1].release;
    const stored = await this.snapshots.find(campaignId, wanted);
    if (!stored) throw new AggregationError(AggregationErrorCode.UnknownRelease, `no release ${wanted}`, { release: wanted });
    return stored;
  }

  /** ANONYMITY.md D: nothing but the overall response rate while a campaign is collecting. */
  private assertClosed(campaign: CampaignEntity): void {
    if (campaign.status === 'draft' || campaign.status === 'open') {
      throw new AggregationError(AggregationErrorCode.ResultsLocked, `campaign is ${campaign.status}`, { status: campaign.status });
    }
  }

  private notReady(): AggregationError {
    return new AggregationError(AggregationErrorCode.ResultsNotReady, 'no release yet');
  }
}
