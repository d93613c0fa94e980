import { Column, Entity, Index, JoinColumn, ManyToOne, PrimaryColumn } from 'typeorm';
import { ParticipantEntity } from './participant.entity';

/** An invitation token, stored only as its HMAC. Each e-mail carries a fresh one; all end when the participant answers. */
@Entity({ schema: 'campaigns', name: 'invitation_token' })
@Index('ix_invitation_token_participant_id', ['participantId'])
export class InvitationTokenEntity {
  @PrimaryColumn({ type: 'text', primaryKeyConstraintName: 'pk_invitation_token' })
  tokenHmac: string;

  @Column({ type: 'uuid' })
  participantId: string;

  @ManyToOne(() => ParticipantEntity, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'participant_id', foreignKeyConstraintName: 'fk_invitation_token_participant_id' })
  participant?: ParticipantEntity;

  @Column({ type: 'timestamptz' })
  expiresAt: Date;
}
