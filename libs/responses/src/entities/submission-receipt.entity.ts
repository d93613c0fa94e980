import { Column, Entity, Index, PrimaryColumn } from 'typeorm';

/**
 * Proof that a submission (identified by an HMAC of the browser's submission id) has been
 * stored, so a retry stores nothing twice. It names neither the participant nor the
 * response; receipts are deleted when the campaign closes.
 */
@Entity({ schema: 'responses', name: 'submission_receipt' })
@Index('ix_submission_receipt_campaign_id', ['campaignId'])
export class SubmissionReceiptEntity {
  @PrimaryColumn({ type: 'text', primaryKeyConstraintName: 'pk_submission_receipt' })
  receiptHmac: string;

  @Column({ type: 'uuid' })
  campaignId: string;
}
