import { Body, Controller, Get, HttpCode, Param, Post, Query } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import { CurrentPrincipal, Principal, Role, Roles } from '@app/auth';
import { disciplineReference, ProceedingService } from '@app/discipline';
import { uuidParam } from '../pipes';
import { AppealOutcomeDto, ChangeStageDto, CreateProceedingDto, FileAppealDto, ListProceedingsQuery } from './discipline.dto';

/** The Judicial Jury's disciplinary records. Only the jury role reaches them; the jury reaches nothing else. */
@ApiTags('discipline')
@Controller('api/discipline')
@Roles(Role.Jury)
export class DisciplineController {
  constructor(private readonly proceedings: ProceedingService) {}

  /** The code lists with their kk/ru/en labels, for forms and tables. */
  @Get('reference')
  reference() {
    return disciplineReference();
  }

  @Post('proceedings')
  open(@CurrentPrincipal() actor: Principal, @Body() body: CreateProceedingDto) {
    return this.proceedings.open(actor, body);
  }

  @Get('proceedings')
  list(@Query() query: ListProceedingsQuery) {
    return this.proceedings.list(query);
  }

  @Get('proceedings/:id')
  get(@Param('id', uuidParam()) id: string) {
    return this.proceedings.get(id);
  }

  @Post('proceedings/:id/transitions')
  @HttpCode(200)
  changeStage(@CurrentPrincipal() actor: Principal, @Param('id', uuidParam()) id: string, @Body() body: ChangeStageDto) {
    return this.proceedings.changeStage(actor, id, body);
  }

  @Post('proceedings/:id/appeal')
  fileAppeal(@CurrentPrincipal() actor: Principal, @Param('id', uuidParam()) id: string, @Body() body: FileAppealDto) {
    return this.proceedings.fileAppeal(actor, id, body);
  }

  @Post('proceedings/:id/appeal/outcome')
  @HttpCode(200)
  decideAppeal(@CurrentPrincipal() actor: Principal, @Param('id', uuidParam()) id: string, @Body() body: AppealOutcomeDto) {
    return this.proceedings.decideAppeal(actor, id, body);
  }

  @Get('statistics')
  statistics() {
    return this.proceedings.statistics();
  }
}
