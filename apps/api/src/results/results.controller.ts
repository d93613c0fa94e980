import { Controller, Get, HttpCode, Param, Post, Query, Res } from '@nestjs/common';
import { ApiQuery, ApiTags } from '@nestjs/swagger';
import type { Response } from 'express';
import { ResultsDocument, ResultsService } from '@app/aggregation';
import { CurrentPrincipal, Principal, Role, Roles } from '@app/auth';
import { positiveIntParam, uuidParam } from '../pipes';

function sendDocument(res: Response, document: ResultsDocument): void {
  // The stored canonical bytes as they are: the same request gives the same bytes.
  res.setHeader('X-Results-Release', String(document.release));
  res.setHeader('X-Results-Sha256', document.sha256);
  res.type('application/json').send(document.content);
}

/**
 * Protected results (ANONYMITY.md B–D): refused while a campaign is open; afterwards only
 * audited catalogue cells from an immutable snapshot.
 */
@ApiTags('results')
@Controller('api/campaigns/:id/results')
@Roles(Role.Commission, Role.Hr)
export class ResultsController {
  constructor(private readonly results: ResultsService) {}

  /** The latest release. */
  @Get()
  async latest(@CurrentPrincipal() actor: Principal, @Param('id', uuidParam()) id: string, @Res() res: Response) {
    sendDocument(res, await this.results.results(actor, id));
  }

  /** Releases, and the progress of the job computing the next one. */
  @Get('status')
  status(@CurrentPrincipal() actor: Principal, @Param('id', uuidParam()) id: string) {
    return this.results.status(actor, id);
  }

  /**
   * One catalogue table (`table=gender.region`), optionally one of its cells
   * (`cell=gender=f|region=abai`). Any other parameter, table or cell is refused.
   */
  @Get('table')
  @ApiQuery({ name: 'table', required: true, example: 'gender.region' })
  @ApiQuery({ name: 'cell', required: false, example: 'gender=f|region=abai' })
  table(@CurrentPrincipal() actor: Principal, @Param('id', uuidParam()) id: string, @Query() query: Record<string, unknown>) {
    return this.results.table(actor, id, query);
  }

  @Get('releases/:release')
  async release(@CurrentPrincipal() actor: Principal, @Param('id', uuidParam()) id: string, @Param('release', positiveIntParam('release')) release: number, @Res() res: Response) {
    sendDocument(res, await this.results.results(actor, id, release));
  }

  /** Queues the next release; earlier suppressions are kept in it. */
  @Post('releases')
  @HttpCode(202)
  request(@CurrentPrincipal() actor: Principal, @Param('id', uuidParam()) id: string) {
    return this.results.requestRelease(actor, id);
  }

  @Post('publish')
  @HttpCode(200)
  publish(@CurrentPrincipal() actor: Principal, @Param('id', uuidParam()) id: string) {
    return this.results.publish(actor, id);
  }
}
