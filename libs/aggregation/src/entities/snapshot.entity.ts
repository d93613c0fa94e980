import { Check, Column, CreateDateColumn, Entity, JoinColumn, ManyToOne, PrimaryColumn } from 'typeorm';
import { CampaignEntity } from '@app/campaigns';

/**
 * One release of a campaign's protected results (ANONYMITY.md D): the canonical JSON bytes
 * exactly as served, and their SHA-256. Written once in one statement; a trigger refuses any
 * change afterwards, so a repeated or crashed job can never double-count or alter a release.
 */
@Entity({ schema: 'aggregation', name: 'snapshot' })
@Check('ck_snapshot_release', `"release" >= 1`)
export class SnapshotEntity {
  @PrimaryColumn({ type: 'uuid', primaryKeyConstraintName: 'pk_snapshot' })
  campaignId: string;

  @ManyToOne(() => CampaignEntity)
  @JoinColumn({ name: 'campaign_id', foreignKeyConstraintName: 'fk_snapshot_campaign_id' })
  campaign?: CampaignEntity;

  @PrimaryColumn({ type: 'integer', primaryKeyConstraintName: 'pk_snapshot' })
  release: number;

  @Column({ type: 'text' })
  content: string;

  @Column({ type: 'text' })
  sha256: string;

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt: Date;
}
