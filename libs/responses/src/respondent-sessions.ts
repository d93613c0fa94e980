import { createHmac, randomBytes } from 'node:crypto';
import { Inject, Injectable } from '@nestjs/common';
import { Redis } from 'ioredis';
import { AppConfig, REDIS_CLIENT } from '@app/core';

/** At most this long between opening the invitation and submitting. */
const SESSION_SECONDS = 4 * 3600;

/**
 * Respondents' short-lived sessions, in Redis with an expiry: the cookie value is random,
 * the key is its HMAC, the value the participant id. Nothing of the answers goes here.
 */
@Injectable()
export class RespondentSessions {
  constructor(
    @Inject(REDIS_CLIENT) private readonly redis: Redis,
    private readonly config: AppConfig,
  ) {}

  async open(participantId: string, deadline: Date, now = new Date()): Promise<{ cookieValue: string; expiresAt: Date }> {
    const cookieValue = randomBytes(32).toString('base64url');
    const seconds = Math.max(1, Math.min(SESSION_SECONDS, Math.floor((deadline.getTime() - now.getTime()) / 1000)));
    await this.redis.set(this.key(cookieValue), participantId, 'EX', seconds);
    return { cookieValue, expiresAt: new Date(now.getTime() + seconds * 1000) };
  }

  async participantOf(cookieValue: string | undefined): Promise<string | null> {
    if (!cookieValue || cookieValue.length > 100) return null;
    return this.redis.get(this.key(cookieValue));
  }

  private key(cookieValue: string): string {
    const digest = createHmac('sha256', this.config.SESSION_SECRET).update(`respondent:${cookieValue}`).digest('base64url');
    return `${this.config.QUEUE_PREFIX}:respondent:${digest}`;
  }
}
