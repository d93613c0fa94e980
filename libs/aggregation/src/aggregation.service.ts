import { Injectable } from '@nestjs/common';
import canonicalize from 'canonicalize';
import { JobName, JobQueueService } from '@app/core';
import { CampaignEntity, CampaignService } from '@app/campaigns';
import { InstrumentService } from '@app/instruments';
import { COURT_LEVELS, GENDERS, REGIONS, RegistryRepository } from '@app/registry';
import { ReportingAttributes, ResponseReader } from '@app/responses';
import { AggregationError, AggregationErrorCode } from './aggregation.errors';
import { newAuditSolver } from './core/audit';
import { Breakdown } from './core/catalogue';
import { buildPeerReviewSnapshot, DiagnosticSuppressions } from './snapshot/peer-review-snapshot';
import { StoredAttributes, surveyCatalogue, surveyMicrocells } from './snapshot/survey-input';
import { buildSurveySnapshot, dimensionsOf, isChoiceKind, SurveySnapshot, upgradeSurveySnapshot, ReleaseSuppressions, SnapshotProgress, SurveyChoiceQuestion, SurveyQuestion } from './snapshot/survey-snapshot';
import { sha256Of, SnapshotRepository, StoredSnapshot } from './snapshot.repository';

function byBreakdown(attributes: ReportingAttributes): StoredAttributes {
  return {
    [Breakdown.Gender]: attributes.gender,
    [Breakdown.AgeBand]: attributes.ageBand,
    [Breakdown.ExperienceBand]: attributes.experienceBand,
    [Breakdown.CourtLevel]: attributes.courtLevel,
    [Breakdown.Region]: attributes.regionCode,
  };
}

/**
 * The worker side of the protected aggregation: reads a finalised campaign through the
 * response reader (grouped counts from Postgres, never a response row), runs the pure core and
 * stores the canonical bytes of the release in one statement. Deterministic end to end, so a
 * job that crashed, was repeated or is re-run gives the same bytes.
 */
@Injectable()
export class AggregationService {
  constructor(
    private readonly campaigns: CampaignService,
    private readonly instruments: InstrumentService,
    private readonly registry: RegistryRepository,
    private readonly reader: ResponseReader,
    private readonly snapshots: SnapshotRepository,
    private readonly jobs: JobQueueService,
  ) {}

  /** Computes and stores one release, unless it is stored already. */
  async aggregate(campaignId: string, release: number, progress?: (p: SnapshotProgress) => void | Promise<void>): Promise<{ sha256: string; created: boolean }> {
    const stored = await this.snapshots.header(campaignId, release);
    if (stored) return { sha256: stored.sha256, created: false };
    return this.snapshots.store(campaignId, release, await this.compute(campaignId, release, progress));
  }

  /** A stored release (the latest by default), for the system's own jobs such as exports. */
  async stored(campaignId: string, release?: number): Promise<StoredSnapshot | null> {
    const wanted = release ?? (await this.snapshots.headers(campaignId)).at(-1)?.release;
    return wanted === undefined ? null : this.snapshots.find(campaignId, wanted);
  }

  /**
   * Recomputes a stored release and says whether the bytes are the same (they always must be).
   * A release stored in an earlier snapshot format cannot be compared byte for byte with
   * today's computation: `formats` then names both, and `identical` is false.
   */
  async verify(campaignId: string, release: number): Promise<{ stored: string; recomputed: string; identical: boolean; formats?: { stored: string; recomputed: string } }> {
    const stored = await this.snapshots.find(campaignId, release);
    if (!stored) throw new AggregationError(AggregationErrorCode.UnknownRelease, `no release ${release}`, { release });
    const content = await this.compute(campaignId, release);
    const recomputed = sha256Of(content);
    const [storedFormat, recomputedFormat] = [stored.content, content].map((json) => (JSON.parse(json) as { format: string }).format);
    return {
      stored: stored.sha256,
      recomputed,
      identical: recomputed === stored.sha256,
      ...(storedFormat === recomputedFormat ? {} : { formats: { stored: storedFormat, recomputed: recomputedFormat } }),
    };
  }

