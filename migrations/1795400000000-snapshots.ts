import { MigrationInterface, QueryRunner } from 'typeorm';

/** Immutable releases of protected results: one row per campaign and release, never updated or deleted. */
export class Snapshots1795400000000 implements MigrationInterface {
  name = 'Snapshots1795400000000';

  async up(db: QueryRunner): Promise<void> {
    await db.query(`
      CREATE TABLE "aggregation"."snapshot" (
        "campaign_id" uuid NOT NULL,
        "release" integer NOT NULL,
        "content" text NOT NULL,
        "sha256" text NOT NULL,
        "created_at" timestamptz NOT NULL DEFAULT now(),
        CONSTRAINT "pk_snapshot" PRIMARY KEY ("campaign_id", "release"),
        CONSTRAINT "fk_snapshot_campaign_id" FOREIGN KEY ("campaign_id") REFERENCES "campaigns"."campaign" ("id"),
        CONSTRAINT "ck_snapshot_release" CHECK ("release" >= 1)
      )`);
    await db.query(`
      CREATE FUNCTION "aggregation"."refuse_snapshot_change"() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        RAISE EXCEPTION 'snapshot % of campaign % is immutable', OLD.release, OLD.campaign_id USING ERRCODE = 'check_violation';
      END $$`);
    await db.query(`
      CREATE TRIGGER "tr_snapshot_immutable" BEFORE UPDATE OR DELETE ON "aggregation"."snapshot"
      FOR EACH ROW EXECUTE FUNCTION "aggregation"."refuse_snapshot_change"()`);
  }

  async down(db: QueryRunner): Promise<void> {
    await db.query(`DROP TABLE "aggregation"."snapshot"`);
    await db.query(`DROP FUNCTION "aggregation"."refuse_snapshot_change"()`);
  }
}
