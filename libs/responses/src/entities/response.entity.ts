import { Entity, Index, PrimaryGeneratedColumn } from 'typeorm';
import { StoredAnswerColumns } from './stored-answer.columns';

/**
 * The response store (ANONYMITY.md E): answers and coarsened reporting attributes only —
 * no token, participant, person, address, user agent, referrer or time; ids are UUIDv4.
 * Rows arrive in shuffled batches from the mix buffer and are rewritten in random order at close.
 */
@Entity({ schema: 'responses', name: 'response' })
@Index('ix_response_campaign_id', ['campaignId'])
export class ResponseEntity extends StoredAnswerColumns {
  @PrimaryGeneratedColumn('uuid', { primaryKeyConstraintName: 'pk_response' })
  id: string;
}
