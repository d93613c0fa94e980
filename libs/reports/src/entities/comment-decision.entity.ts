import { Check, Column, Entity, Index, PrimaryColumn } from 'typeorm';

/**
 * A moderator's decision on one flagged comment. The comment is named by an opaque reference
 * (an HMAC of its response id and question), so decisions cannot group one respondent's
 * comments; who decided is in the audit log, kept apart (ANONYMITY.md G).
 */
@Entity({ schema: 'reports', name: 'comment_decision' })
@Index('ix_comment_decision_campaign_id', ['campaignId'])
@Check('ck_comment_decision_decision', `"decision" IN ('approved', 'redacted')`)
export class CommentDecisionEntity {
  @PrimaryColumn({ type: 'text', primaryKeyConstraintName: 'pk_comment_decision' })
  ref: string;

  @Column({ type: 'uuid' })
  campaignId: string;

  @Column({ type: 'text' })
  decision: 'approved' | 'redacted';

  /** The text to show instead, when redacted. */
  @Column({ type: 'text', nullable: true })
  redactedText: string | null;
}