  /** Queues release 1 of every finalised campaign that has none (a lost job, or Redis lost at the wrong moment). */
  async reconcile(): Promise<number> {
    let queued = 0;
    for (const campaignId of await this.snapshots.withoutSnapshot(await this.campaigns.closedCampaignIds())) {
      if (!(await this.reader.finalized(campaignId))) continue;
      await this.jobs.enqueue(JobName.AggregateCampaign, {
        campaignId,
        release: 1,
      });
      queued += 1;
    }
    return queued;
  }

  /** The canonical JSON of one release (RFC 8785: sorted keys, shortest numbers). */
  async compute(campaignId: string, release: number, progress?: (p: SnapshotProgress) => void | Promise<void>): Promise<string> {
    const campaign = await this.campaigns.find(campaignId);
    if (!campaign) throw new AggregationError(AggregationErrorCode.InconsistentInput, `no campaign ${campaignId}`, { reason: 'no such campaign' });
    if (!(await this.reader.finalized(campaignId))) {
      throw new AggregationError(AggregationErrorCode.ResultsLocked, `campaign ${campaignId} is not closed and finalised`, { status: campaign.status });
    }
    const snapshot =
      campaign.kind === 'peer-review'
        ? await this.peerReview(campaign, release, await this.previousSuppressions<DiagnosticSuppressions>(campaignId, release, (s) => s.raterDiagnostic?.suppressed))
        : await this.survey(campaign, release, await this.previousSuppressions<ReleaseSuppressions>(campaignId, release, (s) => upgradeSurveySnapshot(s as SurveySnapshot).suppressed), progress);
    return canonicalize(snapshot)!;
  }

  /** What release `release - 1` suppressed, which `release` must keep (ANONYMITY.md D); null for release 1. */
  private async previousSuppressions<T>(
    campaignId: string,
    release: number,
    pick: (snapshot: { suppressed?: T; raterDiagnostic?: { suppressed: T } }) => T | undefined,
  ): Promise<T | null> {
    if (release === 1) return null;
    const earlier = await this.snapshots.find(campaignId, release - 1);
    if (!earlier) throw new AggregationError(AggregationErrorCode.UnknownRelease, `release ${release} needs release ${release - 1}`, { release: release - 1 });
    return pick(JSON.parse(earlier.content)) ?? null;
  }

  private async scaleQuestions(campaign: CampaignEntity): Promise<SurveyQuestion[]> {
    return (await this.instruments.reportingSchemaOf(campaign.instrumentVersionId))
      .filter((q) => q.answerKind === 'scale' && q.scale && !q.conditional)
      .map((q) => ({
        name: q.name,
        dimension: q.dimension,
        reverse: q.reverse,
        scale: { min: q.scale!.min, max: q.scale!.max },
      }));
  }

  /** Single-choice, multiple-choice and yes/no questions, with their option values in order. */
  private async choiceQuestions(campaign: CampaignEntity): Promise<SurveyChoiceQuestion[]> {
    return (await this.instruments.reportingSchemaOf(campaign.instrumentVersionId)).flatMap((q) => {
      const kind = q.answerKind;
      if (!isChoiceKind(kind) || !q.choices || q.conditional) return [];
      const options = q.choices.map((c) => c.value);
      return [{ name: q.name, kind, options, ...(kind === 'multiple-choice' ? { selection: { min: q.minSelected ?? 1, max: q.maxSelected ?? options.length } } : {}) }];
    });
  }

  private scoredItems(questions: readonly SurveyQuestion[]) {
    return questions.map((q) => ({
      name: q.name,
      dimension: q.dimension,
      reverse: q.reverse,
      mirror: q.scale.min + q.scale.max,
    }));
  }

