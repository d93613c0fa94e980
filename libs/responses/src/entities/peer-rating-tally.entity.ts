import { Column, Entity, PrimaryColumn } from 'typeorm';

/**
 * National counts of peer reviews by reviewer gender, judge gender, competency and the
 * review's competency score (nearest scale point; 0 when the competency was skipped). Written
 * once, at close, from the mix buffer: no review row ever carries its reviewer's gender.
 */
@Entity({ schema: 'responses', name: 'peer_rating_tally' })
export class PeerRatingTallyEntity {
  @PrimaryColumn({ type: 'uuid', primaryKeyConstraintName: 'pk_peer_rating_tally' })
  campaignId: string;

  @PrimaryColumn({ type: 'text', primaryKeyConstraintName: 'pk_peer_rating_tally' })
  raterGender: string;

  @PrimaryColumn({ type: 'text', primaryKeyConstraintName: 'pk_peer_rating_tally' })
  judgeGender: string;

  @PrimaryColumn({ type: 'text', primaryKeyConstraintName: 'pk_peer_rating_tally' })
  competency: string;

  @PrimaryColumn({ type: 'integer', primaryKeyConstraintName: 'pk_peer_rating_tally' })
  point: number;

  @Column({ type: 'integer' })
  count: number;
}
