import { Body, Controller, Get, Param, Post } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import { IsIn, IsOptional, IsString, MaxLength } from 'class-validator';
import { CurrentPrincipal, Principal, Role, Roles } from '@app/auth';
import { CommentsService } from '@app/reports';
import { uuidParam } from '../pipes';

export class CommentDecisionDto {
  @IsIn(['approve', 'redact'])
  action: 'approve' | 'redact';

  /** The text to show instead (redact only). */
  @IsOptional()
  @IsString()
  @MaxLength(5000)
  text?: string;
}

/** Free-text moderation (ANONYMITY.md G): flagged comments wait for an approval or a redaction. */
@ApiTags('comments')
@Controller('api/campaigns/:id/comments')
@Roles(Role.Commission, Role.Hr)
export class CommentsController {
  constructor(private readonly comments: CommentsService) {}

  @Get()
  list(@CurrentPrincipal() actor: Principal, @Param('id', uuidParam()) id: string) {
    return this.comments.forModeration(actor, id);
  }

  @Post(':ref')
  decide(@CurrentPrincipal() actor: Principal, @Param('id', uuidParam()) id: string, @Param('ref') ref: string, @Body() body: CommentDecisionDto) {
    return this.comments.decide(actor, id, ref, body);
  }
}
