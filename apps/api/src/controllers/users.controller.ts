import { Body, Controller, Delete, Get, Param, Patch, Post, Put, Query } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsInt, IsOptional, Max, Min } from 'class-validator';
import { AuditLogService, CurrentPrincipal, Principal, Role, Roles, UserService } from '@app/auth';
import { JudgeAccountsService } from '@app/registry';
import { ChangeRoleDto, CreateUserDto, LinkJudgeDto } from '../dto/auth.dto';
import { uuidParam } from '../pipes';

class PageQuery {
  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(1)
  @Max(500)
  limit = 100;

  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(0)
  offset = 0;
}

@ApiTags('administration')
@Controller('api/admin')
@Roles(Role.Admin)
export class UsersController {
  constructor(
    private readonly users: UserService,
    private readonly audit: AuditLogService,
    private readonly judgeAccounts: JudgeAccountsService,
  ) {}

  @Get('users')
  list() {
    return this.users.list();
  }

  @Post('users')
  create(@CurrentPrincipal() actor: Principal, @Body() body: CreateUserDto) {
    return this.users.create(actor, body);
  }

  @Patch('users/:id/role')
  changeRole(@CurrentPrincipal() actor: Principal, @Param('id', uuidParam()) id: string, @Body() body: ChangeRoleDto) {
    return this.users.changeRole(actor, id, body.role);
  }

  /** Links a judge account to its judge in the register, by personnel number: then the judge can read their own peer feedback. */
  @Put('users/:id/judge')
  linkJudge(@CurrentPrincipal() actor: Principal, @Param('id', uuidParam()) id: string, @Body() body: LinkJudgeDto) {
    return this.judgeAccounts.link(actor, id, body.personnelNumber);
  }

  @Delete('users/:id/judge')
  unlinkJudge(@CurrentPrincipal() actor: Principal, @Param('id', uuidParam()) id: string) {
    return this.judgeAccounts.unlink(actor, id);
  }

  @Post('users/:id/deactivate')
  deactivate(@CurrentPrincipal() actor: Principal, @Param('id', uuidParam()) id: string) {
    return this.users.deactivate(actor, id);
  }

  @Get('audit-log')
  async auditLog(@Query() query: PageQuery) {
    const [entries, total] = await this.audit.page(query.limit, query.offset);
    return { total, entries };
  }
}
