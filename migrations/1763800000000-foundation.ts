import { MigrationInterface, QueryRunner } from 'typeorm';

const EVALUATION_SCHEMAS = ['auth', 'registry', 'instruments', 'campaigns', 'responses', 'aggregation', 'reports'];
const EVALUATION_ACCESS = 'jqc_evaluation_access';

/**
 * The evaluation schemas and the accounts tables. The evaluation access role may use
 * these schemas' tables (current and future ones created by the owner) but create nothing.
 * The audit log is append-only for it.
 */
export class Foundation1763800000000 implements MigrationInterface {
  name = 'Foundation1763800000000';

  async up(db: QueryRunner): Promise<void> {
    for (const schema of EVALUATION_SCHEMAS) {
      await db.query(`CREATE SCHEMA "${schema}"`);
      await db.query(`REVOKE ALL ON SCHEMA "${schema}" FROM PUBLIC`);
      await db.query(`GRANT USAGE ON SCHEMA "${schema}" TO ${EVALUATION_ACCESS}`);
      await db.query(`ALTER DEFAULT PRIVILEGES IN SCHEMA "${schema}" GRANT SELECT, INSERT, UPDATE, DELETE ON TABLES TO ${EVALUATION_ACCESS}`);
      await db.query(`ALTER DEFAULT PRIVILEGES IN SCHEMA "${schema}" GRANT USAGE, SELECT ON SEQUENCES TO ${EVALUATION_ACCESS}`);
    }

    await db.query(`
      CREATE TABLE "auth"."user" (
        "id" uuid NOT NULL DEFAULT gen_random_uuid(),
        "login" text NOT NULL,
        "display_name" text NOT NULL,
        "role" text NOT NULL,
        "password_hash" text NOT NULL,
        "locale" text NOT NULL DEFAULT 'kk',
        "active" boolean NOT NULL DEFAULT true,
        "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
        CONSTRAINT "uq_user_login" UNIQUE ("login"),
        CONSTRAINT "ck_user_login_lowercase" CHECK ("login" = lower("login")),
        CONSTRAINT "ck_user_role" CHECK ("role" IN ('admin', 'commission', 'hr', 'judge', 'jury')),
        CONSTRAINT "ck_user_locale" CHECK ("locale" IN ('kk', 'ru', 'en')),
        CONSTRAINT "pk_user" PRIMARY KEY ("id")
      )`);
    await db.query(`
      CREATE TABLE "auth"."session" (
        "id" text NOT NULL,
        "user_id" uuid NOT NULL,
        "expires_at" TIMESTAMP WITH TIME ZONE NOT NULL,
        "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
        CONSTRAINT "pk_session" PRIMARY KEY ("id"),
        CONSTRAINT "fk_session_user_id" FOREIGN KEY ("user_id") REFERENCES "auth"."user"("id") ON DELETE CASCADE ON UPDATE NO ACTION
      )`);
    await db.query(`CREATE INDEX "ix_session_expires_at" ON "auth"."session" ("expires_at")`);
    await db.query(`
      CREATE TABLE "auth"."audit_log" (
        "id" uuid NOT NULL DEFAULT gen_random_uuid(),
        "occurred_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
        "actor_user_id" uuid,
        "actor_login" text NOT NULL,
        "action" text NOT NULL,
        "target_type" text NOT NULL,
        "target_id" text,
        "details" jsonb NOT NULL DEFAULT '{}'::jsonb,
        CONSTRAINT "pk_audit_log" PRIMARY KEY ("id")
      )`);
    await db.query(`CREATE INDEX "ix_audit_log_occurred_at" ON "auth"."audit_log" ("occurred_at")`);
    await db.query(`REVOKE UPDATE, DELETE, TRUNCATE ON "auth"."audit_log" FROM ${EVALUATION_ACCESS}`);
  }

  async down(db: QueryRunner): Promise<void> {
    await db.query(`DROP TABLE "auth"."audit_log"`);
    await db.query(`DROP TABLE "auth"."session"`);
    await db.query(`DROP TABLE "auth"."user"`);
    for (const schema of [...EVALUATION_SCHEMAS].reverse()) {
      await db.query(`ALTER DEFAULT PRIVILEGES IN SCHEMA "${schema}" REVOKE ALL ON TABLES FROM ${EVALUATION_ACCESS}`);
      await db.query(`ALTER DEFAULT PRIVILEGES IN SCHEMA "${schema}" REVOKE ALL ON SEQUENCES FROM ${EVALUATION_ACCESS}`);
      await db.query(`DROP SCHEMA "${schema}"`);
    }
  }
}
