import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager } from 'typeorm';
import { Band, BandDefinition, BandKind } from './bands/bands';
import { CourtRecord, JudgeRecord, StaffRecord } from './register-records';
import { RegisterKind } from './import/register-columns';

export interface ApplyCounts {
  created: number;
  updated: number;
  unchanged: number;
  deactivated: number;
}

export interface PersonFilter {
  regionCode?: string;
  courtLevel?: string;
  courtCode?: string;
  active?: boolean;
  limit: number;
  offset: number;
}

/** A member of a survey population as the register has them today. */
export interface PopulationMember {
  personId: string;
  gender: string;
  birthYear: number;
  serviceStart: string;
  courtLevel: string | null;
  regionCode: string;
  courtId: string | null;
  role: string;
}

/** Who is in a survey population. Empty or absent lists mean "all". */
export interface PopulationFilter {
  regions?: string[];
  courtLevels?: string[];
  /** Judges' positions, or staff position categories. */
  roles?: string[];
}

export interface ReferenceCodeSets {
  regions: Set<string>;
  courts: Set<string>;
  units: Set<string>;
}

/**
 * Register data access. Imports are set-based SQL (one statement per step over arrays),
 * so a national file applies in one short transaction.
 */
@Injectable()
export class RegistryRepository {
  constructor(@InjectDataSource() private readonly db: DataSource) {}

  async referenceCodes(): Promise<ReferenceCodeSets> {
    const [regions, courts, units] = await Promise.all([
      this.db.query(`SELECT code FROM registry.region WHERE valid_to IS NULL`),
      this.db.query(`SELECT code FROM registry.court WHERE active`),
      this.db.query(`SELECT code FROM registry.administration_unit WHERE active`),
    ]);
    const codes = (rows: { code: string }[]) => new Set(rows.map((row) => row.code));
    return { regions: codes(regions), courts: codes(courts), units: codes(units) };
  }

  /** Applies a whole register in one transaction: upsert by natural key, deactivate whoever is absent. */
  apply(kind: RegisterKind, records: (CourtRecord | JudgeRecord | StaffRecord)[], synthetic: boolean): Promise<ApplyCounts> {
    return this.db.transaction('READ COMMITTED', (tx) => {
      switch (kind) {
        case 'courts':
          return this.applyCourts(tx, records as CourtRecord[], synthetic);
        case 'judges':
          return this.applyJudges(tx, records as JudgeRecord[], synthetic);
        case 'staff':
          return this.applyStaff(tx, records as StaffRecord[], synthetic);
      }
    });
  }

  private async counts(tx: EntityManager, upserted: { inserted: boolean }[], total: number, deactivateSql: string, keys: string[]): Promise<ApplyCounts> {
    const created = upserted.filter((row) => row.inserted).length;
    const updated = upserted.length - created;
    const [, deactivated] = (await tx.query(deactivateSql, [keys])) as [unknown, number];
    return { created, updated, unchanged: total - created - updated, deactivated };
  }

  private async applyCourts(tx: EntityManager, courts: CourtRecord[], synthetic: boolean): Promise<ApplyCounts> {
    const rows = await tx.query(
      `INSERT INTO registry.court (code, name_kk, name_ru, name_en, level, specialisation, region_code, synthetic)
       SELECT * FROM unnest($1::text[], $2::text[], $3::text[], $4::text[], $5::text[], $6::text[], $7::text[], $8::boolean[])
       ON CONFLICT (code) DO UPDATE SET
         name_kk = EXCLUDED.name_kk, name_ru = EXCLUDED.name_ru, name_en = EXCLUDED.name_en, level = EXCLUDED.level,
         specialisation = EXCLUDED.specialisation, region_code = EXCLUDED.region_code, synthetic = EXCLUDED.synthetic, active = true
       WHERE (court.name_kk, court.name_ru, court.name_en, court.level, court.specialisation, court.region_code, court.synthetic, court.active)
         IS DISTINCT FROM (EXCLUDED.name_kk, EXCLUDED.name_ru, EXCLUDED.name_en, EXCLUDED.level, EXCLUDED.specialisation, EXCLUDED.region_code, EXCLUDED.synthetic, true)
       RETURNING (xmax = 0) AS inserted`,
      [
        courts.map((c) => c.code),
        courts.map((c) => c.names.kk),
        courts.map((c) => c.names.ru),
        courts.map((c) => c.names.en),
        courts.map((c) => c.level),
        courts.map((c) => c.specialisation),
        courts.map((c) => c.regionCode),
        courts.map(() => synthetic),
      ],
    );
    return this.counts(tx, rows, courts.length, `UPDATE registry.court SET active = false WHERE active AND NOT (code = ANY($1))`, courts.map((c) => c.code));
  }

