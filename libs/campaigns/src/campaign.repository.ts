import { Injectable } from '@nestjs/common';
import { InjectDataSource, InjectRepository } from '@nestjs/typeorm';
import { DataSource, EntityManager, In, Repository } from 'typeorm';
import { CampaignKind, CampaignStatus } from './campaign-rules';
import { CampaignEntity } from './entities/campaign.entity';

export interface NewParticipant {
  personId: string;
  gender: string;
  ageBand: string;
  experienceBand: string;
  courtLevel: string | null;
  regionCode: string;
}

export interface Recipient {
  participantId: string;
  email: string;
  language: 'kk' | 'ru' | 'en';
  responded: boolean;
  /** Mails that went out to this participant: round 0 makes it 1, each reminder one more. */
  invitationsSent: number;
}

export type CampaignDraft = Omit<CampaignEntity, 'id' | 'status' | 'catalogue' | 'referenceDate' | 'launchedAt' | 'closedAt' | 'publishedAt' | 'createdAt'>;

@Injectable()
export class CampaignRepository {
  constructor(
    @InjectRepository(CampaignEntity) private readonly campaigns: Repository<CampaignEntity>,
    @InjectDataSource() private readonly db: DataSource,
  ) {}

  insert(draft: CampaignDraft): Promise<CampaignEntity> {
    return this.campaigns.save(this.campaigns.create(draft));
  }

  findById(id: string): Promise<CampaignEntity | null> {
    return this.campaigns.findOneBy({ id });
  }

  list(kinds: CampaignKind[]): Promise<CampaignEntity[]> {
    return this.campaigns.find({ where: { kind: In(kinds) }, order: { createdAt: 'DESC' } });
  }

  /** Changes a draft; false when it is no longer a draft (the trigger guards this too). */
  async updateDraft(id: string, patch: Partial<CampaignDraft>): Promise<boolean> {
    const result = await this.campaigns.update({ id, status: 'draft' }, patch);
    return (result.affected ?? 0) === 1;
  }

  async moveStatus(id: string, from: CampaignStatus, to: CampaignStatus, stamp: Partial<CampaignEntity>, tx?: EntityManager): Promise<boolean> {
    const repository = tx ? tx.getRepository(CampaignEntity) : this.campaigns;
    const result = await repository.update({ id, status: from }, { status: to, ...stamp });
    return (result.affected ?? 0) === 1;
  }

  /** Published campaigns of one kind, the most recently published first. */
  published(kind: CampaignKind): Promise<CampaignEntity[]> {
    return this.campaigns.find({ where: { kind, status: 'published' }, order: { publishedAt: 'DESC', id: 'ASC' } });
  }

  async closedCampaignIds(): Promise<string[]> {
    const rows = await this.campaigns.find({ select: { id: true }, where: { status: In(['closed', 'published']) }, order: { id: 'ASC' } });
    return rows.map((row) => row.id);
  }

  /** The judges a peer-review round asked reviews of, with the court level of their launch-day snapshot. */
  async reviewees(campaignId: string): Promise<{ judgeId: string; courtLevel: string }[]> {
    const rows = await this.db.query(
      `SELECT a.reviewee_judge_id AS judge_id, coalesce(p.court_level, j.court_level) AS court_level
       FROM (SELECT DISTINCT reviewee_judge_id FROM campaigns.peer_assignment WHERE campaign_id = $1) a
       LEFT JOIN campaigns.participant p ON p.campaign_id = $1 AND p.person_id = a.reviewee_judge_id
       LEFT JOIN (SELECT j.id, c.level AS court_level FROM registry.judge j JOIN registry.court c ON c.id = j.court_id) j ON j.id = a.reviewee_judge_id
       ORDER BY a.reviewee_judge_id`,
      [campaignId],
    );
    return rows.map((row: { judge_id: string; court_level: string }) => ({ judgeId: row.judge_id, courtLevel: row.court_level }));
  }

  /** Peer-review assignments counted by reviewer gender and judge gender: the public bound of the rater diagnostic. */
  async assignmentsByGender(campaignId: string): Promise<{ raterGender: string; judgeGender: string; assignments: number }[]> {
    const rows = await this.db.query(
      `SELECT r.gender AS rater_gender, j.gender AS judge_gender, count(*)::int AS assignments
       FROM campaigns.peer_assignment a
       JOIN campaigns.participant r ON r.id = a.reviewer_participant_id
       JOIN campaigns.participant j ON j.campaign_id = a.campaign_id AND j.person_id = a.reviewee_judge_id
       WHERE a.campaign_id = $1 GROUP BY r.gender, j.gender ORDER BY 1, 2`,
      [campaignId],
    );
    return rows.map((row: { rater_gender: string; judge_gender: string; assignments: number }) => ({
      raterGender: row.rater_gender,
      judgeGender: row.judge_gender,
      assignments: row.assignments,
    }));
  }

  transaction<T>(work: (tx: EntityManager) => Promise<T>): Promise<T> {
    return this.db.transaction('READ COMMITTED', work);
  }

