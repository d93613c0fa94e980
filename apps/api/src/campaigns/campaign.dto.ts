import { ApiProperty, OmitType, PartialType } from '@nestjs/swagger';
import { Transform, Type } from 'class-transformer';
import {
  ArrayMaxSize,
  ArrayMinSize,
  ArrayUnique,
  IsArray,
  IsDate,
  IsDefined,
  IsIn,
  IsInt,
  IsOptional,
  IsString,
  IsUUID,
  Max,
  MaxLength,
  Min,
  MinLength,
  ValidateBy,
  ValidateNested,
} from 'class-validator';
import { BREAKDOWNS, CAMPAIGN_KINDS, ELIGIBILITY_RULES, type Breakdown, type CampaignKind, type EligibilitySetting } from '@app/campaigns';
import { COURT_LEVELS, REGION_CODES } from '@app/registry';

export class TitleDto {
  @IsString()
  @MinLength(1)
  @MaxLength(300)
  kk: string;

  @IsString()
  @MinLength(1)
  @MaxLength(300)
  ru: string;

  @IsString()
  @MinLength(1)
  @MaxLength(300)
  en: string;
}

export class PopulationDto {
  @IsOptional()
  @IsArray()
  @IsIn(REGION_CODES, { each: true })
  regions?: string[];

  @IsOptional()
  @IsArray()
  @IsIn(COURT_LEVELS.codes, { each: true })
  courtLevels?: string[];

  @IsOptional()
  @IsArray()
  @IsString({ each: true })
  @ArrayMaxSize(10)
  roles?: string[];
}

export class ThresholdsDto {
  @IsInt()
  @Min(1)
  @Max(1000)
  count: number;

  @IsInt()
  @Min(1)
  @Max(1000)
  mean: number;

  @IsInt()
  @Min(1)
  @Max(1000)
  freeText: number;

  @IsInt()
  @Min(1)
  @Max(1000)
  peer: number;
}

export class PeerSettingsDto {
  /** One rule for everyone, or per court level: `{ district, regional, supreme }`, each same-level-and-region or same-level. */
  @IsEligibilitySetting()
  rule: EligibilitySetting;

  @IsInt()
  @Min(1)
  @Max(30)
  minReviewers: number;

  @IsInt()
  @Min(1)
  @Max(30)
  maxReviewers: number;

}

/** A single eligibility rule, or one level-based rule for each court level. */
function IsEligibilitySetting() {
  return ValidateBy({
    name: 'isEligibilitySetting',
    validator: {
      validate: (value: unknown) =>
        (typeof value === 'string' && (ELIGIBILITY_RULES as readonly string[]).includes(value)) ||
        (typeof value === 'object' &&
          value !== null &&
          Object.keys(value).sort().join() === 'district,regional,supreme' &&
          Object.values(value).every((rule) => rule === 'same-level-and-region' || rule === 'same-level')),
      defaultMessage: () => `must be one of ${ELIGIBILITY_RULES.join(', ')}, or { district, regional, supreme } each same-level-and-region or same-level`,
    },
  });
}

/** The settings every campaign may leave at their defaults. */
class DefaultableSettingsDto {
  @IsOptional()
  @ValidateNested()
  @Type(() => PopulationDto)
  population?: PopulationDto;

  @IsOptional()
  @ValidateNested()
  @Type(() => ThresholdsDto)
  thresholds?: ThresholdsDto;

  @IsOptional()
  @IsArray()
  @ArrayUnique()
  @IsIn(BREAKDOWNS, { each: true })
  breakdowns?: Breakdown[];

  @IsOptional()
  @IsArray()
  @ArrayMinSize(1)
  @ArrayUnique()
  @IsIn(['kk', 'ru', 'en'], { each: true })
  languages?: ('kk' | 'ru' | 'en')[];

  @IsOptional()
  @IsArray()
  @ArrayMaxSize(10)
  @IsInt({ each: true })
  @Min(0, { each: true })
  @Max(365, { each: true })
  reminderDays?: number[];

  @IsOptional()
  @IsInt()
  @Min(1)
  ageBandVersion?: number;

  @IsOptional()
  @IsInt()
  @Min(1)
  experienceBandVersion?: number;

  @IsOptional()
  @ValidateNested()
  @Type(() => PeerSettingsDto)
  peer?: PeerSettingsDto;
}

export class CreateCampaignDto extends DefaultableSettingsDto {
  @ApiProperty({ enum: CAMPAIGN_KINDS })
  @IsIn(CAMPAIGN_KINDS)
  kind: CampaignKind;

  @ApiProperty({ type: TitleDto })
  @IsDefined()
  @ValidateNested()
  @Type(() => TitleDto)
  title: TitleDto;

  @IsUUID()
  instrumentVersionId: string;

  @ApiProperty({ format: 'date-time' })
  // Only a string becomes a Date: `new Date` of an object whose toString is not callable throws (a 500), so anything else stays for @IsDate to refuse.
  @Transform(({ value }) => (typeof value === 'string' ? new Date(value) : value))
  @IsDate()
  deadline: Date;
}

/**
 * Settings a draft may change; each one is fixed at launch. A mapped type: a subclass cannot
 * make a parent's optional field required (class-validator skips a missing value if any
 * decorator on the chain says optional), so the optional form derives from the required one.
 */
export class CampaignSettingsDto extends PartialType(OmitType(CreateCampaignDto, ['kind'] as const)) {}
