import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager } from 'typeorm';
import { AttributeCount, ReportingAttributes } from './coarsening';

export interface InvitedParticipant {
  participantId: string;
  campaignId: string;
  personId: string;
  campaignStatus: string;
  responded: boolean;
  deadline: Date;
}

export interface StoredAnswer extends ReportingAttributes {
  answers: Record<string, unknown>;
  revieweeJudgeId: string | null;
  /** Peer reviews only: the reviewer's gender, kept in the mix buffer until the national tally at close. */
  raterGender: string | null;
}

/** What the rater-gender tally needs of a peer-review instrument: each rating's competency and scoring. */
export interface CompetencyItems {
  items: { name: string; competency: string; reverse: boolean }[];
  scale: { min: number; max: number };
}

export type ClaimOutcome = 'claimed' | 'responded' | 'claimed-by-another';

const ANSWER_COLUMNS = 'campaign_id, answers, gender, age_band, experience_band, court_level, region_code, reviewee_judge_id';

/**
 * The SQL of answering. The participation side (campaigns.participant) and the response
 * side (responses.*) are always written in different transactions, so the database's
 * transaction ids never join a person to an answer (ANONYMITY.md E). Per participant the
 * steps are serialised with a transaction-level advisory lock, which marks no row.
 */
@Injectable()
export class AnsweringRepository {
  constructor(@InjectDataSource() private readonly db: DataSource) {}

  /** The participant an invitation token (by its HMAC) belongs to, if it exists and has not expired. */
  async participantByToken(tokenHmac: string, now: Date): Promise<InvitedParticipant | null> {
    const [row] = await this.db.query(
      `SELECT p.id AS participant_id, p.campaign_id, p.person_id, p.responded, c.status, c.deadline
       FROM campaigns.invitation_token t
       JOIN campaigns.participant p ON p.id = t.participant_id
       JOIN campaigns.campaign c ON c.id = p.campaign_id
       WHERE t.token_hmac = $1 AND t.expires_at > $2`,
      [tokenHmac, now],
    );
    return row ? this.invited(row) : null;
  }

  async participant(participantId: string): Promise<InvitedParticipant | null> {
    const [row] = await this.db.query(
      `SELECT p.id AS participant_id, p.campaign_id, p.person_id, p.responded, c.status, c.deadline
       FROM campaigns.participant p JOIN campaigns.campaign c ON c.id = p.campaign_id WHERE p.id = $1`,
      [participantId],
    );
    return row ? this.invited(row) : null;
  }

  /** A campaign's participants counted by their reporting attributes, as snapshotted at launch. */
  async populationCounts(campaignId: string): Promise<AttributeCount[]> {
    const rows = await this.db.query(
      `SELECT gender, age_band, experience_band, court_level, region_code, count(*)::int AS count FROM campaigns.participant WHERE campaign_id = $1
       GROUP BY gender, age_band, experience_band, court_level, region_code`,
      [campaignId],
    );
    return rows.map((r: Record<string, string | null> & { count: number }) => ({
      attributes: { gender: r.gender, ageBand: r.age_band, experienceBand: r.experience_band, courtLevel: r.court_level, regionCode: r.region_code },
      count: r.count,
    }));
  }

  async participantAttributes(participantId: string): Promise<ReportingAttributes> {
    const [r] = await this.db.query(`SELECT gender, age_band, experience_band, court_level, region_code FROM campaigns.participant WHERE id = $1`, [participantId]);
    return { gender: r.gender, ageBand: r.age_band, experienceBand: r.experience_band, courtLevel: r.court_level, regionCode: r.region_code };
  }

  /** Colleagues a reviewer was asked to review, with names for the form (shown to that reviewer only). */
  reviewees(participantId: string): Promise<{ judge_id: string; full_name: string; name_kk: string; name_ru: string; name_en: string }[]> {
    return this.db.query(
      `SELECT a.reviewee_judge_id AS judge_id, j.full_name, c.name_kk, c.name_ru, c.name_en
       FROM campaigns.peer_assignment a
       JOIN registry.judge j ON j.id = a.reviewee_judge_id
       JOIN registry.court c ON c.id = j.court_id
       WHERE a.reviewer_participant_id = $1 ORDER BY j.full_name, a.reviewee_judge_id`,
      [participantId],
    );
  }

  /** Step 1, participation side: reserve the participant for this submission. */
  claim(participantId: string, claimHmac: string): Promise<ClaimOutcome> {
    return this.locked(participantId, async (tx) => {
      const [row] = await tx.query(`SELECT responded, claim_hmac FROM campaigns.participant WHERE id = $1`, [participantId]);
      if (row.responded) return 'responded';
      if (row.claim_hmac !== null && row.claim_hmac !== claimHmac) return 'claimed-by-another';
      if (row.claim_hmac === null) await tx.query(`UPDATE campaigns.participant SET claim_hmac = $2 WHERE id = $1`, [participantId, claimHmac]);
      return 'claimed';
    });
  }

