import { MigrationInterface, QueryRunner } from 'typeorm';

const EVALUATION_ACCESS = 'jqc_evaluation_access';

/**
 * Questionnaires and their versions (SurveyJS definitions). A version a launched campaign
 * uses is locked; the trigger refuses any change to a locked version, whoever asks, and
 * versions are never deleted by the application.
 */
export class Instruments1795325084153 implements MigrationInterface {
  name = 'Instruments1795325084153';

  async up(db: QueryRunner): Promise<void> {
    await db.query(`
      CREATE TABLE "instruments"."instrument" (
        "id" uuid NOT NULL DEFAULT gen_random_uuid(),
        "code" text NOT NULL,
        "kind" text NOT NULL,
        "title_kk" text NOT NULL,
        "title_ru" text NOT NULL,
        "title_en" text NOT NULL,
        "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
        CONSTRAINT "uq_instrument_code" UNIQUE ("code"),
        CONSTRAINT "ck_instrument_code" CHECK ("code" ~ '^[a-z][a-z0-9-]{1,62}$'),
        CONSTRAINT "ck_instrument_kind" CHECK ("kind" IN ('judges-survey', 'staff-survey', 'peer-review')),
        CONSTRAINT "pk_instrument" PRIMARY KEY ("id")
      )`);
    await db.query(`
      CREATE TABLE "instruments"."instrument_version" (
        "id" uuid NOT NULL DEFAULT gen_random_uuid(),
        "instrument_id" uuid NOT NULL,
        "version" integer NOT NULL,
        "definition" jsonb NOT NULL,
        "created_by" uuid,
        "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
        "locked" boolean NOT NULL DEFAULT false,
        CONSTRAINT "uq_instrument_version_instrument_id_version" UNIQUE ("instrument_id", "version"),
        CONSTRAINT "ck_instrument_version_version" CHECK ("version" >= 1),
        CONSTRAINT "ck_instrument_version_definition" CHECK (jsonb_typeof("definition") = 'object'),
        CONSTRAINT "pk_instrument_version" PRIMARY KEY ("id"),
        CONSTRAINT "fk_instrument_version_instrument_id" FOREIGN KEY ("instrument_id") REFERENCES "instruments"."instrument"("id") ON DELETE RESTRICT ON UPDATE NO ACTION
      )`);

    // A locked version is immutable: its definition, number and instrument never change,
    // it cannot be unlocked, and it cannot be deleted.
    await db.query(`
      CREATE FUNCTION "instruments"."refuse_change_of_locked_version"() RETURNS trigger
      LANGUAGE plpgsql AS $$
      BEGIN
        IF TG_OP = 'DELETE' THEN
          IF OLD.locked THEN
            RAISE EXCEPTION 'instrument version % is locked: a launched campaign uses it', OLD.id
              USING ERRCODE = 'object_not_in_prerequisite_state';
          END IF;
          RETURN OLD;
        END IF;
        IF OLD.locked AND (
          NEW.id IS DISTINCT FROM OLD.id
          OR NEW.instrument_id IS DISTINCT FROM OLD.instrument_id
          OR NEW.version IS DISTINCT FROM OLD.version
          OR NEW.definition IS DISTINCT FROM OLD.definition
          OR NEW.created_by IS DISTINCT FROM OLD.created_by
          OR NEW.created_at IS DISTINCT FROM OLD.created_at
          OR NOT NEW.locked
        ) THEN
          RAISE EXCEPTION 'instrument version % is locked: a launched campaign uses it', OLD.id
            USING ERRCODE = 'object_not_in_prerequisite_state';
        END IF;
        RETURN NEW;
      END
      $$`);
    await db.query(`
      CREATE TRIGGER "tr_instrument_version_locked"
      BEFORE UPDATE OR DELETE ON "instruments"."instrument_version"
      FOR EACH ROW EXECUTE FUNCTION "instruments"."refuse_change_of_locked_version"()`);

    // Versions are history that campaigns and responses refer to: the application never deletes.
    await db.query(`REVOKE DELETE, TRUNCATE ON "instruments"."instrument", "instruments"."instrument_version" FROM ${EVALUATION_ACCESS}`);
  }

  async down(db: QueryRunner): Promise<void> {
    await db.query(`DROP TRIGGER "tr_instrument_version_locked" ON "instruments"."instrument_version"`);
    await db.query(`DROP FUNCTION "instruments"."refuse_change_of_locked_version"()`);
    await db.query(`DROP TABLE "instruments"."instrument_version"`);
    await db.query(`DROP TABLE "instruments"."instrument"`);
  }
}
