import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Campaigns, their participation register, invitation tokens (HMACs only) and peer-review
 * assignments. A trigger refuses any change to a launched campaign's locked settings.
 */
export class Campaigns1795325303655 implements MigrationInterface {
  name = 'Campaigns1795325303655';

  async up(db: QueryRunner): Promise<void> {
    await db.query(`
      CREATE TABLE "campaigns"."campaign" (
        "id" uuid NOT NULL DEFAULT gen_random_uuid(),
        "kind" text NOT NULL,
        "status" text NOT NULL DEFAULT 'draft',
        "title_kk" text NOT NULL,
        "title_ru" text NOT NULL,
        "title_en" text NOT NULL,
        "instrument_version_id" uuid NOT NULL,
        "population" jsonb NOT NULL DEFAULT '{}',
        "thresholds" jsonb NOT NULL,
        "breakdowns" jsonb NOT NULL,
        "catalogue" jsonb,
        "languages" text array NOT NULL,
        "deadline" TIMESTAMP WITH TIME ZONE NOT NULL,
        "reminder_days" integer array NOT NULL,
        "age_band_version" integer NOT NULL,
        "experience_band_version" integer NOT NULL,
        "peer" jsonb,
        "reference_date" date,
        "launched_at" TIMESTAMP WITH TIME ZONE,
        "closed_at" TIMESTAMP WITH TIME ZONE,
        "published_at" TIMESTAMP WITH TIME ZONE,
        "created_by" uuid NOT NULL,
        "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
        CONSTRAINT "ck_campaign_kind" CHECK ("kind" IN ('judges-survey', 'staff-survey', 'peer-review')),
        CONSTRAINT "ck_campaign_status" CHECK ("status" IN ('draft', 'open', 'closed', 'published')),
        CONSTRAINT "pk_campaign" PRIMARY KEY ("id")
      )`);
    // Launch locks the settings: from then on only the lifecycle columns may change, and only forward.
    await db.query(`
      CREATE FUNCTION "campaigns"."refuse_locked_change"() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        IF OLD.status <> 'draft' AND (
          (NEW.kind, NEW.title_kk, NEW.title_ru, NEW.title_en, NEW.instrument_version_id, NEW.population, NEW.thresholds,
           NEW.breakdowns, NEW.catalogue, NEW.languages, NEW.deadline, NEW.reminder_days, NEW.age_band_version,
           NEW.experience_band_version, NEW.peer, NEW.reference_date, NEW.launched_at, NEW.created_by)
          IS DISTINCT FROM
          (OLD.kind, OLD.title_kk, OLD.title_ru, OLD.title_en, OLD.instrument_version_id, OLD.population, OLD.thresholds,
           OLD.breakdowns, OLD.catalogue, OLD.languages, OLD.deadline, OLD.reminder_days, OLD.age_band_version,
           OLD.experience_band_version, OLD.peer, OLD.reference_date, OLD.launched_at, OLD.created_by)
        ) THEN
          RAISE EXCEPTION 'campaign % is launched: its settings are locked', OLD.id USING ERRCODE = 'check_violation';
        END IF;
        IF NEW.status <> OLD.status AND NOT (
          (OLD.status, NEW.status) IN (('draft', 'open'), ('open', 'closed'), ('closed', 'published'))
        ) THEN
          RAISE EXCEPTION 'campaign % cannot go from % to %', OLD.id, OLD.status, NEW.status USING ERRCODE = 'check_violation';
        END IF;
        RETURN NEW;
      END $$`);
    await db.query(`
      CREATE TRIGGER "campaign_locked_settings" BEFORE UPDATE ON "campaigns"."campaign"
      FOR EACH ROW EXECUTE FUNCTION "campaigns"."refuse_locked_change"()`);

    await db.query(`
      CREATE TABLE "campaigns"."participant" (
        "id" uuid NOT NULL DEFAULT gen_random_uuid(),
        "campaign_id" uuid NOT NULL,
        "person_kind" text NOT NULL,
        "person_id" uuid NOT NULL,
        "gender" text NOT NULL,
        "age_band" text NOT NULL,
        "experience_band" text NOT NULL,
        "court_level" text,
        "region_code" text NOT NULL,
        "responded" boolean NOT NULL DEFAULT false,
        "invitations_sent" integer NOT NULL DEFAULT 0,
        CONSTRAINT "uq_participant_campaign_id_person_id" UNIQUE ("campaign_id", "person_id"),
        CONSTRAINT "ck_participant_person_kind" CHECK ("person_kind" IN ('judge', 'staff')),
        CONSTRAINT "ck_participant_gender" CHECK ("gender" IN ('f', 'm')),
        CONSTRAINT "pk_participant" PRIMARY KEY ("id"),
        CONSTRAINT "fk_participant_campaign_id" FOREIGN KEY ("campaign_id") REFERENCES "campaigns"."campaign"("id") ON DELETE CASCADE ON UPDATE NO ACTION
      )`);
    await db.query(`CREATE INDEX "ix_participant_campaign_id" ON "campaigns"."participant" ("campaign_id")`);

    await db.query(`
      CREATE TABLE "campaigns"."invitation_token" (
        "token_hmac" text NOT NULL,
        "participant_id" uuid NOT NULL,
        "expires_at" TIMESTAMP WITH TIME ZONE NOT NULL,
        CONSTRAINT "pk_invitation_token" PRIMARY KEY ("token_hmac"),
        CONSTRAINT "fk_invitation_token_participant_id" FOREIGN KEY ("participant_id") REFERENCES "campaigns"."participant"("id") ON DELETE CASCADE ON UPDATE NO ACTION
      )`);
    await db.query(`CREATE INDEX "ix_invitation_token_participant_id" ON "campaigns"."invitation_token" ("participant_id")`);

    await db.query(`
      CREATE TABLE "campaigns"."peer_assignment" (
        "id" uuid NOT NULL DEFAULT gen_random_uuid(),
        "campaign_id" uuid NOT NULL,
        "reviewer_participant_id" uuid NOT NULL,
        "reviewee_judge_id" uuid NOT NULL,
        "responded" boolean NOT NULL DEFAULT false,
        CONSTRAINT "uq_peer_assignment_reviewer_reviewee" UNIQUE ("reviewer_participant_id", "reviewee_judge_id"),
        CONSTRAINT "pk_peer_assignment" PRIMARY KEY ("id"),
        CONSTRAINT "fk_peer_assignment_campaign_id" FOREIGN KEY ("campaign_id") REFERENCES "campaigns"."campaign"("id") ON DELETE CASCADE ON UPDATE NO ACTION,
        CONSTRAINT "fk_peer_assignment_reviewer_participant_id" FOREIGN KEY ("reviewer_participant_id") REFERENCES "campaigns"."participant"("id") ON DELETE CASCADE ON UPDATE NO ACTION
      )`);
    await db.query(`CREATE INDEX "ix_peer_assignment_campaign_id" ON "campaigns"."peer_assignment" ("campaign_id")`);
  }

  async down(db: QueryRunner): Promise<void> {
    await db.query(`DROP TABLE "campaigns"."peer_assignment"`);
    await db.query(`DROP TABLE "campaigns"."invitation_token"`);
    await db.query(`DROP TABLE "campaigns"."participant"`);
    await db.query(`DROP TRIGGER "campaign_locked_settings" ON "campaigns"."campaign"`);
    await db.query(`DROP FUNCTION "campaigns"."refuse_locked_change"()`);
    await db.query(`DROP TABLE "campaigns"."campaign"`);
  }
}