  /** Step 2, response side: store the answers once per receipt. False when this receipt was already stored. */
  async store(campaignId: string, receiptHmac: string, answers: StoredAnswer[]): Promise<boolean | 'closed'> {
    return this.db.transaction(async (tx) => {
      // A share lock: close (an UPDATE of this row) waits for this store, so nothing lands after finalize.
      const [campaign] = await tx.query(`SELECT status FROM campaigns.campaign WHERE id = $1 FOR SHARE`, [campaignId]);
      if (campaign?.status !== 'open') return 'closed';
      const inserted = await tx.query(
        `INSERT INTO responses.submission_receipt (receipt_hmac, campaign_id) VALUES ($1, $2) ON CONFLICT DO NOTHING RETURNING receipt_hmac`,
        [receiptHmac, campaignId],
      );
      if (inserted.length === 0) return false;
      await tx.query(
        `INSERT INTO responses.mix_buffer (${ANSWER_COLUMNS}, rater_gender)
         SELECT $1, * FROM unnest($2::jsonb[], $3::text[], $4::text[], $5::text[], $6::text[], $7::text[], $8::uuid[], $9::text[])`,
        [
          campaignId,
          answers.map((a) => JSON.stringify(a.answers)),
          answers.map((a) => a.gender),
          answers.map((a) => a.ageBand),
          answers.map((a) => a.experienceBand),
          answers.map((a) => a.courtLevel),
          answers.map((a) => a.regionCode),
          answers.map((a) => a.revieweeJudgeId),
          answers.map((a) => a.raterGender),
        ],
      );
      return true;
    });
  }

  /** Frees a participant whose submission could not be stored, so they can try again. */
  releaseClaim(participantId: string, claimHmac: string): Promise<void> {
    return this.locked(participantId, async (tx) => {
      await tx.query(`UPDATE campaigns.participant SET claim_hmac = NULL WHERE id = $1 AND claim_hmac = $2 AND NOT responded`, [participantId, claimHmac]);
    });
  }

  async receiptExists(receiptHmac: string): Promise<boolean> {
    return (await this.db.query(`SELECT 1 FROM responses.submission_receipt WHERE receipt_hmac = $1`, [receiptHmac])).length > 0;
  }

  /** Step 3, participation side: the participant has answered (their tokens now meet "already answered"). */
  complete(participantId: string, claimHmac: string): Promise<void> {
    return this.locked(participantId, async (tx) => {
      await tx.query(`UPDATE campaigns.participant SET responded = true, claim_hmac = NULL WHERE id = $1 AND claim_hmac = $2`, [participantId, claimHmac]);
    });
  }

  /** Moves all of the campaign's buffered answers into the response store in CSPRNG-shuffled order. */
  async flush(campaignId: string, competencies: CompetencyItems | null): Promise<number> {
    return this.db.transaction(async (tx) => {
      await tx.query(`SELECT pg_advisory_xact_lock(hashtextextended('flush:' || $1, 0))`, [campaignId]);
      const [{ waiting }] = await tx.query(`SELECT count(*)::int AS waiting FROM responses.mix_buffer WHERE campaign_id = $1`, [campaignId]);
      if (waiting === 0) return 0;
      if (competencies) await this.tallyRaterGender(tx, campaignId, competencies);
      await tx.query(
        `WITH moved AS (DELETE FROM responses.mix_buffer WHERE campaign_id = $1 RETURNING ${ANSWER_COLUMNS})
         INSERT INTO responses.response (${ANSWER_COLUMNS}) SELECT ${ANSWER_COLUMNS} FROM moved ORDER BY gen_random_uuid()`,
        [campaignId],
      );
      return waiting;
    });
  }

