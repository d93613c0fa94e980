import { Body, Controller, Get, HttpCode, Post, Req, Res, UseGuards } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import { SkipThrottle, Throttle } from '@nestjs/throttler';
import { Type } from 'class-transformer';
import { ArrayMaxSize, IsArray, IsDefined, IsOptional, IsString, IsUUID, Length, ValidateNested } from 'class-validator';
import type { Request, Response } from 'express';
import { AppConfig } from '@app/core';
import { Public } from '@app/auth';
import { AnsweringService } from '@app/responses';
import { RateLimitGuard, RESPOND_THROTTLERS, SKIP_LOGIN_THROTTLERS } from '../throttling';

const COOKIE = 'jqc_respondent';
const COOKIE_PATH = '/api/respond';

class ExchangeDto {
  @IsString()
  @Length(20, 100)
  token: string;
}

class ReviewDto {
  @IsUUID()
  key: string;

  @IsDefined()
  answers: unknown;
}

class SubmitDto {
  /** Made by the browser and kept until the answer is confirmed, so a retry is recognised. */
  @IsUUID('4')
  submissionId: string;

  @IsOptional()
  answers?: unknown;

  @IsOptional()
  @IsArray()
  @ArrayMaxSize(50)
  @ValidateNested({ each: true })
  @Type(() => ReviewDto)
  reviews?: ReviewDto[];
}

/**
 * Answering through an invitation link. Public routes: the invitation token is the
 * credential, exchanged once for a short-lived, path-scoped, HttpOnly, SameSite=Strict cookie.
 * No client address, body or token is logged (ANONYMITY.md F).
 */
@ApiTags('answering')
@Controller(COOKIE_PATH)
@Public()
@UseGuards(RateLimitGuard)
@Throttle(RESPOND_THROTTLERS)
@SkipThrottle(SKIP_LOGIN_THROTTLERS)
export class RespondController {
  constructor(
    private readonly answering: AnsweringService,
    private readonly config: AppConfig,
  ) {}

  @Post('session')
  @HttpCode(200)
  async exchange(@Body() body: ExchangeDto, @Res({ passthrough: true }) response: Response) {
    const { cookieValue, expiresAt, form } = await this.answering.exchange(body.token);
    response.cookie(COOKIE, cookieValue, { httpOnly: true, sameSite: 'strict', secure: this.config.cookieSecure, path: COOKIE_PATH, expires: expiresAt });
    response.setHeader('Cache-Control', 'no-store');
    return form;
  }

  @Get('session')
  form(@Req() request: Request, @Res({ passthrough: true }) response: Response) {
    response.setHeader('Cache-Control', 'no-store');
    return this.answering.formOf(request.cookies?.[COOKIE]);
  }

  @Post('submit')
  async submit(@Req() request: Request, @Body() body: SubmitDto, @Res({ passthrough: true }) response: Response) {
    const submission = body.reviews ? { submissionId: body.submissionId, reviews: body.reviews } : { submissionId: body.submissionId, answers: body.answers };
    const outcome = await this.answering.submit(request.cookies?.[COOKIE], submission);
    response.status(outcome === 'recorded' ? 201 : 200);
    response.clearCookie(COOKIE, { path: COOKIE_PATH, httpOnly: true, sameSite: 'strict', secure: this.config.cookieSecure });
    return { status: 'recorded' };
  }
}
