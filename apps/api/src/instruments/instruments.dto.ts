import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsObject } from 'class-validator';
import { INSTRUMENT_KINDS, InstrumentKind } from '@app/instruments';

export class DefinitionDto {
  @ApiProperty({
    type: 'object',
    additionalProperties: true,
    description:
      'SurveyJS form JSON. Every text in kk, ru and en; every question with a `dimension`; only rating, radiogroup, checkbox, dropdown, boolean, comment and text questions. See docs/instruments.md.',
    example: {
      locale: 'kk',
      title: { kk: 'Сауалнама', ru: 'Анкета', en: 'Questionnaire' },
      pages: [
        {
          name: 'main',
          title: { kk: 'Негізгі', ru: 'Основное', en: 'Main' },
          elements: [
            {
              type: 'rating',
              name: 'criteria_clear',
              title: { kk: 'Өлшемшарттар түсінікті', ru: 'Критерии понятны', en: 'The criteria are clear' },
              dimension: 'evaluation-system',
              rateMin: 1,
              rateMax: 5,
              minRateDescription: { kk: 'Мүлдем келіспеймін', ru: 'Совершенно не согласен', en: 'Strongly disagree' },
              maxRateDescription: { kk: 'Толық келісемін', ru: 'Полностью согласен', en: 'Strongly agree' },
            },
          ],
        },
      ],
    },
  })
  @IsObject()
  definition: Record<string, unknown>;
}

export class LocalizedTextDto {
  @ApiProperty() kk: string;
  @ApiProperty() ru: string;
  @ApiProperty() en: string;
}

export class VersionSummaryDto {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty({ format: 'uuid' }) instrumentId: string;
  @ApiProperty({ minimum: 1 }) version: number;
  @ApiProperty({ format: 'uuid', nullable: true, description: 'The account that saved it; null for the built-in seed' }) createdBy: string | null;
  @ApiProperty() createdAt: Date;
  @ApiProperty({ description: 'A launched campaign uses this version: it can no longer change' }) locked: boolean;
}

export class VersionDto extends VersionSummaryDto {
  @ApiProperty({ type: 'object', additionalProperties: true, description: 'SurveyJS form JSON' }) definition: Record<string, unknown>;
}

export class InstrumentDto {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty({ example: 'judges-evaluation-survey' }) code: string;
  @ApiProperty({ enum: INSTRUMENT_KINDS }) kind: InstrumentKind;
  @ApiProperty({ type: LocalizedTextDto }) title: LocalizedTextDto;
  @ApiProperty() createdAt: Date;
  @ApiPropertyOptional({ type: VersionSummaryDto, nullable: true }) latestVersion: VersionSummaryDto | null;
}
