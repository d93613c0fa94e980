import { createHmac } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { AppConfig, ErrorKind, LocalizedText } from '@app/core';
import { AuditLogService, Principal } from '@app/auth';
import { CampaignEntity, CampaignService } from '@app/campaigns';
import { InstrumentService } from '@app/instruments';
import { ResponseReader } from '@app/responses';
import { CommentFlag, commentFlags, registerNameWords } from './comment-checks';
import { CommentDecisionEntity } from './entities/comment-decision.entity';
import { ReportsError, ReportsErrorCode } from './reports.errors';

type Actor = Pick<Principal, 'userId' | 'login' | 'role'>;

export type CommentStatus = 'clean' | 'pending' | 'approved' | 'redacted';

export interface Comment {
  /** Opaque and stable: an HMAC of the answer's response id and question, so comments of one respondent cannot be grouped. */
  readonly ref: string;
  readonly text: string;
  readonly status: CommentStatus;
  readonly flags: readonly CommentFlag[];
}

export interface QuestionComments {
  readonly question: string;
  readonly title: LocalizedText;
  /** Null when fewer people than the free-text threshold answered: nothing is shown. */
  readonly comments: readonly Comment[] | null;
}

/**
 * Free-text answers after close (ANONYMITY.md G): shown only for questions answered by at
 * least the free-text threshold, without demographic tags, in an order unrelated to when or by
 * whom they were written. Comments that name someone from the register or carry personal data
 * wait for a Commission or HR member to approve or redact them; each decision is audited.
 */
@Injectable()
export class CommentsService {
  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly config: AppConfig,
    private readonly campaigns: CampaignService,
    private readonly instruments: InstrumentService,
    private readonly reader: ResponseReader,
    private readonly audit: AuditLogService,
  ) {}

  /** Every comment with its screening, for the moderation screen. */
  async forModeration(actor: Actor, campaignId: string): Promise<QuestionComments[]> {
    return this.comments(await this.closedCampaign(actor, campaignId));
  }

  /** What reports may show: comments that are clean, approved or redacted (redacted ones in their redacted form). */
  async published(campaignId: string): Promise<QuestionComments[]> {
    const campaign = await this.campaigns.find(campaignId);
    if (!campaign) return [];
    return (await this.comments(campaign)).map((q) => ({ ...q, comments: q.comments && q.comments.filter((c) => c.status !== 'pending') }));
  }

  async decide(actor: Actor, campaignId: string, ref: string, decision: { action: 'approve' | 'redact'; text?: string }): Promise<Comment> {
    const campaign = await this.closedCampaign(actor, campaignId);
    const comment = (await this.comments(campaign)).flatMap((q) => q.comments ?? []).find((c) => c.ref === ref);
    if (!comment) throw new ReportsError(ReportsErrorCode.UnknownComment, ErrorKind.NotFound, 'no such comment', [{ field: 'ref', reason: 'is not a comment of this campaign' }]);
    const redactedText = decision.action === 'redact' ? (decision.text ?? '').trim() : null;
    if (decision.action === 'redact' && !redactedText) {
      throw new ReportsError(ReportsErrorCode.RedactionEmpty, ErrorKind.Invalid, 'redacted text missing', [{ field: 'text', reason: 'must not be empty' }]);
    }
    await this.db
      .getRepository(CommentDecisionEntity)
      .upsert({ ref, campaignId, decision: decision.action === 'approve' ? 'approved' : 'redacted', redactedText }, ['ref']);
    await this.audit.record(actor, { action: decision.action === 'approve' ? 'comments.approved' : 'comments.redacted', targetType: 'comment', targetId: ref, details: { campaignId } });
    return (await this.comments(campaign)).flatMap((q) => q.comments ?? []).find((c) => c.ref === ref)!;
  }

  private async closedCampaign(actor: Actor, campaignId: string): Promise<CampaignEntity> {
    const campaign = await this.campaigns.get(actor, campaignId);
    if (campaign.status === 'draft' || campaign.status === 'open') {
      throw new ReportsError(ReportsErrorCode.CommentsLocked, ErrorKind.Conflict, `campaign is ${campaign.status}`, [], { status: campaign.status });
    }
    return campaign;
  }

  private async comments(campaign: CampaignEntity): Promise<QuestionComments[]> {
    if (!(await this.reader.finalized(campaign.id))) return [];
    const questions = (await this.instruments.reportingSchemaOf(campaign.instrumentVersionId)).filter((q) => q.freeText);
    const answers = await this.reader.freeTextAnswers(
      campaign.id,
      questions.map((q) => q.name),
    );
    const decisions = new Map((await this.db.getRepository(CommentDecisionEntity).findBy({ campaignId: campaign.id })).map((d) => [d.ref, d]));
    const names = registerNameWords(
      (await this.db.query(`SELECT full_name FROM registry.judge UNION ALL SELECT full_name FROM registry.staff_member`)).map((r: { full_name: string }) => r.full_name),
    );
    return questions.map((question) => {
      const given = answers.filter((a) => a.question === question.name);
      if (given.length < campaign.thresholds.freeText) return { question: question.name, title: question.title, comments: null };
      const comments = given.map((answer): Comment => {
        const ref = createHmac('sha256', this.config.TOKEN_HMAC_SECRET).update(`comment:${answer.responseId}:${answer.question}`).digest('base64url');
        const flags = commentFlags(answer.text, names);
        const decision = decisions.get(ref);
        const status: CommentStatus = decision ? decision.decision : flags.length > 0 ? 'pending' : 'clean';
        return { ref, text: decision?.redactedText ?? answer.text, status, flags };
      });
      // Ordered by the HMAC reference: stable, and unrelated to who answered or when.
      return { question: question.name, title: question.title, comments: comments.sort((a, b) => (a.ref < b.ref ? -1 : 1)) };
    });
  }
}
