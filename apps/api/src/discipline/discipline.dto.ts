import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsArray, IsDateString, IsIn, IsInt, IsOptional, IsString, IsUUID, Max, MaxLength, Min, MinLength } from 'class-validator';
import {
  APPEAL_OUTCOMES,
  CLOSURE_GROUNDS,
  COURT_LEVELS,
  LIABILITY_GROUNDS,
  PROCEEDING_DECISIONS,
  PROCEEDING_SOURCES,
  PROCEEDING_STAGES,
  REGION_CODES,
  SANCTIONS,
} from '@app/discipline';

/*
 * Shapes and code lists only; the discipline library's state machine decides what a stage
 * change needs and refuses anything else with the field and the reason.
 */

const DATE = { type: String, format: 'date', example: '2025-03-14' };

export class CreateProceedingDto {
  @ApiProperty({ format: 'uuid', description: "The judge's id in the register (no link is checked: discipline cannot read the register)" })
  @IsUUID('all')
  judgeId: string;

  @ApiPropertyOptional({ description: "The Jury's registration number", example: 'SJ-2025-014' })
  @IsOptional()
  @IsString()
  @MinLength(1)
  @MaxLength(100)
  reference?: string;

  @ApiProperty({ enum: PROCEEDING_SOURCES })
  @IsIn(PROCEEDING_SOURCES)
  source: string;

  @ApiProperty({ enum: LIABILITY_GROUNDS, isArray: true, description: 'One or more grounds of liability' })
  @IsArray()
  @IsIn(LIABILITY_GROUNDS, { each: true })
  grounds: string[];

  @ApiPropertyOptional({ maxLength: 4000 })
  @IsOptional()
  @IsString()
  @MaxLength(4000)
  summary?: string;

  @ApiProperty({ enum: REGION_CODES, description: 'Region of the judge’s court, as the Jury records it' })
  @IsIn(REGION_CODES)
  regionCode: string;

  @ApiProperty({ enum: COURT_LEVELS })
  @IsIn(COURT_LEVELS)
  courtLevel: string;

  @ApiProperty({ ...DATE, description: 'The day the proceeding was initiated; not in the future' })
  @IsDateString({ strict: true })
  initiatedOn: string;

  @ApiPropertyOptional({ maxLength: 2000, description: 'Note on the first history entry' })
  @IsOptional()
  @IsString()
  @MaxLength(2000)
  note?: string;
}

export class ChangeStageDto {
  @ApiProperty({ enum: PROCEEDING_STAGES, description: 'The next stage' })
  @IsIn(PROCEEDING_STAGES)
  to: string;

  @ApiPropertyOptional({ enum: PROCEEDING_DECISIONS, description: 'Required when moving to decided' })
  @IsOptional()
  @IsIn(PROCEEDING_DECISIONS)
  decision?: string;

  @ApiPropertyOptional({ enum: SANCTIONS, description: 'Required with the decision sanction-imposed, refused otherwise' })
  @IsOptional()
  @IsIn(SANCTIONS)
  sanction?: string;

  @ApiPropertyOptional({ enum: CLOSURE_GROUNDS, description: 'Required with the decision proceedings-closed, refused otherwise' })
  @IsOptional()
  @IsIn(CLOSURE_GROUNDS)
  closureGround?: string;

  @ApiPropertyOptional({ ...DATE, description: 'When the change took effect; defaults to today' })
  @IsOptional()
  @IsDateString({ strict: true })
  effectiveOn?: string;

  @ApiPropertyOptional({ maxLength: 2000 })
  @IsOptional()
  @IsString()
  @MaxLength(2000)
  note?: string;
}

export class FileAppealDto {
  @ApiProperty({ ...DATE, description: 'The day the appeal to the Supreme Judicial Council was filed' })
  @IsDateString({ strict: true })
  filedOn: string;

  @ApiPropertyOptional({ maxLength: 2000 })
  @IsOptional()
  @IsString()
  @MaxLength(2000)
  note?: string;
}

export class AppealOutcomeDto {
  @ApiProperty({ enum: APPEAL_OUTCOMES })
  @IsIn(APPEAL_OUTCOMES)
  outcome: string;

  @ApiProperty({ ...DATE, description: 'The day the Council decided' })
  @IsDateString({ strict: true })
  decidedOn: string;

  @ApiPropertyOptional({ maxLength: 2000 })
  @IsOptional()
  @IsString()
  @MaxLength(2000)
  note?: string;
}

export class ListProceedingsQuery {
  @ApiPropertyOptional({ enum: PROCEEDING_STAGES })
  @IsOptional()
  @IsIn(PROCEEDING_STAGES)
  stage?: (typeof PROCEEDING_STAGES)[number];

  @ApiPropertyOptional({ enum: SANCTIONS })
  @IsOptional()
  @IsIn(SANCTIONS)
  sanction?: (typeof SANCTIONS)[number];

  @ApiPropertyOptional({ description: 'Year in which the proceeding was initiated', example: 2025 })
  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(1991)
  @Max(2100)
  year?: number;

  @ApiPropertyOptional({ format: 'uuid' })
  @IsOptional()
  @IsUUID('all')
  judgeId?: string;

  @ApiPropertyOptional({ default: 50, minimum: 1, maximum: 200 })
  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(1)
  @Max(200)
  limit = 50;

  @ApiPropertyOptional({ default: 0, minimum: 0 })
  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(0)
  offset = 0;
}
