import { Body, Controller, Get, Header, HttpCode, Post, Req, Res, UseGuards } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import { SkipThrottle, Throttle } from '@nestjs/throttler';
import type { Request, Response } from 'express';
import { AppConfig } from '@app/core';
import { AuthService, CurrentPrincipal, Principal, Public, Roles, ROLES, SESSION_COOKIE } from '@app/auth';
import { LoginDto } from '../dto/auth.dto';
import { LOGIN_THROTTLERS, RateLimitGuard, SKIP_RESPOND_THROTTLERS } from '../throttling';

@ApiTags('auth')
@Controller('api/auth')
export class AuthController {
  constructor(
    private readonly auth: AuthService,
    private readonly config: AppConfig,
  ) {}

  @Post('login')
  @HttpCode(200)
  @Public()
  @UseGuards(RateLimitGuard)
  @Throttle(LOGIN_THROTTLERS)
  @SkipThrottle(SKIP_RESPOND_THROTTLERS)
  async login(@Body() body: LoginDto, @Req() request: Request, @Res({ passthrough: true }) response: Response) {
    const session = await this.auth.signIn(body.login, body.password, request.cookies?.[SESSION_COOKIE]);
    response.cookie(SESSION_COOKIE, session.cookieValue, {
      httpOnly: true,
      sameSite: 'strict',
      secure: this.config.cookieSecure,
      path: '/',
      expires: session.expiresAt,
    });
    return { csrfToken: session.csrfToken, expiresAt: session.expiresAt.toISOString() };
  }

  @Post('logout')
  @HttpCode(204)
  @Roles(...ROLES)
  async logout(@Req() request: Request, @Res({ passthrough: true }) response: Response) {
    await this.auth.signOut(request.cookies[SESSION_COOKIE]);
    response.clearCookie(SESSION_COOKIE, { path: '/', httpOnly: true, sameSite: 'strict', secure: this.config.cookieSecure });
  }

  @Get('me')
  @Roles(...ROLES)
  // It carries the CSRF token: no cache may keep a copy.
  @Header('Cache-Control', 'no-store')
  me(@CurrentPrincipal() principal: Principal) {
    const { userId, login, displayName, role, locale, csrfToken } = principal;
    return { userId, login, displayName, role, locale, csrfToken };
  }
}