  private async applyJudges(tx: EntityManager, judges: JudgeRecord[], synthetic: boolean): Promise<ApplyCounts> {
    const rows = await tx.query(
      `INSERT INTO registry.judge (personnel_number, full_name, gender, birth_year, appointment_date, court_id, position, email, language, synthetic)
       SELECT j.personnel_number, j.full_name, j.gender, j.birth_year, j.appointment_date, c.id, j.position, j.email, j.language, j.synthetic
       FROM unnest($1::text[], $2::text[], $3::text[], $4::int[], $5::date[], $6::text[], $7::text[], $8::boolean[], $9::text[], $10::text[])
         AS j (personnel_number, full_name, gender, birth_year, appointment_date, court_code, position, synthetic, email, language)
       JOIN registry.court c ON c.code = j.court_code
       ON CONFLICT (personnel_number) DO UPDATE SET
         full_name = EXCLUDED.full_name, gender = EXCLUDED.gender, birth_year = EXCLUDED.birth_year,
         appointment_date = EXCLUDED.appointment_date, court_id = EXCLUDED.court_id, position = EXCLUDED.position,
         email = EXCLUDED.email, language = EXCLUDED.language, synthetic = EXCLUDED.synthetic, active = true, updated_at = now()
       WHERE (judge.full_name, judge.gender, judge.birth_year, judge.appointment_date, judge.court_id, judge.position, judge.email, judge.language, judge.synthetic, judge.active)
         IS DISTINCT FROM (EXCLUDED.full_name, EXCLUDED.gender, EXCLUDED.birth_year, EXCLUDED.appointment_date, EXCLUDED.court_id, EXCLUDED.position, EXCLUDED.email, EXCLUDED.language, EXCLUDED.synthetic, true)
       RETURNING (xmax = 0) AS inserted`,
      [
        judges.map((j) => j.personnelNumber),
        judges.map((j) => j.fullName),
        judges.map((j) => j.gender),
        judges.map((j) => j.birthYear),
        judges.map((j) => j.appointmentDate),
        judges.map((j) => j.courtCode),
        judges.map((j) => j.position),
        judges.map(() => synthetic),
        judges.map((j) => j.email),
        judges.map((j) => j.language),
      ],
    );
    return this.counts(
      tx,
      rows,
      judges.length,
      `UPDATE registry.judge SET active = false, updated_at = now() WHERE active AND NOT (personnel_number = ANY($1))`,
      judges.map((j) => j.personnelNumber),
    );
  }

  private async applyStaff(tx: EntityManager, staff: StaffRecord[], synthetic: boolean): Promise<ApplyCounts> {
    const rows = await tx.query(
      `INSERT INTO registry.staff_member (personnel_number, full_name, gender, birth_year, hire_date, court_id, unit_id, category, email, language, synthetic)
       SELECT s.personnel_number, s.full_name, s.gender, s.birth_year, s.hire_date, c.id, u.id, s.category, s.email, s.language, s.synthetic
       FROM unnest($1::text[], $2::text[], $3::text[], $4::int[], $5::date[], $6::text[], $7::text[], $8::text[], $9::boolean[], $10::text[], $11::text[])
         AS s (personnel_number, full_name, gender, birth_year, hire_date, court_code, unit_code, category, synthetic, email, language)
       LEFT JOIN registry.court c ON c.code = s.court_code
       LEFT JOIN registry.administration_unit u ON u.code = s.unit_code
       ON CONFLICT (personnel_number) DO UPDATE SET
         full_name = EXCLUDED.full_name, gender = EXCLUDED.gender, birth_year = EXCLUDED.birth_year, hire_date = EXCLUDED.hire_date,
         court_id = EXCLUDED.court_id, unit_id = EXCLUDED.unit_id, category = EXCLUDED.category,
         email = EXCLUDED.email, language = EXCLUDED.language, synthetic = EXCLUDED.synthetic, active = true, updated_at = now()
       WHERE (staff_member.full_name, staff_member.gender, staff_member.birth_year, staff_member.hire_date, staff_member.court_id, staff_member.unit_id, staff_member.category, staff_member.email, staff_member.language, staff_member.synthetic, staff_member.active)
         IS DISTINCT FROM (EXCLUDED.full_name, EXCLUDED.gender, EXCLUDED.birth_year, EXCLUDED.hire_date, EXCLUDED.court_id, EXCLUDED.unit_id, EXCLUDED.category, EXCLUDED.email, EXCLUDED.language, EXCLUDED.synthetic, true)
       RETURNING (xmax = 0) AS inserted`,
      [
        staff.map((s) => s.personnelNumber),
        staff.map((s) => s.fullName),
        staff.map((s) => s.gender),
        staff.map((s) => s.birthYear),
        staff.map((s) => s.hireDate),
        staff.map((s) => s.courtCode),
        staff.map((s) => s.unitCode),
        staff.map((s) => s.category),
        staff.map(() => synthetic),
        staff.map((s) => s.email),
        staff.map((s) => s.language),
      ],
    );
    return this.counts(
      tx,
      rows,
      staff.length,
      `UPDATE registry.staff_member SET active = false, updated_at = now() WHERE active AND NOT (personnel_number = ANY($1))`,
      staff.map((s) => s.personnelNumber),
    );
  }

