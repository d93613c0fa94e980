import { createHmac } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { AnonymityThresholds, AppConfig, ErrorKind, isDatabaseConnectionError, JobName, JobQueueService, LocalizedText } from '@app/core';
import { invitationTokenHmac } from '@app/campaigns';
import { answerValidator, AnswerCheck, InstrumentService } from '@app/instruments';
import { AnsweringRepository, CompetencyItems, InvitedParticipant, StoredAnswer } from './answering.repository';
import { attributesKey, coarsenCounts, coarseningGroupSize, ReportingAttributes } from './coarsening';
import { RespondentSessions } from './respondent-sessions';
import { ResponsesError, ResponsesErrorCode } from './responses.errors';

/** Every stored combination of reporting attributes matches at least this many people (ANONYMITY.md E). */
export interface RespondentForm {
  campaign: { kind: string; title: LocalizedText; languages: string[]; deadline: string; thresholds: AnonymityThresholds };
  definition: object;
  reviewees: { key: string; name: string; court: LocalizedText }[];
}

export type Submission = { submissionId: string; answers: unknown } | { submissionId: string; reviews: { key: string; answers: unknown }[] };

interface CampaignFacts {
  id: string;
  kind: string;
  title: LocalizedText;
  languages: string[];
  deadline: Date;
  thresholds: AnonymityThresholds;
  instrumentVersionId: string;
}

/**
 * Answering, exactly once and unlinkably. Submitting is three steps:
 * 1. claim the participant for this submission (participation side);
 * 2. store the answers with a receipt (response side; a retry finds the receipt and stores nothing);
 * 3. mark the participant as answered (participation side).
 * A crash between steps is repaired by the browser retrying with the same submission id:
 * the claim matches, the receipt exists, and step 3 completes. Exactly one response is stored.
 */
@Injectable()
export class AnsweringService {
  private readonly validators = new Map<string, (submitted: unknown) => AnswerCheck>();
  private readonly coarsening = new Map<string, Map<string, ReportingAttributes>>();

  constructor(
    private readonly answering: AnsweringRepository,
    private readonly sessions: RespondentSessions,
    private readonly instruments: InstrumentService,
    private readonly config: AppConfig,
    private readonly jobs: JobQueueService,
    @InjectDataSource() private readonly db: DataSource,
  ) {}

  /** Exchanges an invitation token for a respondent session. The token itself is never stored. */
  async exchange(token: string, now = new Date()): Promise<{ cookieValue: string; expiresAt: Date; form: RespondentForm }> {
    const participant = typeof token === 'string' && token.length <= 100 ? await this.answering.participantByToken(invitationTokenHmac(this.config.TOKEN_HMAC_SECRET, token), now) : null;
    if (!participant) throw new ResponsesError(ResponsesErrorCode.TokenInvalid, ErrorKind.Unauthenticated, 'invalid token', [{ field: 'token', reason: 'unknown or expired' }]);
    this.assertCanAnswer(participant, now);
    const session = await this.sessions.open(participant.participantId, participant.deadline, now);
    return { ...session, form: await this.form(participant) };
  }

  async formOf(cookieValue: string | undefined, now = new Date()): Promise<RespondentForm> {
    const participant = await this.sessionParticipant(cookieValue);
    this.assertCanAnswer(participant, now);
    return this.form(participant);
  }

  async submit(cookieValue: string | undefined, submission: Submission, now = new Date()): Promise<'recorded' | 'already-recorded'> {
    const participant = await this.sessionParticipant(cookieValue);
    const campaign = await this.campaign(participant.campaignId);
    const receiptHmac = this.hmac('receipt', submission.submissionId);
    if (participant.responded) {
      if (await this.answering.receiptExists(receiptHmac)) return 'already-recorded';
      throw this.alreadyAnswered();
    }
    if (participant.campaignStatus !== 'open' || participant.deadline <= now) throw this.closed();
    const rows = await this.rows(participant, campaign, submission);

    const claimHmac = this.hmac('claim', submission.submissionId);
    const claim = await this.answering.claim(participant.participantId, claimHmac);
    if (claim === 'responded') {
      if (await this.answering.receiptExists(receiptHmac)) return 'already-recorded';
      throw this.alreadyAnswered();
    }
    if (claim === 'claimed-by-another') {
      throw new ResponsesError(ResponsesErrorCode.SubmissionInProgress, ErrorKind.Conflict, 'another submission holds the claim', [{ field: 'submissionId', reason: 'another submission is in progress' }]);
    }
    let stored: boolean | 'closed';
    try {
      stored = await this.answering.store(campaign.id, receiptHmac, rows);
    } catch (error) {
      // A refused write (not a lost connection) will be refused again: free the participant.
      if (!isDatabaseConnectionError(error)) await this.answering.releaseClaim(participant.participantId, claimHmac);
      throw error;
    }
    if (stored === 'closed') {
      await this.answering.releaseClaim(participant.participantId, claimHmac);
      throw this.closed();
    }
    await this.answering.complete(participant.participantId, claimHmac);
    // The session stays until it expires: a browser that lost this reply retries with the
    // same submission id and is told the answer is recorded. Answers wait in the mix buffer
    // until close (ANONYMITY.md E: "or all together at close"), so no batch of the response
    // store can be matched to the people who answered between two flushes.
    return stored ? 'recorded' : 'already-recorded';
  }

