import { MigrationInterface, QueryRunner } from 'typeorm';

const ANSWER_COLUMNS = `
        "id" uuid NOT NULL DEFAULT gen_random_uuid(),
        "campaign_id" uuid NOT NULL,
        "answers" jsonb NOT NULL,
        "gender" text,
        "age_band" text,
        "experience_band" text,
        "court_level" text,
        "region_code" text,
        "reviewee_judge_id" uuid`;

/**
 * The response store, the mix buffer and submission receipts (ANONYMITY.md E), and the
 * participant's claim used by the exactly-once protocol. None of these tables has a time,
 * a sequence, a token or a person.
 */
export class Responses1795326387676 implements MigrationInterface {
  name = 'Responses1795326387676';

  async up(db: QueryRunner): Promise<void> {
    await db.query(`ALTER TABLE "campaigns"."participant" ADD "claim_hmac" text`);
    await db.query(`CREATE TABLE "responses"."response" (${ANSWER_COLUMNS},
        CONSTRAINT "pk_response" PRIMARY KEY ("id"))`);
    await db.query(`CREATE INDEX "ix_response_campaign_id" ON "responses"."response" ("campaign_id")`);
    await db.query(`CREATE TABLE "responses"."mix_buffer" (${ANSWER_COLUMNS},
        CONSTRAINT "pk_mix_buffer" PRIMARY KEY ("id"))`);
    await db.query(`CREATE INDEX "ix_mix_buffer_campaign_id" ON "responses"."mix_buffer" ("campaign_id")`);
    await db.query(`
      CREATE TABLE "responses"."submission_receipt" (
        "receipt_hmac" text NOT NULL,
        "campaign_id" uuid NOT NULL,
        CONSTRAINT "pk_submission_receipt" PRIMARY KEY ("receipt_hmac")
      )`);
    await db.query(`CREATE INDEX "ix_submission_receipt_campaign_id" ON "responses"."submission_receipt" ("campaign_id")`);
  }

  async down(db: QueryRunner): Promise<void> {
    await db.query(`DROP TABLE "responses"."submission_receipt"`);
    await db.query(`DROP TABLE "responses"."mix_buffer"`);
    await db.query(`DROP TABLE "responses"."response"`);
    await db.query(`ALTER TABLE "campaigns"."participant" DROP COLUMN "claim_hmac"`);
  }
}
