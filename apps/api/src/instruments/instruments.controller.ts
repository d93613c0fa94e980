import { Body, Controller, Get, Param, Post, Put, UploadedFile, UseInterceptors } from '@nestjs/common';
import { FileInterceptor } from '@nestjs/platform-express';
import { ApiBody, ApiConsumes, ApiCreatedResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { CoreError, CoreErrorCode, ErrorKind } from '@app/core';
import { CurrentPrincipal, Principal, Role, Roles } from '@app/auth';
import { InstrumentService, XLSFORM_MAX_BYTES } from '@app/instruments';
import { positiveIntParam, uuidParam } from '../pipes';
import { DefinitionDto, InstrumentDto, VersionDto, VersionSummaryDto } from './instruments.dto';

const READERS = [Role.Commission, Role.Hr, Role.Admin] as const;

/**
 * Questionnaires and their versions. Everyone who designs or runs surveys reads them; the
 * Commission edits the judges' survey and the peer-review form, HR the staff survey (the
 * service decides by the instrument's kind).
 */
@ApiTags('instruments')
@Controller('api/instruments')
export class InstrumentsController {
  constructor(private readonly instruments: InstrumentService) {}

  @Get()
  @Roles(...READERS)
  @ApiOkResponse({ type: [InstrumentDto] })
  list() {
    return this.instruments.list();
  }

  @Get(':id/versions')
  @Roles(...READERS)
  @ApiOkResponse({ type: [VersionSummaryDto], description: 'Newest first, without definitions' })
  versions(@Param('id', uuidParam()) id: string) {
    return this.instruments.versionsOf(id);
  }

  @Get(':id/versions/:version')
  @Roles(...READERS)
  @ApiOkResponse({ type: VersionDto })
  version(@Param('id', uuidParam()) id: string, @Param('version', positiveIntParam('version')) version: number) {
    return this.instruments.version(id, version);
  }

  @Post(':id/versions')
  @Roles(Role.Commission, Role.Hr)
  @ApiOperation({ summary: 'Save an edited definition as the next version (400 naming each problem; nothing is saved then)' })
  @ApiCreatedResponse({ type: VersionDto })
  createVersion(@CurrentPrincipal() actor: Principal, @Param('id', uuidParam()) id: string, @Body() body: DefinitionDto) {
    return this.instruments.createVersion(actor, id, body.definition);
  }

  @Post(':id/versions/import')
  @Roles(Role.Commission, Role.Hr)
  @UseInterceptors(FileInterceptor('file', { limits: { fileSize: XLSFORM_MAX_BYTES, files: 1, fields: 0 } }))
  @ApiOperation({
    summary: 'Save an XLSForm-style workbook (.xlsx: survey, choices and settings sheets) as the next version; problems name sheet, row and column',
  })
  @ApiConsumes('multipart/form-data')
  @ApiBody({ schema: { type: 'object', required: ['file'], properties: { file: { type: 'string', format: 'binary' } } } })
  @ApiCreatedResponse({ type: VersionDto })
  importVersion(@CurrentPrincipal() actor: Principal, @Param('id', uuidParam()) id: string, @UploadedFile() file: { buffer: Buffer } | undefined) {
    if (!file?.buffer) {
      throw new CoreError(CoreErrorCode.ValidationFailed, ErrorKind.Invalid, 'file is required', [{ field: 'file', reason: 'is required', constraint: 'isDefined' }]);
    }
    return this.instruments.createVersionFromSpreadsheet(actor, id, file.buffer);
  }

  @Put(':id/versions/:version')
  @Roles(Role.Commission, Role.Hr)
  @ApiOperation({ summary: 'Replace the definition of a version no launched campaign uses (409 once locked)' })
  @ApiOkResponse({ type: VersionDto })
  replaceDefinition(
    @CurrentPrincipal() actor: Principal,
    @Param('id', uuidParam()) id: string,
    @Param('version', positiveIntParam('version')) version: number,
    @Body() body: DefinitionDto,
  ) {
    return this.instruments.replaceDefinition(actor, id, version, body.definition);
  }
}
