import { Column, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';
import { StoredAnswerColumns } from './stored-answer.columns';

/**
 * Answers waiting to be moved, in random order, into the response store: the same columns, and
 * for peer reviews the reviewer's gender, which is tallied nationally at close and never moved.
 */
@Entity({ schema: 'responses', name: 'mix_buffer' })
@Index('ix_mix_buffer_campaign_id', ['campaignId'])
export class MixBufferEntity extends StoredAnswerColumns {
  @PrimaryGeneratedColumn('uuid', { primaryKeyConstraintName: 'pk_mix_buffer' })
  id: string;

  @Column({ type: 'text', nullable: true })
  raterGender: string | null;
}