  /** The active register in import-template form, ordered by its natural key. */
  async records(kind: RegisterKind): Promise<(CourtRecord | JudgeRecord | StaffRecord)[]> {
    switch (kind) {
      case 'courts':
        return (
          await this.db.query(
            `SELECT code, name_kk, name_ru, name_en, level, specialisation, region_code FROM registry.court WHERE active ORDER BY code`,
          )
        ).map((r: Record<string, string>) => ({
          code: r.code,
          names: { kk: r.name_kk, ru: r.name_ru, en: r.name_en },
          level: r.level,
          specialisation: r.specialisation,
          regionCode: r.region_code,
        }));
      case 'judges':
        return (
          await this.db.query(
            `SELECT j.personnel_number, j.full_name, j.gender, j.birth_year, to_char(j.appointment_date, 'YYYY-MM-DD') AS appointment_date, c.code AS court_code, j.position, j.email, j.language
             FROM registry.judge j JOIN registry.court c ON c.id = j.court_id WHERE j.active ORDER BY j.personnel_number`,
          )
        ).map((r: Record<string, string | number>) => ({
          personnelNumber: r.personnel_number,
          fullName: r.full_name,
          gender: r.gender,
          birthYear: r.birth_year,
          appointmentDate: r.appointment_date,
          courtCode: r.court_code,
          position: r.position,
          email: r.email,
          language: r.language,
        }));
      case 'staff':
        return (
          await this.db.query(
            `SELECT s.personnel_number, s.full_name, s.gender, s.birth_year, to_char(s.hire_date, 'YYYY-MM-DD') AS hire_date, c.code AS court_code, u.code AS unit_code, s.category, s.email, s.language
             FROM registry.staff_member s LEFT JOIN registry.court c ON c.id = s.court_id LEFT JOIN registry.administration_unit u ON u.id = s.unit_id
             WHERE s.active ORDER BY s.personnel_number`,
          )
        ).map((r: Record<string, string | number | null>) => ({
          personnelNumber: r.personnel_number,
          fullName: r.full_name,
          gender: r.gender,
          birthYear: r.birth_year,
          hireDate: r.hire_date,
          courtCode: r.court_code,
          unitCode: r.unit_code,
          category: r.category,
          email: r.email,
          language: r.language,
        }));
    }
  }

  /** A page of people with their workplace, for the read API. */
  async page(kind: 'judges' | 'staff', filter: PersonFilter): Promise<{ total: number; items: Record<string, unknown>[] }> {
    const table = kind === 'judges' ? 'registry.judge' : 'registry.staff_member';
    const conditions = ['($1::text IS NULL OR r.code = $1)', '($2::text IS NULL OR c.level = $2)', '($3::text IS NULL OR c.code = $3)', '($4::boolean IS NULL OR p.active = $4)'];
    const workplace =
      kind === 'judges'
        ? `JOIN registry.court c ON c.id = p.court_id JOIN registry.region r ON r.code = c.region_code`
        : `LEFT JOIN registry.court c ON c.id = p.court_id LEFT JOIN registry.administration_unit u ON u.id = p.unit_id
           JOIN registry.region r ON r.code = coalesce(c.region_code, u.region_code)`;
    const columns =
      kind === 'judges'
        ? `p.id, p.personnel_number, p.full_name, p.gender, p.birth_year, to_char(p.appointment_date, 'YYYY-MM-DD') AS appointment_date, p.position, c.code AS court_code, c.level AS court_level, r.code AS region_code, p.active, p.synthetic`
        : `p.id, p.personnel_number, p.full_name, p.gender, p.birth_year, to_char(p.hire_date, 'YYYY-MM-DD') AS hire_date, p.category, c.code AS court_code, u.code AS unit_code, c.level AS court_level, r.code AS region_code, p.active, p.synthetic`;
    const params = [filter.regionCode ?? null, filter.courtLevel ?? null, filter.courtCode ?? null, filter.active ?? null];
    const where = conditions.join(' AND ');
    const [{ total }] = await this.db.query(`SELECT count(*)::int AS total FROM ${table} p ${workplace} WHERE ${where}`, params);
    const items = await this.db.query(`SELECT ${columns} FROM ${table} p ${workplace} WHERE ${where} ORDER BY p.personnel_number LIMIT $5 OFFSET $6`, [
      ...params,
      filter.limit,
      filter.offset,
    ]);
    return { total, items };
  }

