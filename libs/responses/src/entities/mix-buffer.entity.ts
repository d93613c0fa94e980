import { Entity, Index, PrimaryGeneratedColumn } from 'typeorm';
import { StoredAnswerColumns } from './stored-answer.columns';

/** Answers waiting to be moved, in random order and in batches, into the response store. Same columns, nothing more. */
@Entity({ schema: 'responses', name: 'mix_buffer' })
@Index('ix_mix_buffer_campaign_id', ['campaignId'])
export class MixBufferEntity extends StoredAnswerColumns {
  @PrimaryGeneratedColumn('uuid', { primaryKeyConstraintName: 'pk_mix_buffer' })
  id: string;
}
