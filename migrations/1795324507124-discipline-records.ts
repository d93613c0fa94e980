import { MigrationInterface, QueryRunner } from 'typeorm';

const SCHEMA = 'discipline';
const DISCIPLINE_ACCESS = 'jqc_discipline_access';
const EVALUATION_ACCESS = 'jqc_evaluation_access';

const STAGES = `'initiated', 'referred', 'preliminary-examination', 'hearing', 'decided'`;
const DECISIONS = `'sanction-imposed', 'proceedings-closed'`;
const SANCTIONS = `'warning', 'reprimand', 'removal-from-presidency', 'dismissal'`;
const CLOSURE_GROUNDS = `'insufficient-evidence', 'time-limit-expired', 'minor-offence', 'judge-left-office', 'underlying-act-set-aside'`;
const APPEAL_OUTCOMES = `'upheld', 'set-aside', 'withdrawn'`;
const SOURCES = `'president-submission', 'plenary-decision', 'inspection', 'media-report', 'complaint', 'ethics-commission'`;
const GROUNDS = `'law-or-ethics-breach', 'gross-violation-of-legality', 'improper-president-duties'`;
const REGIONS =
  `'abai', 'akmola', 'aktobe', 'almaty-region', 'atyrau', 'east-kz', 'jambyl', 'jetisu', 'karaganda', 'kostanay', ` +
  `'kyzylorda', 'mangystau', 'north-kz', 'pavlodar', 'turkistan', 'ulytau', 'west-kz', 'astana', 'almaty', 'shymkent'`;
const COURT_LEVELS = `'district', 'regional', 'supreme'`;

/**
 * The disciplinary side (ANONYMITY.md I): schema `discipline`, usable by the disciplinary
 * access role only. The evaluation role gets nothing here, just as the disciplinary role has
 * nothing on the evaluation schemas. Proceedings cannot be deleted by the application, and
 * their history is append-only.
 *
 * `judge_id` names the judge in the evaluation register without a foreign key: the register
 * is in schema `registry`, which the disciplinary role cannot read.
 */
export class DisciplineRecords1795324507124 implements MigrationInterface {
  name = 'DisciplineRecords1795324507124';

