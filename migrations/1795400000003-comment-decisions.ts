import { MigrationInterface, QueryRunner } from 'typeorm';

/** Moderators' decisions on flagged comments, by opaque reference; who decided is in the audit log. */
export class CommentDecisions1795400000003 implements MigrationInterface {
  name = 'CommentDecisions1795400000003';

  async up(db: QueryRunner): Promise<void> {
    await db.query(`
      CREATE TABLE "reports"."comment_decision" (
        "ref" text NOT NULL,
        "campaign_id" uuid NOT NULL,
        "decision" text NOT NULL,
        "redacted_text" text,
        CONSTRAINT "pk_comment_decision" PRIMARY KEY ("ref"),
        CONSTRAINT "ck_comment_decision_decision" CHECK ("decision" IN ('approved', 'redacted'))
      )`);
    await db.query(`CREATE INDEX "ix_comment_decision_campaign_id" ON "reports"."comment_decision" ("campaign_id")`);
  }

  async down(db: QueryRunner): Promise<void> {
    await db.query(`DROP TABLE "reports"."comment_decision"`);
  }
}
