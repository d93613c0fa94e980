import { AuditLogService, Role } from '@app/auth';
import small from './fixtures/small-definition.json';
import { InstrumentVersionEntity } from './entities/instrument-version.entity';
import { InstrumentEntity } from './entities/instrument.entity';
import { InstrumentKind } from './instrument-kind';
import { InstrumentVersionRepository } from './instrument-version.repository';
import { InstrumentRepository } from './instrument.repository';
import { InstrumentService } from './instrument.service';
import { InstrumentsErrorCode } from './instruments.errors';

describe('InstrumentService', () => {
  const staff = { id: 'i1', code: 'staff-hr-survey', kind: InstrumentKind.StaffSurvey } as InstrumentEntity;
  const hr = { userId: 'u1', login: 'hr', role: Role.Hr };

  function service(version?: Partial<InstrumentVersionEntity>) {
    const instruments = { findById: jest.fn().mockResolvedValue(staff) } as unknown as InstrumentRepository;
    const versions = {
      append: jest.fn().mockImplementation((instrumentId, definition, createdBy) => ({ id: 'v2', instrumentId, version: 2, definition, createdBy, locked: false })),
      find: jest.fn().mockResolvedValue(version ? { id: 'v', instrumentId: 'i1', version: 1, definition: small, locked: false, ...version } : null),
      replaceDefinition: jest.fn().mockResolvedValue(true),
    } as unknown as InstrumentVersionRepository;
    const audit = { record: jest.fn() } as unknown as AuditLogService;
    return { instruments: new InstrumentService(instruments, versions, audit), versions, audit };
  }

  it('saves a valid definition as the next version and audits it', async () => {
    const { instruments, versions, audit } = service();
    await expect(instruments.createVersion(hr, 'i1', small)).resolves.toMatchObject({ version: 2, createdBy: 'u1' });
    expect(versions.append).toHaveBeenCalledWith('i1', small, 'u1');
    expect(audit.record).toHaveBeenCalledWith(hr, expect.objectContaining({ action: 'instruments.version-created', targetId: 'v2' }));
  });

  it('saves and audits nothing when the definition is invalid', async () => {
    const { instruments, versions, audit } = service();
    await expect(instruments.createVersion(hr, 'i1', { pages: [] })).rejects.toMatchObject({ code: InstrumentsErrorCode.InvalidDefinition, kind: 'invalid', params: { count: 2 } });
    expect(versions.append).not.toHaveBeenCalled();
    expect(audit.record).not.toHaveBeenCalled();
  });

  it('refuses a role that does not edit this kind before looking at the definition', async () => {
    const { instruments, versions } = service();
    await expect(instruments.createVersion({ ...hr, role: Role.Commission }, 'i1', { pages: [] })).rejects.toMatchObject({
      code: InstrumentsErrorCode.KindNotEditableByRole,
      kind: 'forbidden',
    });
    expect(versions.append).not.toHaveBeenCalled();
  });

  it('never replaces a locked version', async () => {
    const { instruments, versions } = service({ locked: true });
    await expect(instruments.replaceDefinition(hr, 'i1', 1, small)).rejects.toMatchObject({ code: InstrumentsErrorCode.VersionLocked, kind: 'conflict' });
    expect(versions.replaceDefinition).not.toHaveBeenCalled();
  });

  it('reports a version locked in the meantime as locked', async () => {
    const { instruments, versions } = service({ locked: false });
    (versions.replaceDefinition as jest.Mock).mockResolvedValue(false);
    await expect(instruments.replaceDefinition(hr, 'i1', 1, small)).rejects.toMatchObject({ code: InstrumentsErrorCode.VersionLocked });
  });
});
