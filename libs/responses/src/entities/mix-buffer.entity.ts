import { Column, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';

/** Answers waiting to be moved, in random order and in batches, into the response store. Same columns, nothing more. */
@Entity({ schema: 'responses', name: 'mix_buffer' })
@Index('ix_mix_buffer_campaign_id', ['campaignId'])
export class MixBufferEntity {
  @PrimaryGeneratedColumn('uuid', { primaryKeyConstraintName: 'pk_mix_buffer' })
  id: string;

  @Column({ type: 'uuid' })
  campaignId: string;

  @Column({ type: 'jsonb' })
  answers: Record<string, unknown>;

  @Column({ type: 'text', nullable: true })
  gender: string | null;

  @Column({ type: 'text', nullable: true })
  ageBand: string | null;

  @Column({ type: 'text', nullable: true })
  experienceBand: string | null;

  @Column({ type: 'text', nullable: true })
  courtLevel: string | null;

  @Column({ type: 'text', nullable: true })
  regionCode: string | null;

  @Column({ type: 'uuid', nullable: true })
  revieweeJudgeId: string | null;
}
