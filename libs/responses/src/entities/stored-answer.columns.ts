import { Column } from 'typeorm';

/** The columns of an answer, shared by the mix buffer and the response store: answers and coarsened attributes only. */
export abstract class StoredAnswerColumns {
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