  async up(db: QueryRunner): Promise<void> {
    await db.query(`CREATE SCHEMA "${SCHEMA}"`);
    await db.query(`REVOKE ALL ON SCHEMA "${SCHEMA}" FROM PUBLIC`);
    await db.query(`GRANT USAGE ON SCHEMA "${SCHEMA}" TO ${DISCIPLINE_ACCESS}`);
    await db.query(`ALTER DEFAULT PRIVILEGES IN SCHEMA "${SCHEMA}" GRANT SELECT, INSERT, UPDATE, DELETE ON TABLES TO ${DISCIPLINE_ACCESS}`);
    await db.query(`ALTER DEFAULT PRIVILEGES IN SCHEMA "${SCHEMA}" GRANT USAGE, SELECT ON SEQUENCES TO ${DISCIPLINE_ACCESS}`);

    await db.query(`
      CREATE TABLE "discipline"."proceeding" (
        "id" uuid NOT NULL DEFAULT gen_random_uuid(),
        "judge_id" uuid NOT NULL,
        "reference" text,
        "source" text NOT NULL,
        "grounds" text array NOT NULL,
        "summary" text,
        "region_code" text NOT NULL,
        "court_level" text NOT NULL,
        "initiated_on" date NOT NULL,
        "stage" text NOT NULL DEFAULT 'initiated',
        "stage_since" date NOT NULL,
        "decision" text,
        "sanction" text,
        "closure_ground" text,
        "decided_on" date,
        "appeal_filed_on" date,
        "appeal_outcome" text,
        "appeal_decided_on" date,
        "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
        "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
        CONSTRAINT "pk_proceeding" PRIMARY KEY ("id"),
        CONSTRAINT "uq_proceeding_reference" UNIQUE ("reference"),
        CONSTRAINT "ck_proceeding_source" CHECK ("source" IN (${SOURCES})),
        CONSTRAINT "ck_proceeding_grounds" CHECK (cardinality("grounds") >= 1 AND "grounds" <@ ARRAY[${GROUNDS}]::text[]),
        CONSTRAINT "ck_proceeding_region_code" CHECK ("region_code" IN (${REGIONS})),
        CONSTRAINT "ck_proceeding_court_level" CHECK ("court_level" IN (${COURT_LEVELS})),
        CONSTRAINT "ck_proceeding_stage" CHECK ("stage" IN (${STAGES})),
        CONSTRAINT "ck_proceeding_decision" CHECK ("decision" IN (${DECISIONS})),
        CONSTRAINT "ck_proceeding_sanction" CHECK ("sanction" IN (${SANCTIONS})),
        CONSTRAINT "ck_proceeding_closure_ground" CHECK ("closure_ground" IN (${CLOSURE_GROUNDS})),
        CONSTRAINT "ck_proceeding_appeal_outcome" CHECK ("appeal_outcome" IN (${APPEAL_OUTCOMES})),
        CONSTRAINT "ck_proceeding_decided" CHECK (
          ("stage" = 'decided') = ("decision" IS NOT NULL) AND ("decision" IS NULL) = ("decided_on" IS NULL)
          AND ("sanction" IS NOT NULL) = ("decision" IS NOT DISTINCT FROM 'sanction-imposed')
          AND ("closure_ground" IS NOT NULL) = ("decision" IS NOT DISTINCT FROM 'proceedings-closed')),
        CONSTRAINT "ck_proceeding_appeal" CHECK (
          ("appeal_filed_on" IS NULL OR "stage" = 'decided') AND ("appeal_outcome" IS NULL OR "appeal_filed_on" IS NOT NULL)
          AND ("appeal_outcome" IS NULL) = ("appeal_decided_on" IS NULL)),
        CONSTRAINT "ck_proceeding_dates" CHECK (
          "stage_since" >= "initiated_on" AND ("decided_on" IS NULL OR "decided_on" >= "initiated_on")
          AND ("appeal_filed_on" IS NULL OR "appeal_filed_on" >= "decided_on")
          AND ("appeal_decided_on" IS NULL OR "appeal_decided_on" >= "appeal_filed_on"))
      )`);
    await db.query(`CREATE INDEX "ix_proceeding_judge_id" ON "discipline"."proceeding" ("judge_id")`);
    await db.query(`CREATE INDEX "ix_proceeding_initiated_on" ON "discipline"."proceeding" ("initiated_on")`);

    await db.query(`
      CREATE TABLE "discipline"."proceeding_history" (
        "id" uuid NOT NULL DEFAULT gen_random_uuid(),
        "proceeding_id" uuid NOT NULL,
        "sequence" integer NOT NULL,
        "event" text NOT NULL,
        "from_stage" text,
        "stage" text NOT NULL,
        "decision" text,
        "sanction" text,
        "closure_ground" text,
        "appeal_outcome" text,
        "effective_on" date NOT NULL,
        "note" text,
        "actor_user_id" uuid,
        "actor_login" text NOT NULL,
        "recorded_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
        CONSTRAINT "pk_proceeding_history" PRIMARY KEY ("id"),
        CONSTRAINT "uq_proceeding_history_proceeding_id_sequence" UNIQUE ("proceeding_id", "sequence"),
        CONSTRAINT "ck_proceeding_history_sequence" CHECK ("sequence" >= 1),
        CONSTRAINT "ck_proceeding_history_event" CHECK ("event" IN ('opened', 'stage-changed', 'appeal-filed', 'appeal-decided')),
        CONSTRAINT "ck_proceeding_history_stage" CHECK ("stage" IN (${STAGES}) AND "from_stage" IN (${STAGES})),
        CONSTRAINT "ck_proceeding_history_decision" CHECK ("decision" IN (${DECISIONS})),
        CONSTRAINT "ck_proceeding_history_sanction" CHECK ("sanction" IN (${SANCTIONS})),
        CONSTRAINT "ck_proceeding_history_closure_ground" CHECK ("closure_ground" IN (${CLOSURE_GROUNDS})),
        CONSTRAINT "ck_proceeding_history_appeal_outcome" CHECK ("appeal_outcome" IN (${APPEAL_OUTCOMES})),
        CONSTRAINT "fk_proceeding_history_proceeding_id" FOREIGN KEY ("proceeding_id")
          REFERENCES "discipline"."proceeding"("id") ON DELETE RESTRICT ON UPDATE NO ACTION
      )`);

    // Records are kept: the application may not delete a proceeding, nor rewrite its history.
    await db.query(`REVOKE DELETE, TRUNCATE ON "discipline"."proceeding" FROM ${DISCIPLINE_ACCESS}`);
    await db.query(`REVOKE UPDATE, DELETE, TRUNCATE ON "discipline"."proceeding_history" FROM ${DISCIPLINE_ACCESS}`);
    // Belt and braces: nothing of the schema was ever granted to the evaluation side.
    await db.query(`REVOKE ALL ON SCHEMA "${SCHEMA}" FROM ${EVALUATION_ACCESS}`);
    await db.query(`REVOKE ALL ON ALL TABLES IN SCHEMA "${SCHEMA}" FROM ${EVALUATION_ACCESS}`);
  }

  async down(db: QueryRunner): Promise<void> {
    await db.query(`DROP TABLE "discipline"."proceeding_history"`);
    await db.query(`DROP TABLE "discipline"."proceeding"`);
    await db.query(`ALTER DEFAULT PRIVILEGES IN SCHEMA "${SCHEMA}" REVOKE ALL ON TABLES FROM ${DISCIPLINE_ACCESS}`);
    await db.query(`ALTER DEFAULT PRIVILEGES IN SCHEMA "${SCHEMA}" REVOKE ALL ON SEQUENCES FROM ${DISCIPLINE_ACCESS}`);
    await db.query(`DROP SCHEMA "${SCHEMA}"`);
  }
}
