import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The rater-gender × judge-gender diagnostic (ANONYMITY.md E): a reviewer's gender waits in
 * the mix buffer and is counted into a national tally at close; the response store never has it.
 */
export class PeerRatingTally1795400000001 implements MigrationInterface {
  name = 'PeerRatingTally1795400000001';

  async up(db: QueryRunner): Promise<void> {
    await db.query(`ALTER TABLE "responses"."mix_buffer" ADD "rater_gender" text`);
    await db.query(`
      CREATE TABLE "responses"."peer_rating_tally" (
        "campaign_id" uuid NOT NULL,
        "rater_gender" text NOT NULL,
        "judge_gender" text NOT NULL,
        "competency" text NOT NULL,
        "point" integer NOT NULL,
        "count" integer NOT NULL,
        CONSTRAINT "pk_peer_rating_tally" PRIMARY KEY ("campaign_id", "rater_gender", "judge_gender", "competency", "point")
      )`);
  }

  async down(db: QueryRunner): Promise<void> {
    await db.query(`DROP TABLE "responses"."peer_rating_tally"`);
    await db.query(`ALTER TABLE "responses"."mix_buffer" DROP COLUMN "rater_gender"`);
  }
}