  /** Queues the finalisation of closed campaigns that did not finish it (a lost or failed job). */
  async reconcile(): Promise<number> {
    const campaigns = await this.answering.unfinalized();
    for (const campaignId of campaigns) await this.jobs.enqueue(JobName.FinalizeResponses, { campaignId });
    return campaigns.length;
  }

  /** At close: everything buffered goes in, the store is rewritten in random order, receipts and claims go. */
  async finalize(campaignId: string): Promise<number> {
    const stored = await this.answering.finalize(campaignId, await this.competencyItems(campaignId));
    await this.answering.clearClaims(campaignId);
    this.coarsening.delete(campaignId);
    return stored;
  }

  /** For a peer-review round, what the rater-gender tally needs of its instrument; null otherwise. */
  private async competencyItems(campaignId: string): Promise<CompetencyItems | null> {
    const campaign = await this.campaign(campaignId);
    if (campaign.kind !== 'peer-review') return null;
    const ratings = (await this.instruments.reportingSchemaOf(campaign.instrumentVersionId)).filter((q) => q.answerKind === 'scale' && q.scale);
    if (ratings.length === 0) return null;
    return {
      items: ratings.map((q) => ({ name: q.name, competency: q.dimension, reverse: q.reverse })),
      scale: { min: ratings[0].scale!.min, max: ratings[0].scale!.max },
    };
  }

  private async rows(participant: InvitedParticipant, campaign: CampaignFacts, submission: Submission): Promise<StoredAnswer[]> {
    const validate = await this.validator(campaign.instrumentVersionId);
    if (campaign.kind === 'peer-review') {
      const reviews = 'reviews' in submission && Array.isArray(submission.reviews) ? submission.reviews : [];
      const assigned = new Set((await this.answering.reviewees(participant.participantId)).map((r) => r.judge_id));
      const problems = reviews.flatMap((review, index) => [
        ...(assigned.has(review?.key) ? [] : [{ field: `reviews[${index}].key`, reason: 'is not a colleague assigned to you' }]),
        ...validate(review?.answers).problems.map((p) => ({ ...p, field: `reviews[${index}].${p.field}` })),
      ]);
      if (reviews.length === 0) problems.push({ field: 'reviews', reason: 'must contain at least one review' });
      if (new Set(reviews.map((r) => r?.key)).size !== reviews.length) problems.push({ field: 'reviews', reason: 'reviews a colleague twice' });
      if (problems.length > 0) throw this.invalid(problems);
      reviews.forEach((review) => assertWellFormed(review.answers));
      // Stored reviews carry no reviewer attribute, only whom they are about. The reviewer's
      // gender waits in the mix buffer for the national tally at close (see finalize).
      const { gender } = await this.answering.participantAttributes(participant.participantId);
      return reviews.map((review) => ({ answers: validate(review.answers).answers, revieweeJudgeId: review.key, raterGender: gender, ...NO_ATTRIBUTES }));
    }
    const check = validate('answers' in submission ? submission.answers : undefined);
    if (check.problems.length > 0) throw this.invalid(check.problems);
    assertWellFormed(check.answers);
    const attributes = (await this.coarsened(campaign)).get(attributesKey(await this.answering.participantAttributes(participant.participantId)))!;
    return [{ answers: check.answers, revieweeJudgeId: null, raterGender: null, ...attributes }];
  }