  /**
   * At close: flush everything, rewrite the campaign's whole response store in random order
   * with fresh ids (one transaction, so every row carries the same transaction id), and drop
   * the receipts and any claims left by abandoned submissions.
   */
  async finalize(campaignId: string, competencies: CompetencyItems | null): Promise<number> {
    await this.flush(campaignId, competencies);
    return this.db.transaction(async (tx) => {
      await tx.query(`SELECT pg_advisory_xact_lock(hashtextextended('flush:' || $1, 0))`, [campaignId]);
      const rows = await tx.query(
        `WITH old AS (DELETE FROM responses.response WHERE campaign_id = $1 RETURNING ${ANSWER_COLUMNS})
         INSERT INTO responses.response (${ANSWER_COLUMNS}) SELECT ${ANSWER_COLUMNS} FROM old ORDER BY gen_random_uuid() RETURNING 1`,
        [campaignId],
      );
      await tx.query(`DELETE FROM responses.submission_receipt WHERE campaign_id = $1`, [campaignId]);
      // Reviews of a judge with fewer reviews than the peer threshold can never be published,
      // and with the assignment plan they could be traced to their few authors: drop them.
      const removed = await tx.query(
        `DELETE FROM responses.response r
         USING (SELECT reviewee_judge_id FROM responses.response WHERE campaign_id = $1 AND reviewee_judge_id IS NOT NULL
                GROUP BY reviewee_judge_id HAVING count(*) < (SELECT (thresholds->>'peer')::int FROM campaigns.campaign WHERE id = $1)) few
         WHERE r.campaign_id = $1 AND r.reviewee_judge_id = few.reviewee_judge_id RETURNING 1`,
        [campaignId],
      );
      return rows.length - removed.length;
    });
  }

  /**
   * The national rater-gender × judge-gender tally of peer reviews (ANONYMITY.md E: the only
   * reviewer attribute, for a national diagnostic only). Counted from the buffer in the
   * flush's transaction, per competency and nearest scale point of the review's competency
   * score (0: competency skipped); the reviewer's gender then stays behind when the reviews
   * move to the response store. Judges under the peer threshold are left out, as their
   * reviews are dropped.
   */
  private async tallyRaterGender(tx: EntityManager, campaignId: string, { items, scale }: CompetencyItems): Promise<void> {
    await tx.query(
      `INSERT INTO responses.peer_rating_tally (campaign_id, rater_gender, judge_gender, competency, point, count)
       SELECT $1, b.rater_gender, p.gender, s.competency, s.point, count(*)::int
       FROM responses.mix_buffer b
       JOIN campaigns.participant p ON p.campaign_id = b.campaign_id AND p.person_id = b.reviewee_judge_id
       CROSS JOIN LATERAL (
         SELECT i.competency,
                CASE WHEN count(a.value) = 0 THEN 0
                     ELSE least($6::int, greatest($5::int, floor((2 * sum(CASE WHEN i.reverse THEN $5::int + $6::int - a.value ELSE a.value END) + count(a.value)) / (2 * count(a.value)))))::int
                END AS point
         FROM unnest($2::text[], $3::text[], $4::boolean[]) AS i(name, competency, reverse)
         CROSS JOIN LATERAL (SELECT (b.answers ->> i.name)::numeric AS value) a
         GROUP BY i.competency) s
       WHERE b.campaign_id = $1 AND b.rater_gender IS NOT NULL
         AND b.reviewee_judge_id IN (SELECT reviewee_judge_id FROM responses.mix_buffer WHERE campaign_id = $1 GROUP BY reviewee_judge_id
                                     HAVING count(*) >= (SELECT (thresholds->>'peer')::int FROM campaigns.campaign WHERE id = $1))
       GROUP BY b.rater_gender, p.gender, s.competency, s.point
       ON CONFLICT (campaign_id, rater_gender, judge_gender, competency, point) DO UPDATE SET count = responses.peer_rating_tally.count + EXCLUDED.count`,
      [campaignId, items.map((i) => i.name), items.map((i) => i.competency), items.map((i) => i.reverse), scale.min, scale.max],
    );
  }

  /** Closed campaigns whose finalisation has not run to the end: answers still buffered or receipts left. */
  unfinalized(): Promise<string[]> {
    return this.db
      .query(
        `SELECT c.id FROM campaigns.campaign c
         WHERE c.status IN ('closed', 'published')
           AND (EXISTS (SELECT 1 FROM responses.mix_buffer b WHERE b.campaign_id = c.id)
                OR EXISTS (SELECT 1 FROM responses.submission_receipt r WHERE r.campaign_id = c.id))`,
      )
      .then((rows: { id: string }[]) => rows.map((row) => row.id));
  }

  async clearClaims(campaignId: string): Promise<void> {
    await this.db.query(`UPDATE campaigns.participant SET claim_hmac = NULL WHERE campaign_id = $1 AND claim_hmac IS NOT NULL`, [campaignId]);
  }

  private locked<T>(participantId: string, work: (tx: EntityManager) => Promise<T>): Promise<T> {
    return this.db.transaction(async (tx) => {
      await tx.query(`SELECT pg_advisory_xact_lock(hashtextextended($1, 0))`, [participantId]);
      return work(tx);
    });
  }

  private invited(row: Record<string, unknown>): InvitedParticipant {
    return {
      participantId: row.participant_id as string,
      campaignId: row.campaign_id as string,
      personId: row.person_id as string,
      campaignStatus: row.status as string,
      responded: row.responded as boolean,
      deadline: row.deadline as Date,
    };
  }
}
