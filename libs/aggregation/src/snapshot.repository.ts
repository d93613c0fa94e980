import { createHash } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { AggregationError, AggregationErrorCode } from './aggregation.errors';

export interface StoredSnapshot {
  campaignId: string;
  release: number;
  content: string;
  sha256: string;
  createdAt: Date;
}

export type SnapshotHeader = Omit<StoredSnapshot, 'content'>;

export function sha256Of(content: string): string {
  return createHash('sha256').update(content, 'utf8').digest('hex');
}

/** Snapshots are inserted once and never changed (a trigger refuses updates and deletes). */
@Injectable()
export class SnapshotRepository {
  constructor(@InjectDataSource() private readonly db: DataSource) {}

  /**
   * Stores a release in one statement. A release stored before (a repeated or resumed job)
   * is kept; if its bytes differ from these the computation is not deterministic, and that is
   * an error, never an overwrite.
   */
  async store(campaignId: string, release: number, content: string): Promise<{ sha256: string; created: boolean }> {
    const sha256 = sha256Of(content);
    const inserted = await this.db.query(
      `INSERT INTO aggregation.snapshot (campaign_id, release, content, sha256) VALUES ($1, $2, $3, $4)
       ON CONFLICT (campaign_id, release) DO NOTHING RETURNING release`,
      [campaignId, release, content, sha256],
    );
    if (inserted.length === 1) return { sha256, created: true };
    const existing = await this.header(campaignId, release);
    if (existing?.sha256 !== sha256) throw new AggregationError(AggregationErrorCode.SnapshotMismatch, `release ${release} of ${campaignId} differs`, { release });
    return { sha256, created: false };
  }

  async find(campaignId: string, release: number): Promise<StoredSnapshot | null> {
    const [row] = await this.db.query(`SELECT campaign_id, release, content, sha256, created_at FROM aggregation.snapshot WHERE campaign_id = $1 AND release = $2`, [
      campaignId,
      release,
    ]);
    return row ? { campaignId: row.campaign_id, release: row.release, content: row.content, sha256: row.sha256, createdAt: row.created_at } : null;
  }

  async header(campaignId: string, release: number): Promise<SnapshotHeader | null> {
    return (await this.headers(campaignId)).find((h) => h.release === release) ?? null;
  }

  /** Every release of a campaign, oldest first, without their content. */
  async headers(campaignId: string): Promise<SnapshotHeader[]> {
    const rows = await this.db.query(`SELECT campaign_id, release, sha256, created_at FROM aggregation.snapshot WHERE campaign_id = $1 ORDER BY release`, [campaignId]);
    return rows.map((row: Record<string, unknown>) => ({ campaignId: row.campaign_id, release: row.release, sha256: row.sha256, createdAt: row.created_at }) as SnapshotHeader);
  }

  /** Of the given campaigns, those without any release yet. */
  async withoutSnapshot(campaignIds: string[]): Promise<string[]> {
    const rows = await this.db.query(
      `SELECT id FROM unnest($1::uuid[]) AS c(id) WHERE NOT EXISTS (SELECT 1 FROM aggregation.snapshot s WHERE s.campaign_id = c.id) ORDER BY id`,
      [campaignIds],
    );
    return rows.map((row: { id: string }) => row.id);
  }
}
