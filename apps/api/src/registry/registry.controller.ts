import { Body, Controller, Get, HttpCode, Param, ParseEnumPipe, Post, Query, Res, StreamableFile, UploadedFile, UseInterceptors } from '@nestjs/common';
import { FileInterceptor } from '@nestjs/platform-express';
import { ApiBody, ApiConsumes, ApiTags } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { ArrayMaxSize, ArrayMinSize, IsArray, IsBoolean, IsIn, IsInt, IsOptional, IsString, Matches, Max, MaxLength, Min, MinLength, ValidateNested } from 'class-validator';
import type { Response } from 'express';
import { CoreError, CoreErrorCode, ErrorKind, Locale } from '@app/core';
import { CurrentPrincipal, Principal, Role, Roles } from '@app/auth';
import { BandKind, COURT_LEVELS, REGION_CODES, REGISTER_KINDS, RegisterFormat, RegisterImportService, RegisterKind, RegistryRepository } from '@app/registry';
import { RequestLocale } from '../request-locale.decorator';

class PeopleQuery {
  @IsOptional()
  @IsIn(REGION_CODES)
  region?: string;

  @IsOptional()
  @IsIn(COURT_LEVELS.codes)
  courtLevel?: string;

  @IsOptional()
  @IsString()
  court?: string;

  @IsOptional()
  @Type(() => Boolean)
  @IsBoolean()
  active?: boolean;

  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(1)
  @Max(1000)
  limit = 100;

  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(0)
  offset = 0;
}

class LabelsDto {
  @IsString()
  @MinLength(1)
  @MaxLength(100)
  kk: string;

  @IsString()
  @MinLength(1)
  @MaxLength(100)
  ru: string;

  @IsString()
  @MinLength(1)
  @MaxLength(100)
  en: string;
}

class BandDto {
  @IsString()
  @Matches(/^[a-z0-9-]{1,30}$/)
  code: string;

  @IsInt()
  @Min(0)
  @Max(150)
  min: number;

  @IsOptional()
  @IsInt()
  @Min(0)
  @Max(150)
  max: number | null = null;

  @ValidateNested()
  @Type(() => LabelsDto)
  labels: LabelsDto;
}

class NewBandsDto {
  @IsIn(['age', 'experience'])
  kind: BandKind;

  @IsArray()
  @ArrayMinSize(2)
  @ArrayMaxSize(12)
  @ValidateNested({ each: true })
  @Type(() => BandDto)
  bands: BandDto[];
}

class FileQuery {
  @IsOptional()
  @IsIn(['xlsx', 'csv'])
  format: RegisterFormat = 'xlsx';

  @IsOptional()
  @IsIn(['kk', 'ru', 'en'])
  lang?: Locale;
}

interface UploadedRegister {
  buffer: Buffer;
}

const MIME: Record<RegisterFormat, string> = {
  xlsx: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
  csv: 'text/csv; charset=utf-8',
};

const kindPipe = new ParseEnumPipe(Object.fromEntries(REGISTER_KINDS.map((k) => [k, k])), {
  exceptionFactory: () =>
    new CoreError(CoreErrorCode.ValidationFailed, ErrorKind.Invalid, 'unknown register', [
      { field: 'kind', reason: 'must be one of: courts, judges, staff', constraint: 'isIn', params: { values: REGISTER_KINDS.join(', ') } },
    ]),
});

function requireFile(file: UploadedRegister | undefined): Buffer {
  if (!file) {
    throw new CoreError(CoreErrorCode.ValidationFailed, ErrorKind.Invalid, 'no file', [{ field: 'file', reason: 'attach the register as multipart field "file"', constraint: 'isDefined' }]);
  }
  return file.buffer;
}

function download(response: Response, name: string, format: RegisterFormat, body: Buffer): StreamableFile {
  response.setHeader('Content-Type', MIME[format]);
  response.setHeader('Content-Disposition', `attachment; filename="${name}.${format}"`);
  return new StreamableFile(body);
}