  /** Inserts the participants of a launch; returns their ids by person. */
  async insertParticipants(tx: EntityManager, campaignId: string, personKind: 'judge' | 'staff', people: NewParticipant[]): Promise<Map<string, string>> {
    const rows: { id: string; person_id: string }[] = await tx.query(
      `INSERT INTO campaigns.participant (campaign_id, person_kind, person_id, gender, age_band, experience_band, court_level, region_code)
       SELECT $1, $2, * FROM unnest($3::uuid[], $4::text[], $5::text[], $6::text[], $7::text[], $8::text[])
       RETURNING id, person_id`,
      [
        campaignId,
        personKind,
        people.map((p) => p.personId),
        people.map((p) => p.gender),
        people.map((p) => p.ageBand),
        people.map((p) => p.experienceBand),
        people.map((p) => p.courtLevel),
        people.map((p) => p.regionCode),
      ],
    );
    return new Map(rows.map((row) => [row.person_id, row.id]));
  }

  async insertAssignments(tx: EntityManager, campaignId: string, pairs: { reviewerParticipantId: string; revieweeJudgeId: string }[]): Promise<void> {
    await tx.query(
      `INSERT INTO campaigns.peer_assignment (campaign_id, reviewer_participant_id, reviewee_judge_id)
       SELECT $1, * FROM unnest($2::uuid[], $3::uuid[])`,
      [campaignId, pairs.map((p) => p.reviewerParticipantId), pairs.map((p) => p.revieweeJudgeId)],
    );
  }

  /** Open campaigns with their schedule, and the fewest mails any non-responder has had (null when all answered). */
  openCampaigns(): Promise<{ id: string; deadline: Date; launchedAt: Date; reminderDays: number[]; fewestMails: number | null }[]> {
    return this.db
      .query(
        `SELECT c.id, c.deadline, c.launched_at, c.reminder_days,
                (SELECT min(p.invitations_sent) FROM campaigns.participant p WHERE p.campaign_id = c.id AND NOT p.responded) AS fewest_mails
         FROM campaigns.campaign c WHERE c.status = 'open'`,
      )
      .then((rows: { id: string; deadline: Date; launched_at: Date; reminder_days: number[]; fewest_mails: number | null }[]) =>
        rows.map((r) => ({ id: r.id, deadline: r.deadline, launchedAt: r.launched_at, reminderDays: r.reminder_days, fewestMails: r.fewest_mails })),
      );
  }

  async participantCount(campaignId: string): Promise<number> {
    const [{ n }] = await this.db.query(`SELECT count(*)::int AS n FROM campaigns.participant WHERE campaign_id = $1`, [campaignId]);
    return n;
  }

  /** One page of a campaign's participants in id order; with `onlyNonResponders`, those of the page still to answer. */
  async participantPage(campaignId: string, page: number, size: number, onlyNonResponders: boolean): Promise<string[]> {
    const rows: { id: string; responded: boolean }[] = await this.db.query(
      `SELECT id, responded FROM campaigns.participant WHERE campaign_id = $1 ORDER BY id LIMIT $2 OFFSET $3`,
      [campaignId, size, page * size],
    );
    return rows.filter((row) => !onlyNonResponders || !row.responded).map((row) => row.id);
  }

  /** Address and language of a participant, from the register (e-mails never touch the response store). */
  async recipient(participantId: string): Promise<Recipient | null> {
    const [row] = await this.db.query(
      `SELECT p.id AS participant_id, p.responded, p.invitations_sent, coalesce(j.email, s.email) AS email, coalesce(j.language, s.language) AS language
       FROM campaigns.participant p
       LEFT JOIN registry.judge j ON p.person_kind = 'judge' AND j.id = p.person_id
       LEFT JOIN registry.staff_member s ON p.person_kind = 'staff' AND s.id = p.person_id
       WHERE p.id = $1`,
      [participantId],
    );
    return row
      ? { participantId: row.participant_id, email: row.email, language: row.language, responded: row.responded, invitationsSent: row.invitations_sent }
      : null;
  }

  async storeToken(participantId: string, tokenHmac: string, expiresAt: Date): Promise<void> {
    await this.db.query(`INSERT INTO campaigns.invitation_token (token_hmac, participant_id, expires_at) VALUES ($1, $2, $3)`, [tokenHmac, participantId, expiresAt]);
  }

  /** Counts a mail that has gone out. */
  async countMail(participantId: string): Promise<void> {
    await this.db.query(`UPDATE campaigns.participant SET invitations_sent = invitations_sent + 1 WHERE id = $1`, [participantId]);
  }

  /** Invited and answered, overall and by region × gender, from participation booleans only. */
  async responseCounts(campaignId: string): Promise<{ regionCode: string | null; gender: string | null; invited: number; responded: number }[]> {
    const rows = await this.db.query(
      `SELECT region_code, gender, count(*)::int AS invited, count(*) FILTER (WHERE responded)::int AS responded
       FROM campaigns.participant WHERE campaign_id = $1
       GROUP BY GROUPING SETS ((), (region_code, gender))
       ORDER BY region_code NULLS FIRST, gender NULLS FIRST`,
      [campaignId],
    );
    return rows.map((r: Record<string, string | number | null>) => ({
      regionCode: r.region_code as string | null,
      gender: r.gender as string | null,
      invited: Number(r.invited),
      responded: Number(r.responded),
    }));
  }
}
