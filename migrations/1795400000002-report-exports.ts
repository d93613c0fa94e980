import { MigrationInterface, QueryRunner } from 'typeorm';

/** Workbook exports (bytes kept for download), and the judge an account belongs to, for the judge's own peer feedback. */
export class ReportExports1795400000002 implements MigrationInterface {
  name = 'ReportExports1795400000002';

  async up(db: QueryRunner): Promise<void> {
    await db.query(`
      CREATE TABLE "reports"."export" (
        "id" uuid NOT NULL DEFAULT gen_random_uuid(),
        "campaign_id" uuid NOT NULL,
        "release" integer NOT NULL,
        "kind" text NOT NULL,
        "locale" text NOT NULL,
        "judge_id" uuid,
        "status" text NOT NULL DEFAULT 'queued',
        "file" bytea,
        "sha256" text,
        "error" text,
        "requested_by" uuid NOT NULL,
        "created_at" timestamptz NOT NULL DEFAULT now(),
        "finished_at" timestamptz,
        CONSTRAINT "pk_export" PRIMARY KEY ("id"),
        CONSTRAINT "fk_export_campaign_id" FOREIGN KEY ("campaign_id") REFERENCES "campaigns"."campaign" ("id"),
        CONSTRAINT "ck_export_status" CHECK ("status" IN ('queued', 'running', 'done', 'failed')),
        CONSTRAINT "ck_export_kind" CHECK ("kind" IN ('survey', 'feedback')),
        CONSTRAINT "ck_export_locale" CHECK ("locale" IN ('kk', 'ru', 'en'))
      )`);
    await db.query(`ALTER TABLE "auth"."user" ADD "judge_id" uuid`);
  }

  async down(db: QueryRunner): Promise<void> {
    await db.query(`ALTER TABLE "auth"."user" DROP COLUMN "judge_id"`);
    await db.query(`DROP TABLE "reports"."export"`);
  }
}
