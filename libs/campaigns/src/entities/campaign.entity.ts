import { Check, Column, CreateDateColumn, Entity, PrimaryGeneratedColumn } from 'typeorm';
import type { AnonymityThresholds } from '@app/core';
import type { PopulationFilter } from '@app/registry';
import type { Breakdown, CampaignKind, CampaignStatus, PeerReviewSettings } from '../campaign-rules';

/**
 * A survey or peer-review round. While `draft` every setting may change; from launch on,
 * a database trigger refuses any change to the locked settings (see the migration).
 */
@Entity({ schema: 'campaigns', name: 'campaign' })
@Check('ck_campaign_kind', `"kind" IN ('judges-survey', 'staff-survey', 'peer-review')`)
@Check('ck_campaign_status', `"status" IN ('draft', 'open', 'closed', 'published')`)
export class CampaignEntity {
  @PrimaryGeneratedColumn('uuid', { primaryKeyConstraintName: 'pk_campaign' })
  id: string;

  @Column({ type: 'text' })
  kind: CampaignKind;

  @Column({ type: 'text', default: 'draft' })
  status: CampaignStatus;

  @Column({ type: 'text' })
  titleKk: string;

  @Column({ type: 'text' })
  titleRu: string;

  @Column({ type: 'text' })
  titleEn: string;

  @Column({ type: 'uuid' })
  instrumentVersionId: string;

  @Column({ type: 'jsonb', default: {} })
  population: PopulationFilter;

  @Column({ type: 'jsonb' })
  thresholds: AnonymityThresholds;

  @Column({ type: 'jsonb' })
  breakdowns: Breakdown[];

  /** The table catalogue, derived from the breakdowns and fixed at launch. */
  @Column({ type: 'jsonb', nullable: true })
  catalogue: Breakdown[][] | null;

  @Column({ type: 'text', array: true })
  languages: string[];

  @Column({ type: 'timestamptz' })
  deadline: Date;

  @Column({ type: 'integer', array: true })
  reminderDays: number[];

  @Column({ type: 'integer' })
  ageBandVersion: number;

  @Column({ type: 'integer' })
  experienceBandVersion: number;

  @Column({ type: 'jsonb', nullable: true })
  peer: PeerReviewSettings | null;

  /** Ages and service are counted on this day (the launch day). */
  @Column({ type: 'date', nullable: true })
  referenceDate: string | null;

  @Column({ type: 'timestamptz', nullable: true })
  launchedAt: Date | null;

  @Column({ type: 'timestamptz', nullable: true })
  closedAt: Date | null;

  @Column({ type: 'timestamptz', nullable: true })
  publishedAt: Date | null;

  @Column({ type: 'uuid' })
  createdBy: string;

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt: Date;
}
