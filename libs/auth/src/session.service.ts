import { createHmac, randomBytes, timingSafeEqual } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import { AppConfig } from '@app/core';
import { Principal } from './principal';
import { SessionRepository } from './session.repository';

export interface IssuedSession {
  /** Goes into the HttpOnly cookie; never stored. */
  cookieValue: string;
  csrfToken: string;
  expiresAt: Date;
}

/**
 * Server-side sessions keyed by an HMAC of a random cookie value. The CSRF token is
 * derived from the same value, so it needs no storage and changes with every sign-in.
 */
@Injectable()
export class SessionService {
  constructor(
    private readonly sessions: SessionRepository,
    private readonly config: AppConfig,
  ) {}

  async issue(userId: string, now = new Date()): Promise<IssuedSession> {
    const cookieValue = randomBytes(32).toString('base64url');
    const expiresAt = new Date(now.getTime() + this.config.SESSION_TTL_SECONDS * 1000);
    await this.sessions.insert({ id: this.sessionId(cookieValue), userId, expiresAt });
    return { cookieValue, csrfToken: this.csrfToken(cookieValue), expiresAt };
  }

  async resolve(cookieValue: string | undefined, now = new Date()): Promise<Principal | null> {
    if (!cookieValue || cookieValue.length > 128) return null;
    const session = await this.sessions.findLive(this.sessionId(cookieValue), now);
    if (!session?.user?.active) return null;
    const { user } = session;
    return {
      userId: user.id,
      login: user.login,
      displayName: user.displayName,
      role: user.role,
      locale: user.locale,
      csrfToken: this.csrfToken(cookieValue),
    };
  }

  checkCsrf(principal: Principal, presented: unknown): boolean {
    if (typeof presented !== 'string') return false;
    const expected = Buffer.from(principal.csrfToken);
    const given = Buffer.from(presented);
    return expected.length === given.length && timingSafeEqual(expected, given);
  }

  revoke(cookieValue: string): Promise<void> {
    return this.sessions.delete(this.sessionId(cookieValue));
  }

  revokeAllOf(userId: string): Promise<void> {
    return this.sessions.deleteForUser(userId);
  }

  purgeExpired(now = new Date()): Promise<number> {
    return this.sessions.deleteExpired(now);
  }

  private sessionId(cookieValue: string): string {
    return this.hmac(`session:${cookieValue}`);
  }

  private csrfToken(cookieValue: string): string {
    return this.hmac(`csrf:${cookieValue}`);
  }

  private hmac(value: string): string {
    return createHmac('sha256', this.config.SESSION_SECRET).update(value).digest('base64url');
  }
}
