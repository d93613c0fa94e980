import { MigrationInterface, QueryRunner } from 'typeorm';

// Reference data as of this migration, frozen here: later code changes must not rewrite history.
const AGE_BANDS = `[{"code":"under-35","min":0,"max":34,"labels":{"en":"Under 35","ru":"До 35 лет","kk":"35 жасқа дейін"}},{"code":"35-44","min":35,"max":44,"labels":{"en":"35–44","ru":"35–44 года","kk":"35–44 жас"}},{"code":"45-54","min":45,"max":54,"labels":{"en":"45–54","ru":"45–54 года","kk":"45–54 жас"}},{"code":"55-plus","min":55,"max":null,"labels":{"en":"55 and over","ru":"55 лет и старше","kk":"55 жас және одан жоғары"}}]`;
const EXPERIENCE_BANDS = `[{"code":"under-5","min":0,"max":4,"labels":{"en":"Under 5 years","ru":"Менее 5 лет","kk":"5 жылға дейін"}},{"code":"5-9","min":5,"max":9,"labels":{"en":"5–9 years","ru":"5–9 лет","kk":"5–9 жыл"}},{"code":"10-19","min":10,"max":19,"labels":{"en":"10–19 years","ru":"10–19 лет","kk":"10–19 жыл"}},{"code":"20-plus","min":20,"max":null,"labels":{"en":"20 years and over","ru":"20 лет и более","kk":"20 жыл және одан көп"}}]`;

/** The registers: territorial units (versioned), courts, Court Administration units, judges, staff, reporting bands. */
export class Registry1795324481656 implements MigrationInterface {
  name = 'Registry1795324481656';