  private async coarsened(campaign: CampaignFacts): Promise<Map<string, ReportingAttributes>> {
    let map = this.coarsening.get(campaign.id);
    if (!map) {
      map = coarsenCounts(await this.answering.populationCounts(campaign.id), coarseningGroupSize(campaign.thresholds.count));
      this.coarsening.set(campaign.id, map);
    }
    return map;
  }

  private async validator(versionId: string): Promise<(submitted: unknown) => AnswerCheck> {
    let validate = this.validators.get(versionId);
    if (!validate) {
      validate = answerValidator((await this.instruments.versionById(versionId)).definition as object);
      this.validators.set(versionId, validate);
    }
    return validate;
  }

  private async form(participant: InvitedParticipant): Promise<RespondentForm> {
    const campaign = await this.campaign(participant.campaignId);
    const reviewees = campaign.kind === 'peer-review' ? await this.answering.reviewees(participant.participantId) : [];
    return {
      campaign: { kind: campaign.kind, title: campaign.title, languages: campaign.languages, deadline: campaign.deadline.toISOString(), thresholds: campaign.thresholds },
      definition: (await this.instruments.versionById(campaign.instrumentVersionId)).definition as object,
      reviewees: reviewees.map((r) => ({ key: r.judge_id, name: r.full_name, court: { kk: r.name_kk, ru: r.name_ru, en: r.name_en } })),
    };
  }

  private async campaign(id: string): Promise<CampaignFacts> {
    const [row] = await this.db.query(
      `SELECT id, kind, title_kk, title_ru, title_en, languages, deadline, thresholds, instrument_version_id FROM campaigns.campaign WHERE id = $1`,
      [id],
    );
    return {
      id: row.id,
      kind: row.kind,
      title: { kk: row.title_kk, ru: row.title_ru, en: row.title_en },
      languages: row.languages,
      deadline: row.deadline,
      thresholds: row.thresholds,
      instrumentVersionId: row.instrument_version_id,
    };
  }

  private async sessionParticipant(cookieValue: string | undefined): Promise<InvitedParticipant> {
    const participantId = await this.sessions.participantOf(cookieValue);
    const participant = participantId ? await this.answering.participant(participantId) : null;
    if (!participant) throw new ResponsesError(ResponsesErrorCode.SessionExpired, ErrorKind.Unauthenticated, 'no respondent session', [{ field: 'session', reason: 'expired' }]);
    return participant;
  }

  private assertCanAnswer(participant: InvitedParticipant, now: Date): void {
    if (participant.responded) throw this.alreadyAnswered();
    if (participant.campaignStatus !== 'open' || participant.deadline <= now) throw this.closed();
  }

  private hmac(purpose: 'claim' | 'receipt', submissionId: string): string {
    return createHmac('sha256', this.config.TOKEN_HMAC_SECRET).update(`${purpose}:${submissionId}`).digest('base64url');
  }

  private alreadyAnswered(): ResponsesError {
    return new ResponsesError(ResponsesErrorCode.AlreadyAnswered, ErrorKind.Conflict, 'already answered', [{ field: 'token', reason: 'already answered' }]);
  }

  private closed(): ResponsesError {
    return new ResponsesError(ResponsesErrorCode.CampaignClosed, ErrorKind.Gone, 'campaign closed', [{ field: 'campaign', reason: 'closed' }]);
  }

  private invalid(problems: { field: string; reason: string }[]): ResponsesError {
    return new ResponsesError(ResponsesErrorCode.InvalidAnswers, ErrorKind.Invalid, 'invalid answers', problems);
  }
}

/** Text with lone surrogates cannot be stored as jsonb: refuse it as invalid input rather than fail to store. */
function assertWellFormed(answers: unknown): void {
  const bad = Object.entries((answers ?? {}) as Record<string, unknown>).filter(([, value]) =>
    [value].flat().some((v) => typeof v === 'string' && !(v as string & { isWellFormed(): boolean }).isWellFormed()),
  );
  if (bad.length > 0) {
    throw new ResponsesError(
      ResponsesErrorCode.InvalidAnswers,
      ErrorKind.Invalid,
      'malformed text',
      bad.map(([field]) => ({ field, reason: 'contains characters that are not valid text' })),
    );
  }
}

const NO_ATTRIBUTES: ReportingAttributes = { gender: null, ageBand: null, experienceBand: null, courtLevel: null, regionCode: null };
