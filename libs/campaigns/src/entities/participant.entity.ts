import { Check, Column, Entity, Index, JoinColumn, ManyToOne, PrimaryGeneratedColumn, Unique } from 'typeorm';
import { CampaignEntity } from './campaign.entity';

/**
 * The participation register: who was invited and whether they have answered — a boolean,
 * never a time (ANONYMITY.md E). Reporting attributes are snapshotted at launch so response
 * rates and band coarsening do not move when the register changes later. No API exposes a
 * participant's `responded` flag.
 */
@Entity({ schema: 'campaigns', name: 'participant' })
@Unique('uq_participant_campaign_id_person_id', ['campaignId', 'personId'])
@Index('ix_participant_campaign_id', ['campaignId'])
@Check('ck_participant_person_kind', `"person_kind" IN ('judge', 'staff')`)
@Check('ck_participant_gender', `"gender" IN ('f', 'm')`)
export class ParticipantEntity {
  @PrimaryGeneratedColumn('uuid', { primaryKeyConstraintName: 'pk_participant' })
  id: string;

  @Column({ type: 'uuid' })
  campaignId: string;

  @ManyToOne(() => CampaignEntity, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'campaign_id', foreignKeyConstraintName: 'fk_participant_campaign_id' })
  campaign?: CampaignEntity;

  @Column({ type: 'text' })
  personKind: 'judge' | 'staff';

  @Column({ type: 'uuid' })
  personId: string;

  @Column({ type: 'text' })
  gender: string;

  @Column({ type: 'text' })
  ageBand: string;

  @Column({ type: 'text' })
  experienceBand: string;

  /** Null for staff of a Court Administration unit. */
  @Column({ type: 'text', nullable: true })
  courtLevel: string | null;

  @Column({ type: 'text' })
  regionCode: string;

  @Column({ type: 'boolean', default: false })
  responded: boolean;

  @Column({ type: 'integer', default: 0 })
  invitationsSent: number;

  /**
   * While a submission is being recorded: an HMAC of the browser's submission id, so only
   * that submission (or its retry) can complete. Never joinable to the stored answer.
   */
  @Column({ type: 'text', nullable: true })
  claimHmac: string | null;
}
