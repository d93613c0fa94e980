import { MigrationInterface, QueryRunner } from 'typeorm';

/** A registry judge has at most one account, and only a judge account is linked to a judge. */
export class JudgeAccounts1795400000004 implements MigrationInterface {
  name = 'JudgeAccounts1795400000004';

  async up(db: QueryRunner): Promise<void> {
    await db.query(`UPDATE "auth"."user" SET "judge_id" = NULL WHERE "role" <> 'judge'`);
    await db.query(`ALTER TABLE "auth"."user" ADD CONSTRAINT "ck_user_judge_id_role" CHECK ("judge_id" IS NULL OR "role" = 'judge')`);
    await db.query(`CREATE UNIQUE INDEX "uq_user_judge_id" ON "auth"."user" ("judge_id") WHERE "judge_id" IS NOT NULL`);
  }

  async down(db: QueryRunner): Promise<void> {
    await db.query(`DROP INDEX "auth"."uq_user_judge_id"`);
    await db.query(`ALTER TABLE "auth"."user" DROP CONSTRAINT "ck_user_judge_id_role"`);
  }
}
