import { Injectable } from '@nestjs/common';
import { AppConfig, ErrorKind, Locale } from '@app/core';
import { AuditLogService, Principal } from '@app/auth';
import { Band, bandDefinitionProblems, BandDefinition, BandKind } from './bands/bands';
import { describeProblem, parseRegister, RegisterProblem } from './import/parse-register';
import { RegisterKind } from './import/register-columns';
import { detectRegisterFormat, readRegisterTable, RegisterFormat, writeProblemReport, writeRegisterFile } from './import/register-file';
import { RegistryError, RegistryErrorCode } from './registry.errors';
import { ApplyCounts, RegistryRepository } from './registry.repository';
import { SyntheticOptions, generateSyntheticPopulation } from './synthetic/synthetic-population';

export type ImportProgress = (stage: 'read' | 'validated' | 'applied', rows: number) => void;

export interface ImportResult extends ApplyCounts {
  kind: RegisterKind;
  rows: number;
}

/** Most problems listed in an error body; the downloadable report lists them all. */
const PROBLEMS_IN_BODY = 200;

/**
 * Register import: the whole file is validated before anything is written; a valid file
 * is applied in one transaction (upsert by natural key, absentees deactivated).
 */
@Injectable()
export class RegisterImportService {
  constructor(
    private readonly registry: RegistryRepository,
    private readonly audit: AuditLogService,
    private readonly config: AppConfig,
  ) {}

  async import(actor: Pick<Principal, 'userId' | 'login'> | null, kind: RegisterKind, file: Buffer, locale: Locale, progress?: ImportProgress): Promise<ImportResult> {
    const { table, problems, records } = await this.validate(kind, file);
    progress?.('read', table.length - 1);
    if (problems.length > 0) {
      throw new RegistryError(
        RegistryErrorCode.ImportRejected,
        ErrorKind.Invalid,
        `${problems.length} problems in the ${kind} file`,
        problems.slice(0, PROBLEMS_IN_BODY).map((p) => ({ row: p.row, field: p.column, value: p.value, reason: describeProblem(p, locale) })),
        { count: problems.length },
      );
    }
    progress?.('validated', records.length);
    const counts = await this.registry.apply(kind, records, false);
    progress?.('applied', records.length);
    await this.audit.record(actor, { action: 'registry.import', targetType: `register:${kind}`, details: { rows: records.length, ...counts } });
    return { kind, rows: records.length, ...counts };
  }

  /** The uploaded file with its bad cells marked and a list of problems, or null when the file is valid. */
  async problemReport(kind: RegisterKind, file: Buffer, locale: Locale): Promise<Buffer | null> {
    const { table, problems } = await this.validate(kind, file);
    return problems.length === 0 ? null : writeProblemReport(kind, table, problems, locale);
  }

  template(kind: RegisterKind, format: RegisterFormat, locale: Locale): Promise<Buffer> {
    return writeRegisterFile(kind, [], format, locale);
  }

  /** The register as a file in the import template. Personal data: every export is audited. */
  async export(actor: Pick<Principal, 'userId' | 'login'>, kind: RegisterKind, format: RegisterFormat, locale: Locale): Promise<Buffer> {
    const records = await this.registry.records(kind);
    await this.audit.record(actor, { action: 'registry.export', targetType: `register:${kind}`, details: { rows: records.length, format } });
    return writeRegisterFile(kind, records, format, locale);
  }

  /** A new version of the age or experience bands, checked to cover every value exactly once. */
  async addBandVersion(actor: Pick<Principal, 'userId' | 'login'>, kind: BandKind, bands: Band[]): Promise<BandDefinition> {
    const problems = bandDefinitionProblems({ kind, version: 0, bands });
    if (problems.length > 0) {
      throw new RegistryError(RegistryErrorCode.InvalidBands, ErrorKind.Invalid, 'invalid bands', problems.map((reason) => ({ field: 'bands', reason })));
    }
    const definition = await this.registry.addBandVersion(kind, bands);
    await this.audit.record(actor, { action: 'registry.bands-added', targetType: `bands:${kind}`, targetId: String(definition.version) });
    return definition;
  }

  /** Loads a synthetic national register (demo, tests, benchmarks); its rows are flagged synthetic. */
  async loadSynthetic(options: SyntheticOptions): Promise<Record<RegisterKind, ApplyCounts>> {
    const population = generateSyntheticPopulation(options);
    const courts = await this.registry.apply('courts', population.courts, true);
    const judges = await this.registry.apply('judges', population.judges, true);
    const staff = await this.registry.apply('staff', population.staff, true);
    await this.audit.record(null, { action: 'registry.synthetic-loaded', targetType: 'register', details: { ...options } });
    return { courts, judges, staff };
  }

  private async validate(kind: RegisterKind, file: Buffer) {
    if (file.length > this.config.REGISTER_IMPORT_MAX_BYTES) {
      throw new RegistryError(RegistryErrorCode.FileTooLarge, ErrorKind.PayloadTooLarge, 'file too large', [{ field: 'file', reason: 'too large' }], {
        maxMb: Math.floor(this.config.REGISTER_IMPORT_MAX_BYTES / 1024 / 1024),
      });
    }
    const format = detectRegisterFormat(file);
    let table: string[][];
    try {
      if (!format) throw new Error('binary file that is not an .xlsx');
      table = await readRegisterTable(file, format);
    } catch {
      throw new RegistryError(RegistryErrorCode.UnsupportedFile, ErrorKind.Invalid, 'unreadable register file', [{ field: 'file', reason: 'not a readable .xlsx or .csv' }]);
    }
    const refs = { ...(await this.registry.referenceCodes()), today: new Date().toISOString().slice(0, 10) };
    const { records, problems } = parseRegister(kind, table, refs);
    return { table, records, problems: problems as RegisterProblem[] };
  }
}