  async up(db: QueryRunner): Promise<void> {
    await db.query(`
      CREATE TABLE "registry"."region" (
        "code" text NOT NULL,
        "name_kk" text NOT NULL,
        "name_ru" text NOT NULL,
        "name_en" text NOT NULL,
        "kind" text NOT NULL,
        "valid_from" date NOT NULL,
        "valid_to" date,
        "reference_version" integer NOT NULL,
        CONSTRAINT "ck_region_kind" CHECK ("kind" IN ('region', 'city')),
        CONSTRAINT "pk_region" PRIMARY KEY ("code")
      )`);
    await db.query(`
      INSERT INTO "registry"."region" ("code", "name_kk", "name_ru", "name_en", "kind", "valid_from", "valid_to", "reference_version") VALUES
      ('abai', 'Абай облысы', 'Абайская область', 'Abai Region', 'region', '2022-06-08', NULL, 2),
      ('akmola', 'Ақмола облысы', 'Акмолинская область', 'Akmola Region', 'region', '1997-01-01', NULL, 2),
      ('aktobe', 'Ақтөбе облысы', 'Актюбинская область', 'Aktobe Region', 'region', '1997-01-01', NULL, 2),
      ('almaty-region', 'Алматы облысы', 'Алматинская область', 'Almaty Region', 'region', '1997-01-01', NULL, 2),
      ('atyrau', 'Атырау облысы', 'Атырауская область', 'Atyrau Region', 'region', '1997-01-01', NULL, 2),
      ('east-kz', 'Шығыс Қазақстан облысы', 'Восточно-Казахстанская область', 'East Kazakhstan Region', 'region', '1997-01-01', NULL, 2),
      ('jambyl', 'Жамбыл облысы', 'Жамбылская область', 'Jambyl Region', 'region', '1997-01-01', NULL, 2),
      ('jetisu', 'Жетісу облысы', 'Область Жетісу', 'Jetisu Region', 'region', '2022-06-08', NULL, 2),
      ('karaganda', 'Қарағанды облысы', 'Карагандинская область', 'Karaganda Region', 'region', '1997-01-01', NULL, 2),
      ('kostanay', 'Қостанай облысы', 'Костанайская область', 'Kostanay Region', 'region', '1997-01-01', NULL, 2),
      ('kyzylorda', 'Қызылорда облысы', 'Кызылординская область', 'Kyzylorda Region', 'region', '1997-01-01', NULL, 2),
      ('mangystau', 'Маңғыстау облысы', 'Мангистауская область', 'Mangystau Region', 'region', '1997-01-01', NULL, 2),
      ('north-kz', 'Солтүстік Қазақстан облысы', 'Северо-Казахстанская область', 'North Kazakhstan Region', 'region', '1997-01-01', NULL, 2),
      ('pavlodar', 'Павлодар облысы', 'Павлодарская область', 'Pavlodar Region', 'region', '1997-01-01', NULL, 2),
      ('turkistan', 'Түркістан облысы', 'Туркестанская область', 'Turkistan Region', 'region', '2018-06-19', NULL, 2),
      ('ulytau', 'Ұлытау облысы', 'Область Ұлытау', 'Ulytau Region', 'region', '2022-06-08', NULL, 2),
      ('west-kz', 'Батыс Қазақстан облысы', 'Западно-Казахстанская область', 'West Kazakhstan Region', 'region', '1997-01-01', NULL, 2),
      ('astana', 'Астана қаласы', 'город Астана', 'Astana (city)', 'city', '1997-01-01', NULL, 2),
      ('almaty', 'Алматы қаласы', 'город Алматы', 'Almaty (city)', 'city', '1997-01-01', NULL, 2),
      ('shymkent', 'Шымкент қаласы', 'город Шымкент', 'Shymkent (city)', 'city', '2018-06-19', NULL, 2)`);

    await db.query(`
      CREATE TABLE "registry"."court" (
        "id" uuid NOT NULL DEFAULT gen_random_uuid(),
        "code" text NOT NULL,
        "name_kk" text NOT NULL,
        "name_ru" text NOT NULL,
        "name_en" text NOT NULL,
        "level" text NOT NULL,
        "specialisation" text NOT NULL,
        "region_code" text NOT NULL,
        "active" boolean NOT NULL DEFAULT true,
        "synthetic" boolean NOT NULL DEFAULT false,
        CONSTRAINT "uq_court_code" UNIQUE ("code"),
        CONSTRAINT "ck_court_level" CHECK ("level" IN ('district', 'regional', 'supreme')),
        CONSTRAINT "ck_court_specialisation" CHECK ("specialisation" IN ('general', 'economic', 'administrative', 'criminal', 'juvenile', 'military')),
        CONSTRAINT "pk_court" PRIMARY KEY ("id"),
        CONSTRAINT "fk_court_region_code" FOREIGN KEY ("region_code") REFERENCES "registry"."region"("code") ON DELETE NO ACTION ON UPDATE NO ACTION
      )`);

    await db.query(`
      CREATE TABLE "registry"."administration_unit" (
        "id" uuid NOT NULL DEFAULT gen_random_uuid(),
        "code" text NOT NULL,
        "name_kk" text NOT NULL,
        "name_ru" text NOT NULL,
        "name_en" text NOT NULL,
        "region_code" text NOT NULL,
        "active" boolean NOT NULL DEFAULT true,
        CONSTRAINT "uq_administration_unit_code" UNIQUE ("code"),
        CONSTRAINT "pk_administration_unit" PRIMARY KEY ("id"),
        CONSTRAINT "fk_administration_unit_region_code" FOREIGN KEY ("region_code") REFERENCES "registry"."region"("code") ON DELETE NO ACTION ON UPDATE NO ACTION
      )`);
    await db.query(`
      INSERT INTO "registry"."administration_unit" ("code", "name_kk", "name_ru", "name_en", "region_code") VALUES
      ('ca-central', 'Сот әкімшілігі, орталық аппарат', 'Судебная администрация, центральный аппарат', 'Court Administration, central office', 'astana'),
      ('ca-abai', 'Сот әкімшілігінің бөлімшесі (Абай облысы)', 'Подразделение Судебной администрации (Абайская область)', 'Court Administration office, Abai Region', 'abai'),
      ('ca-akmola', 'Сот әкімшілігінің бөлімшесі (Ақмола облысы)', 'Подразделение Судебной администрации (Акмолинская область)', 'Court Administration office, Akmola Region', 'akmola'),
      ('ca-aktobe', 'Сот әкімшілігінің бөлімшесі (Ақтөбе облысы)', 'Подразделение Судебной администрации (Актюбинская область)', 'Court Administration office, Aktobe Region', 'aktobe'),
      ('ca-almaty-region', 'Сот әкімшілігінің бөлімшесі (Алматы облысы)', 'Подразделение Судебной администрации (Алматинская область)', 'Court Administration office, Almaty Region', 'almaty-region'),
      ('ca-atyrau', 'Сот әкімшілігінің бөлімшесі (Атырау облысы)', 'Подразделение Судебной администрации (Атырауская область)', 'Court Administration office, Atyrau Region', 'atyrau'),
      ('ca-east-kz', 'Сот әкімшілігінің бөлімшесі (Шығыс Қазақстан облысы)', 'Подразделение Судебной администрации (Восточно-Казахстанская область)', 'Court Administration office, East Kazakhstan Region', 'east-kz'),
      ('ca-jambyl', 'Сот әкімшілігінің бөлімшесі (Жамбыл облысы)', 'Подразделение Судебной администрации (Жамбылская область)', 'Court Administration office, Jambyl Region', 'jambyl'),
      ('ca-jetisu', 'Сот әкімшілігінің бөлімшесі (Жетісу облысы)', 'Подразделение Судебной администрации (Область Жетісу)', 'Court Administration office, Jetisu Region', 'jetisu'),
      ('ca-karaganda', 'Сот әкімшілігінің бөлімшесі (Қарағанды облысы)', 'Подразделение Судебной администрации (Карагандинская область)', 'Court Administration office, Karaganda Region', 'karaganda'),
      ('ca-kostanay', 'Сот әкімшілігінің бөлімшесі (Қостанай облысы)', 'Подразделение Судебной администрации (Костанайская область)', 'Court Administration office, Kostanay Region', 'kostanay'),
      ('ca-kyzylorda', 'Сот әкімшілігінің бөлімшесі (Қызылорда облысы)', 'Подразделение Судебной администрации (Кызылординская область)', 'Court Administration office, Kyzylorda Region', 'kyzylorda'),
      ('ca-mangystau', 'Сот әкімшілігінің бөлімшесі (Маңғыстау облысы)', 'Подразделение Судебной администрации (Мангистауская область)', 'Court Administration office, Mangystau Region', 'mangystau'),
      ('ca-north-kz', 'Сот әкімшілігінің бөлімшесі (Солтүстік Қазақстан облысы)', 'Подразделение Судебной администрации (Северо-Казахстанская область)', 'Court Administration office, North Kazakhstan Region', 'north-kz'),
      ('ca-pavlodar', 'Сот әкімшілігінің бөлімшесі (Павлодар облысы)', 'Подразделение Судебной администрации (Павлодарская область)', 'Court Administration office, Pavlodar Region', 'pavlodar'),
      ('ca-turkistan', 'Сот әкімшілігінің бөлімшесі (Түркістан облысы)', 'Подразделение Судебной администрации (Туркестанская область)', 'Court Administration office, Turkistan Region', 'turkistan'),
      ('ca-ulytau', 'Сот әкімшілігінің бөлімшесі (Ұлытау облысы)', 'Подразделение Судебной администрации (Область Ұлытау)', 'Court Administration office, Ulytau Region', 'ulytau'),
      ('ca-west-kz', 'Сот әкімшілігінің бөлімшесі (Батыс Қазақстан облысы)', 'Подразделение Судебной администрации (Западно-Казахстанская область)', 'Court Administration office, West Kazakhstan Region', 'west-kz'),
      ('ca-astana', 'Сот әкімшілігінің бөлімшесі (Астана қаласы)', 'Подразделение Судебной администрации (город Астана)', 'Court Administration office, Astana (city)', 'astana'),
      ('ca-almaty', 'Сот әкімшілігінің бөлімшесі (Алматы қаласы)', 'Подразделение Судебной администрации (город Алматы)', 'Court Administration office, Almaty (city)', 'almaty'),
      ('ca-shymkent', 'Сот әкімшілігінің бөлімшесі (Шымкент қаласы)', 'Подразделение Судебной администрации (город Шымкент)', 'Court Administration office, Shymkent (city)', 'shymkent')`);

    await db.query(`
      CREATE TABLE "registry"."judge" (
        "id" uuid NOT NULL DEFAULT gen_random_uuid(),
        "personnel_number" text NOT NULL,
        "full_name" text NOT NULL,
        "gender" text NOT NULL,
        "birth_year" integer NOT NULL,
        "appointment_date" date NOT NULL,
        "court_id" uuid NOT NULL,
        "position" text NOT NULL,
        "email" text NOT NULL,
        "language" text NOT NULL DEFAULT 'kk',
        "active" boolean NOT NULL DEFAULT true,
        "synthetic" boolean NOT NULL DEFAULT false,
        "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
        CONSTRAINT "uq_judge_personnel_number" UNIQUE ("personnel_number"),
        CONSTRAINT "ck_judge_language" CHECK ("language" IN ('kk', 'ru', 'en')),
        CONSTRAINT "ck_judge_gender" CHECK ("gender" IN ('f', 'm')),
        CONSTRAINT "ck_judge_position" CHECK ("position" IN ('judge', 'chamber-president', 'court-president')),
        CONSTRAINT "ck_judge_birth_year" CHECK ("birth_year" BETWEEN 1900 AND 2100),
        CONSTRAINT "pk_judge" PRIMARY KEY ("id"),
        CONSTRAINT "fk_judge_court_id" FOREIGN KEY ("court_id") REFERENCES "registry"."court"("id") ON DELETE NO ACTION ON UPDATE NO ACTION
      )`);
    await db.query(`CREATE INDEX "ix_judge_court_id" ON "registry"."judge" ("court_id")`);

    await db.query(`
      CREATE TABLE "registry"."staff_member" (
        "id" uuid NOT NULL DEFAULT gen_random_uuid(),
        "personnel_number" text NOT NULL,
        "full_name" text NOT NULL,
        "gender" text NOT NULL,
        "birth_year" integer NOT NULL,
        "hire_date" date NOT NULL,
        "court_id" uuid,
        "unit_id" uuid,
        "category" text NOT NULL,
        "email" text NOT NULL,
        "language" text NOT NULL DEFAULT 'kk',
        "active" boolean NOT NULL DEFAULT true,
        "synthetic" boolean NOT NULL DEFAULT false,
        "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
        CONSTRAINT "uq_staff_member_personnel_number" UNIQUE ("personnel_number"),
        CONSTRAINT "ck_staff_member_language" CHECK ("language" IN ('kk', 'ru', 'en')),
        CONSTRAINT "ck_staff_member_gender" CHECK ("gender" IN ('f', 'm')),
        CONSTRAINT "ck_staff_member_category" CHECK ("category" IN ('senior', 'specialist', 'court-secretary', 'assistant', 'support')),
        CONSTRAINT "ck_staff_member_birth_year" CHECK ("birth_year" BETWEEN 1900 AND 2100),
        CONSTRAINT "ck_staff_member_one_workplace" CHECK (("court_id" IS NULL) <> ("unit_id" IS NULL)),
        CONSTRAINT "pk_staff_member" PRIMARY KEY ("id"),
        CONSTRAINT "fk_staff_member_court_id" FOREIGN KEY ("court_id") REFERENCES "registry"."court"("id") ON DELETE NO ACTION ON UPDATE NO ACTION,
        CONSTRAINT "fk_staff_member_unit_id" FOREIGN KEY ("unit_id") REFERENCES "registry"."administration_unit"("id") ON DELETE NO ACTION ON UPDATE NO ACTION
      )`);
    await db.query(`CREATE INDEX "ix_staff_member_court_id" ON "registry"."staff_member" ("court_id")`);

    await db.query(`
      CREATE TABLE "registry"."band_definition" (
        "id" uuid NOT NULL DEFAULT gen_random_uuid(),
        "kind" text NOT NULL,
        "version" integer NOT NULL,
        "bands" jsonb NOT NULL,
        "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
        CONSTRAINT "uq_band_definition_kind_version" UNIQUE ("kind", "version"),
        CONSTRAINT "ck_band_definition_kind" CHECK ("kind" IN ('age', 'experience')),
        CONSTRAINT "pk_band_definition" PRIMARY KEY ("id")
      )`);
    await db.query(`INSERT INTO "registry"."band_definition" ("kind", "version", "bands") VALUES ('age', 1, $1::jsonb), ('experience', 1, $2::jsonb)`, [
      AGE_BANDS,
      EXPERIENCE_BANDS,
    ]);
    // Band versions are history: the application may add versions, never change them.
    await db.query(`REVOKE UPDATE, DELETE, TRUNCATE ON "registry"."band_definition" FROM jqc_evaluation_access`);
  }

  async down(db: QueryRunner): Promise<void> {
    await db.query(`DROP TABLE "registry"."band_definition"`);
    await db.query(`DROP TABLE "registry"."staff_member"`);
    await db.query(`DROP TABLE "registry"."judge"`);
    await db.query(`DROP TABLE "registry"."administration_unit"`);
    await db.query(`DROP TABLE "registry"."court"`);
    await db.query(`DROP TABLE "registry"."region"`);
  }
}
