import { Column, Entity, Index, JoinColumn, ManyToOne, PrimaryGeneratedColumn, Unique } from 'typeorm';
import { CampaignEntity } from './campaign.entity';
import { ParticipantEntity } from './participant.entity';

/** One reviewer asked to review one colleague. Never shown to the judge under review. */
@Entity({ schema: 'campaigns', name: 'peer_assignment' })
@Unique('uq_peer_assignment_reviewer_reviewee', ['reviewerParticipantId', 'revieweeJudgeId'])
@Index('ix_peer_assignment_campaign_id', ['campaignId'])
export class PeerAssignmentEntity {
  @PrimaryGeneratedColumn('uuid', { primaryKeyConstraintName: 'pk_peer_assignment' })
  id: string;

  @Column({ type: 'uuid' })
  campaignId: string;

  @ManyToOne(() => CampaignEntity, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'campaign_id', foreignKeyConstraintName: 'fk_peer_assignment_campaign_id' })
  campaign?: CampaignEntity;

  @Column({ type: 'uuid' })
  reviewerParticipantId: string;

  @ManyToOne(() => ParticipantEntity, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'reviewer_participant_id', foreignKeyConstraintName: 'fk_peer_assignment_reviewer_participant_id' })
  reviewer?: ParticipantEntity;

  @Column({ type: 'uuid' })
  revieweeJudgeId: string;

  @Column({ type: 'boolean', default: false })
  responded: boolean;
}