const uploadBody = { schema: { type: 'object', properties: { file: { type: 'string', format: 'binary' } } } };

@ApiTags('registry')
@Controller('api/registry')
export class RegistryController {
  constructor(
    private readonly imports: RegisterImportService,
    private readonly registry: RegistryRepository,
  ) {}

  @Get('regions')
  @Roles(Role.Admin, Role.Hr, Role.Commission)
  regions() {
    return this.registry.regions();
  }

  @Get('courts')
  @Roles(Role.Admin, Role.Hr, Role.Commission)
  courts() {
    return this.registry.courts();
  }

  @Get('judges')
  @Roles(Role.Admin, Role.Hr, Role.Commission)
  judges(@Query() query: PeopleQuery) {
    return this.registry.page('judges', { regionCode: query.region, courtLevel: query.courtLevel, courtCode: query.court, active: query.active, limit: query.limit, offset: query.offset });
  }

  @Get('staff')
  @Roles(Role.Admin, Role.Hr)
  staff(@Query() query: PeopleQuery) {
    return this.registry.page('staff', { regionCode: query.region, courtLevel: query.courtLevel, courtCode: query.court, active: query.active, limit: query.limit, offset: query.offset });
  }

  @Get('bands')
  @Roles(Role.Admin, Role.Hr, Role.Commission)
  bands() {
    return this.registry.bandDefinitions();
  }

  /** A new version of the age or experience bands; campaigns keep the version they launched with. */
  @Post('bands')
  @Roles(Role.Admin)
  addBands(@CurrentPrincipal() actor: Principal, @Body() body: NewBandsDto) {
    return this.imports.addBandVersion(actor, body.kind, body.bands);
  }

  @Get(':kind/template')
  @Roles(Role.Admin, Role.Hr)
  async template(@Param('kind', kindPipe) kind: RegisterKind, @Query() query: FileQuery, @RequestLocale() locale: Locale, @Res({ passthrough: true }) response: Response) {
    return download(response, `${kind}-template-${query.lang ?? locale}`, query.format, await this.imports.template(kind, query.format, query.lang ?? locale));
  }

  @Get(':kind/export')
  @Roles(Role.Admin, Role.Hr)
  async export(
    @CurrentPrincipal() actor: Principal,
    @Param('kind', kindPipe) kind: RegisterKind,
    @Query() query: FileQuery,
    @RequestLocale() locale: Locale,
    @Res({ passthrough: true }) response: Response,
  ) {
    return download(response, `${kind}-register`, query.format, await this.imports.export(actor, kind, query.format, query.lang ?? locale));
  }

  /** Validates the whole file, then applies it in one transaction; any problem → 400 with every bad cell, nothing written. */
  @Post(':kind/import')
  @Roles(Role.Admin, Role.Hr)
  @UseInterceptors(FileInterceptor('file'))
  @ApiConsumes('multipart/form-data')
  @ApiBody(uploadBody)
  import(@CurrentPrincipal() actor: Principal, @Param('kind', kindPipe) kind: RegisterKind, @UploadedFile() file: UploadedRegister | undefined, @RequestLocale() locale: Locale) {
    return this.imports.import(actor, kind, requireFile(file), locale);
  }

  /** The uploaded file with every bad cell marked, as .xlsx; 204 when the file has no problem. Writes nothing. */
  @Post(':kind/import/report')
  @HttpCode(200)
  @Roles(Role.Admin, Role.Hr)
  @UseInterceptors(FileInterceptor('file'))
  @ApiConsumes('multipart/form-data')
  @ApiBody(uploadBody)
  async report(
    @Param('kind', kindPipe) kind: RegisterKind,
    @UploadedFile() file: UploadedRegister | undefined,
    @RequestLocale() locale: Locale,
    @Res({ passthrough: true }) response: Response,
  ) {
    const report = await this.imports.problemReport(kind, requireFile(file), locale);
    if (!report) {
      response.status(204);
      return undefined;
    }
    return download(response, `${kind}-problems`, 'xlsx', report);
  }
}
