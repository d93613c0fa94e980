import { Check, Column, CreateDateColumn, Entity, JoinColumn, ManyToOne, PrimaryGeneratedColumn } from 'typeorm';
import { CampaignEntity } from '@app/campaigns';

export type ExportStatus = 'queued' | 'running' | 'done' | 'failed';
export type ExportKind = 'survey' | 'feedback';

/**
 * A workbook export: requested by a person, built by the worker from one protected release,
 * kept here (bytes and SHA-256) for download. Every download is in the audit log.
 */
@Entity({ schema: 'reports', name: 'export' })
@Check('ck_export_status', `"status" IN ('queued', 'running', 'done', 'failed')`)
@Check('ck_export_kind', `"kind" IN ('survey', 'feedback')`)
@Check('ck_export_locale', `"locale" IN ('kk', 'ru', 'en')`)
export class ReportExportEntity {
  @PrimaryGeneratedColumn('uuid', { primaryKeyConstraintName: 'pk_export' })
  id: string;

  @Column({ type: 'uuid' })
  campaignId: string;

  @ManyToOne(() => CampaignEntity)
  @JoinColumn({ name: 'campaign_id', foreignKeyConstraintName: 'fk_export_campaign_id' })
  campaign?: CampaignEntity;

  @Column({ type: 'integer' })
  release: number;

  @Column({ type: 'text' })
  kind: ExportKind;

  @Column({ type: 'text' })
  locale: 'kk' | 'ru' | 'en';

  /** Feedback reports: the judge the report is for, who alone may download it. */
  @Column({ type: 'uuid', nullable: true })
  judgeId: string | null;

  @Column({ type: 'text', default: 'queued' })
  status: ExportStatus;

  @Column({ type: 'bytea', nullable: true, select: false })
  file: Buffer | null;

  @Column({ type: 'text', nullable: true })
  sha256: string | null;

  @Column({ type: 'text', nullable: true })
  error: string | null;

  @Column({ type: 'uuid' })
  requestedBy: string;

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt: Date;

  @Column({ type: 'timestamptz', nullable: true })
  finishedAt: Date | null;
}
