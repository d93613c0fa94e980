import { Injectable } from '@nestjs/common';
import { ErrorKind, LocalizedText } from '@app/core';
import { AuditLogService, Principal } from '@app/auth';
import { BUILTIN_INSTRUMENTS } from './builtin-instruments';
import { localizedText } from './definition-rules';
import { InstrumentVersionEntity, VersionSummary } from './entities/instrument-version.entity';
import { InstrumentEntity } from './entities/instrument.entity';
import { INSTRUMENT_EDITORS, InstrumentKind } from './instrument-kind';
import { InstrumentVersionRepository } from './instrument-version.repository';
import { InstrumentRepository } from './instrument.repository';
import { InstrumentsError, InstrumentsErrorCode } from './instruments.errors';
import { reportingSchema, ReportingQuestion } from './reporting-schema';
import { validateDefinition, withDefinitionDefaults } from './validate-definition';
import { importXlsForm } from './xlsform-import';

export enum InstrumentsAuditAction {
  InstrumentCreated = 'instruments.instrument-created',
  VersionCreated = 'instruments.version-created',
  VersionReplaced = 'instruments.version-replaced',
  VersionLocked = 'instruments.version-locked',
}

export interface InstrumentView {
  id: string;
  code: string;
  kind: InstrumentKind;
  title: LocalizedText;
  createdAt: Date;
  latestVersion: VersionSummary | null;
}

export type VersionView = Omit<InstrumentVersionEntity, 'instrument'>;

type Actor = Pick<Principal, 'userId' | 'login' | 'role'>;

function view(instrument: InstrumentEntity, latestVersion: VersionSummary | null): InstrumentView {
  const { id, code, kind, titleKk, titleRu, titleEn, createdAt } = instrument;
  return { id, code, kind, title: { kk: titleKk, ru: titleRu, en: titleEn }, createdAt, latestVersion };
}

function versionView(version: InstrumentVersionEntity): VersionView {
  const { id, instrumentId, version: number, definition, createdBy, createdAt, locked } = version;
  return { id, instrumentId, version: number, definition, createdBy, createdAt, locked };
}

function summary(version: InstrumentVersionEntity): VersionSummary {
  const { definition: _definition, ...rest } = versionView(version);
  return rest;
}

/**
 * Questionnaires and their versions. Saving validates the definition first and writes
 * nothing when it fails; a version a launched campaign uses is locked and never changes.
 */
@Injectable()
export class InstrumentService {
  constructor(
    private readonly instruments: InstrumentRepository,
    private readonly versions: InstrumentVersionRepository,
    private readonly audit: AuditLogService,
  ) {}

  async list(): Promise<InstrumentView[]> {
    const [instruments, latest] = await Promise.all([this.instruments.list(), this.versions.latest()]);
    return instruments.map((instrument) => view(instrument, latest.get(instrument.id) ?? null));
  }

  async versionsOf(instrumentId: string): Promise<VersionSummary[]> {
    await this.existing(instrumentId);
    return this.versions.listFor(instrumentId);
  }

  async version(instrumentId: string, version: number): Promise<VersionView> {
    await this.existing(instrumentId);
    const found = await this.versions.find(instrumentId, version);
    if (!found) throw notFound(version);
    return versionView(found);
  }

  /** For campaigns, responses and aggregation, which refer to a version by its id. */
  async versionById(versionId: string): Promise<VersionView> {
    const found = await this.versions.findById(versionId);
    if (!found) throw notFound(versionId);
    return versionView(found);
  }

  /** The kind of campaign a version serves; campaigns check it before launching with the version. */
  async kindOfVersion(versionId: string): Promise<InstrumentKind> {
    return (await this.existing((await this.versionById(versionId)).instrumentId)).kind;
  }

  /** What reporting needs to know of each question of a version (see reporting-schema.ts). */
  async reportingSchemaOf(versionId: string): Promise<ReportingQuestion[]> {
    return reportingSchema((await this.versionById(versionId)).definition);
  }

  /** Saves an edited definition as the instrument's next version. */
  async createVersion(actor: Actor, instrumentId: string, definition: unknown): Promise<VersionView> {
    const instrument = await this.editable(actor, instrumentId);
    const stored = checked(definition);
    const created = await this.versions.append(instrument.id, stored, actor.userId);
    await this.audit.record(actor, {
      action: InstrumentsAuditAction.VersionCreated,
      targetType: 'instrument-version',
      targetId: created.id,
      details: { instrument: instrument.code, version: created.version },
    });
    return versionView(created);
  }