  /** The active judge with this personnel number, or null. */
  async activeJudge(personnelNumber: string): Promise<{ id: string } | null> {
    const [judge] = await this.db.query(`SELECT id FROM registry.judge WHERE personnel_number = $1 AND active`, [personnelNumber]);
    return judge ?? null;
  }

  regions(): Promise<Record<string, unknown>[]> {
    return this.db.query(`SELECT code, name_kk, name_ru, name_en, kind, to_char(valid_from, 'YYYY-MM-DD') AS valid_from, reference_version FROM registry.region ORDER BY code`);
  }

  courts(): Promise<Record<string, unknown>[]> {
    return this.db.query(`SELECT id, code, name_kk, name_ru, name_en, level, specialisation, region_code, active, synthetic FROM registry.court ORDER BY code`);
  }

  /** Active people of the register matching the population filter. */
  async population(kind: 'judges' | 'staff', filter: PopulationFilter): Promise<PopulationMember[]> {
    const params = [filter.regions?.length ? filter.regions : null, filter.courtLevels?.length ? filter.courtLevels : null, filter.roles?.length ? filter.roles : null];
    const rows =
      kind === 'staff'
        ? await this.db.query(
            `SELECT s.id AS person_id, s.gender, s.birth_year, to_char(s.hire_date, 'YYYY-MM-DD') AS service_start,
                    c.level AS court_level, coalesce(c.region_code, u.region_code) AS region_code, c.id AS court_id, s.category AS role
             FROM registry.staff_member s
             LEFT JOIN registry.court c ON c.id = s.court_id
             LEFT JOIN registry.administration_unit u ON u.id = s.unit_id
             WHERE s.active
               AND ($1::text[] IS NULL OR coalesce(c.region_code, u.region_code) = ANY($1))
               AND ($2::text[] IS NULL OR c.level = ANY($2))
               AND ($3::text[] IS NULL OR s.category = ANY($3))
             ORDER BY s.id`,
            params,
          )
        : await this.db.query(
            `SELECT j.id AS person_id, j.gender, j.birth_year, to_char(j.appointment_date, 'YYYY-MM-DD') AS service_start,
                    c.level AS court_level, c.region_code, c.id AS court_id, j.position AS role
             FROM registry.judge j JOIN registry.court c ON c.id = j.court_id
             WHERE j.active
               AND ($1::text[] IS NULL OR c.region_code = ANY($1))
               AND ($2::text[] IS NULL OR c.level = ANY($2))
               AND ($3::text[] IS NULL OR j.position = ANY($3))
             ORDER BY j.id`,
            params,
          );
    return rows.map((r: Record<string, string | number | null>) => ({
      personId: r.person_id,
      gender: r.gender,
      birthYear: Number(r.birth_year),
      serviceStart: r.service_start,
      courtLevel: r.court_level,
      regionCode: r.region_code,
      courtId: r.court_id,
      role: r.role,
    }));
  }

  bandDefinitions(): Promise<BandDefinition[]> {
    return this.db.query(`SELECT kind, version, bands FROM registry.band_definition ORDER BY kind, version`);
  }

  async bandDefinition(kind: BandKind, version: number): Promise<BandDefinition | null> {
    const [row] = await this.db.query(`SELECT kind, version, bands FROM registry.band_definition WHERE kind = $1 AND version = $2`, [kind, version]);
    return row ?? null;
  }

  /** Adds the next version of a kind's bands; versions are never changed. */
  async addBandVersion(kind: BandKind, bands: Band[]): Promise<BandDefinition> {
    const [row] = await this.db.query(
      `INSERT INTO registry.band_definition (kind, version, bands)
       SELECT $1, coalesce(max(version), 0) + 1, $2::jsonb FROM registry.band_definition WHERE kind = $1
       RETURNING kind, version, bands`,
      [kind, JSON.stringify(bands)],
    );
    return row;
  }

  async isEmpty(): Promise<boolean> {
    const [{ people }] = await this.db.query(`SELECT (SELECT count(*) FROM registry.judge) + (SELECT count(*) FROM registry.staff_member) AS people`);
    return Number(people) === 0;
  }
}
