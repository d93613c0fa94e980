import { Body, Controller, Get, HttpCode, Param, Post, Res } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import { IsIn, IsOptional } from 'class-validator';
import type { Response } from 'express';
import { CurrentPrincipal, Principal, Role, Roles } from '@app/auth';
import { Locale, LOCALES } from '@app/core';
import { ReportsService } from '@app/reports';
import { uuidParam } from '../pipes';

export class ExportRequestDto {
  /** The workbook's language; default: the account's. */
  @IsOptional()
  @IsIn(LOCALES)
  locale?: Locale;
}

function localeOf(actor: Principal, body: ExportRequestDto): Locale {
  return body.locale ?? (actor.locale as Locale);
}

/** Workbook exports: built by the worker, downloaded here; every request and every download is audited. */
@ApiTags('reports')
@Controller('api')
export class ReportsController {
  constructor(private readonly reports: ReportsService) {}

  /** The survey workbook of a campaign's latest release. */
  @Post('campaigns/:id/exports')
  @Roles(Role.Commission, Role.Hr)
  @HttpCode(202)
  exportSurvey(@CurrentPrincipal() actor: Principal, @Param('id', uuidParam()) id: string, @Body() body: ExportRequestDto) {
    return this.reports.requestSurveyExport(actor, id, localeOf(actor, body));
  }

  /** The signed-in judge's own feedback report of a published peer-review round. */
  @Post('peer-feedback/:id/exports')
  @Roles(Role.Judge)
  @HttpCode(202)
  exportFeedback(@CurrentPrincipal() actor: Principal, @Param('id', uuidParam()) id: string, @Body() body: ExportRequestDto) {
    return this.reports.requestFeedbackExport(actor, id, localeOf(actor, body));
  }

  @Get('exports/:id')
  @Roles(Role.Commission, Role.Hr, Role.Judge)
  status(@CurrentPrincipal() actor: Principal, @Param('id', uuidParam()) id: string) {
    return this.reports.status(actor, id);
  }

  @Get('exports/:id/download')
  @Roles(Role.Commission, Role.Hr, Role.Judge)
  async download(@CurrentPrincipal() actor: Principal, @Param('id', uuidParam()) id: string, @Res() res: Response) {
    const file = await this.reports.download(actor, id);
    res.setHeader('Content-Disposition', `attachment; filename="${file.fileName}"`);
    res.setHeader('X-Content-Sha256', file.sha256);
    res.type('application/vnd.openxmlformats-officedocument.spreadsheetml.sheet').send(file.bytes);
  }
}
