import { ApiProperty } from '@nestjs/swagger';
import { IsIn, IsString, Matches, MaxLength, MinLength } from 'class-validator';
import { LOCALES, type Locale } from '@app/core';
import { Role, ROLES } from '@app/auth';

export class LoginDto {
  @ApiProperty({ example: 'commission' })
  @IsString()
  @MinLength(1)
  @MaxLength(200)
  login: string;

  @ApiProperty({ format: 'password' })
  @IsString()
  @MinLength(1)
  @MaxLength(500)
  password: string;
}

export class CreateUserDto {
  @ApiProperty({ example: 'a.serikova' })
  @IsString()
  @Matches(/^[a-z0-9._@-]{3,100}$/i, { message: 'must be 3-100 letters, digits, dots, dashes, underscores or @' })
  login: string;

  @ApiProperty({ example: 'Айгүл Серікова' })
  @IsString()
  @MinLength(1)
  @MaxLength(200)
  displayName: string;

  @ApiProperty({ enum: ROLES })
  @IsIn(ROLES)
  role: Role;

  @ApiProperty({ minLength: 12, format: 'password' })
  @IsString()
  @MinLength(12)
  @MaxLength(500)
  password: string;

  @ApiProperty({ enum: LOCALES, default: 'kk' })
  @IsIn(LOCALES)
  locale: Locale = 'kk';
}

export class ChangeRoleDto {
  @ApiProperty({ enum: ROLES })
  @IsIn(ROLES)
  role: Role;
}

export class LinkJudgeDto {
  @ApiProperty({ description: "The judge's personnel number in the register", example: 'J-000123' })
  @IsString()
  @MinLength(1)
  @MaxLength(50)
  personnelNumber: string;
}
