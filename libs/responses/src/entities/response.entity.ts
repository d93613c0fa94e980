import { Column, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';

/**
 * The response store (ANONYMITY.md E): answers and coarsened reporting attributes only —
 * no token, participant, person, address, user agent, referrer or time; ids are UUIDv4.
 * Rows arrive in shuffled batches from the mix buffer and are rewritten in random order at close.
 */
@Entity({ schema: 'responses', name: 'response' })
@Index('ix_response_campaign_id', ['campaignId'])
export class ResponseEntity {
  @PrimaryGeneratedColumn('uuid', { primaryKeyConstraintName: 'pk_response' })
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

  /** Peer review: the judge the review is about. */
  @Column({ type: 'uuid', nullable: true })
  revieweeJudgeId: string | null;
}