  /**
   * Saves a questionnaire written as an XLSForm-style workbook (see xlsform-import.ts) as
   * the next version. Problems name the sheet, row and column; nothing is saved then.
   */
  async createVersionFromSpreadsheet(actor: Actor, instrumentId: string, content: Buffer): Promise<VersionView> {
    await this.editable(actor, instrumentId);
    const { definition, problems } = await importXlsForm(content);
    if (!definition) {
      throw new InstrumentsError(InstrumentsErrorCode.InvalidDefinition, ErrorKind.Invalid, `Invalid spreadsheet: ${problems.length} problem(s)`, problems, {
        count: problems.length,
      });
    }
    return this.createVersion(actor, instrumentId, definition);
  }

  /**
   * Replaces the definition of a version no campaign has launched with yet, for example
   * while a designer is still working on it. A locked version is refused, here and by the
   * database.
   */
  async replaceDefinition(actor: Actor, instrumentId: string, version: number, definition: unknown): Promise<VersionView> {
    const instrument = await this.editable(actor, instrumentId);
    const current = await this.versions.find(instrument.id, version);
    if (!current) throw notFound(version);
    if (current.locked) throw locked();
    const stored = checked(definition);
    if (!(await this.versions.replaceDefinition(current.id, stored))) throw locked();
    await this.audit.record(actor, {
      action: InstrumentsAuditAction.VersionReplaced,
      targetType: 'instrument-version',
      targetId: current.id,
      details: { instrument: instrument.code, version },
    });
    return versionView({ ...current, definition: stored });
  }

  /**
   * Makes a version immutable; campaigns call this when they launch with it. Locking a
   * locked version changes nothing. `actor` is null when the system acts (a scheduled launch).
   */
  async lockVersion(versionId: string, actor: Pick<Principal, 'userId' | 'login'> | null = null): Promise<VersionSummary> {
    const found = await this.versions.findById(versionId);
    if (!found) throw notFound(versionId);
    if (found.locked) return summary(found);
    await this.versions.lock(found.id);
    await this.audit.record(actor, { action: InstrumentsAuditAction.VersionLocked, targetType: 'instrument-version', targetId: found.id, details: { version: found.version } });
    return summary({ ...found, locked: true });
  }

  /**
   * Creates each built-in instrument (builtin/*.json) with its version 1, unless an
   * instrument with its code exists. Idempotent: run on every start.
   */
  async seedBuiltins(): Promise<{ created: string[]; existing: string[] }> {
    const created: string[] = [];
    const existing: string[] = [];
    for (const builtin of BUILTIN_INSTRUMENTS) {
      const definition = checked(builtin.definition);
      const title = localizedText(definition.title);
      const result = await this.instruments.insertWithFirstVersion(
        { code: builtin.code, kind: builtin.kind, titleKk: title.kk, titleRu: title.ru, titleEn: title.en },
        definition,
      );
      if (!result) {
        existing.push(builtin.code);
        continue;
      }
      created.push(builtin.code);
      await this.audit.record(null, {
        action: InstrumentsAuditAction.InstrumentCreated,
        targetType: 'instrument',
        targetId: result.instrument.id,
        details: { code: builtin.code, kind: builtin.kind, version: result.version.version },
      });
    }
    return { created, existing };
  }

  private async existing(instrumentId: string): Promise<InstrumentEntity> {
    const instrument = await this.instruments.findById(instrumentId);
    if (!instrument) {
      throw new InstrumentsError(InstrumentsErrorCode.InstrumentNotFound, ErrorKind.NotFound, 'No such instrument', [{ field: 'id', reason: 'no such instrument' }]);
    }
    return instrument;
  }

  private async editable(actor: Actor, instrumentId: string): Promise<InstrumentEntity> {
    const instrument = await this.existing(instrumentId);
    if (!INSTRUMENT_EDITORS[instrument.kind].includes(actor.role)) {
      throw new InstrumentsError(InstrumentsErrorCode.KindNotEditableByRole, ErrorKind.Forbidden, `Role ${actor.role} cannot edit ${instrument.kind}`, [], {
        kind: instrument.kind,
      });
    }
    return instrument;
  }
}

/** The definition as stored (defaults applied), or the error naming every problem. */
function checked(definition: unknown): Record<string, unknown> {
  const stored = withDefinitionDefaults(definition);
  const problems = validateDefinition(stored);
  if (problems.length > 0) {
    throw new InstrumentsError(InstrumentsErrorCode.InvalidDefinition, ErrorKind.Invalid, `Invalid definition: ${problems.length} problem(s)`, problems, {
      count: problems.length,
    });
  }
  return stored as Record<string, unknown>;
}

function notFound(version: number | string): InstrumentsError {
  return new InstrumentsError(InstrumentsErrorCode.VersionNotFound, ErrorKind.NotFound, `No version ${version}`, [{ field: 'version', reason: 'no such version' }]);
}

function locked(): InstrumentsError {
  return new InstrumentsError(InstrumentsErrorCode.VersionLocked, ErrorKind.Conflict, 'Instrument version is locked', [
    { field: 'version', reason: 'is locked: a launched campaign uses it' },
  ]);
}