  private async survey(campaign: CampaignEntity, release: number, previous: ReleaseSuppressions | null, progress?: (p: SnapshotProgress) => void | Promise<void>) {
    const questions = await this.scaleQuestions(campaign);
    const choices = await this.choiceQuestions(campaign);
    const choiceItems = choices.map((q) => ({ name: q.name, multiple: q.kind === 'multiple-choice', options: q.options }));
    const [population, respondents, answers, scores, choiceAnswered, choiceChosen] = [
      await this.reader.populationGroups(campaign.id, campaign.thresholds.count),
      await this.reader.respondentGroups(campaign.id),
      await this.reader.scaleAnswerCounts(
        campaign.id,
        questions.map((q) => q.name),
      ),
      await this.reader.dimensionScoreCounts(campaign.id, this.scoredItems(questions)),
      await this.reader.choiceAnsweredCounts(campaign.id, choiceItems),
      await this.reader.choiceChosenCounts(campaign.id, choiceItems),
    ];
    const bands = async (kind: 'age' | 'experience', version: number) => ((await this.registry.bandDefinition(kind, version))?.bands ?? []).map((b) => b.code);
    const known: Record<string, readonly string[]> = {
      [Breakdown.Gender]: GENDERS.codes,
      [Breakdown.AgeBand]: await bands('age', campaign.ageBandVersion),
      [Breakdown.ExperienceBand]: await bands('experience', campaign.experienceBandVersion),
      [Breakdown.CourtLevel]: COURT_LEVELS.codes,
      [Breakdown.Region]: REGIONS.map((r) => r.code),
    };
    const populationByBreakdown = population.map((g) => ({
      attributes: byBreakdown(g.attributes),
      population: g.population,
    }));
    const catalogue = surveyCatalogue(campaign.catalogue ?? [[]], known, populationByBreakdown);
    const microcells = surveyMicrocells(
      catalogue,
      {
        population: populationByBreakdown,
        respondents: respondents.map((g) => ({
          attributes: byBreakdown(g.attributes),
          respondents: g.respondents,
        })),
        answers: answers.map((a) => ({
          ...a,
          attributes: byBreakdown(a.attributes),
        })),
        scores: scores.map((s) => ({
          ...s,
          attributes: byBreakdown(s.attributes),
        })),
        choiceAnswered: choiceAnswered.map((c) => ({ ...c, attributes: byBreakdown(c.attributes) })),
        choiceChosen: choiceChosen.map((c) => ({ ...c, attributes: byBreakdown(c.attributes) })),
      },
      questions,
      dimensionsOf(questions).map((d) => d.code),
      choices,
    );
    return buildSurveySnapshot(
      {
        campaign: { id: campaign.id, kind: campaign.kind, release },
        thresholds: campaign.thresholds,
        catalogue,
        questions,
        choices,
        microcells,
        previous,
      },
      { solver: await newAuditSolver(), progress },
    );
  }

  private async peerReview(campaign: CampaignEntity, release: number, previous: DiagnosticSuppressions | null) {
    const questions = await this.scaleQuestions(campaign);
    const dimensions = dimensionsOf(questions);
    const scale = dimensions[0]?.scale ?? { min: 1, max: 5 };
    if (dimensions.some((d) => d.scale.min !== scale.min || d.scale.max !== scale.max)) {
      throw new AggregationError(AggregationErrorCode.InconsistentInput, 'peer-review competencies on different scales', { reason: 'competencies on different scales' });
    }
    return buildPeerReviewSnapshot(
      {
        campaign: { id: campaign.id, kind: campaign.kind, release },
        thresholds: campaign.thresholds,
        scale,
        competencies: dimensions.map((d) => d.code),
        reviewees: await this.campaigns.reviewees(campaign.id),
        scores: (await this.reader.dimensionScoreCounts(campaign.id, this.scoredItems(questions))).flatMap((s) =>
          s.revieweeJudgeId ? [{ ...s, revieweeJudgeId: s.revieweeJudgeId }] : [],
        ),
        assignments: await this.campaigns.assignmentsByGender(campaign.id),
        tally: await this.reader.raterTally(campaign.id),
        previous,
      },
      { solver: await newAuditSolver() },
    );
  }
}
