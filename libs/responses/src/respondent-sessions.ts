import { createHmac, randomBytes } from 'node:crypto';
import { Inject, Injectable } from '@nestjs/common';
import { Redis } from 'ioredis';
import { AppConfig, ErrorKind, REDIS_CLIENT } from '@app/core';
import { ResponsesError, ResponsesErrorCode } from './responses.errors';

/** At most this long between opening the invitation and submitting. */
const SESSION_SECONDS = 4 * 3600;
/**
 * At most this many sessions per participant in a window: a person opens their link on a few
 * devices, not dozens; a leaked link cannot mint sessions by the thousand from many addresses.
 * Only sessions opened count, so a page retrying through an outage is not locked out.
 */
const OPENINGS_PER_WINDOW = 20;
const OPENING_WINDOW_SECONDS = 15 * 60;

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
    const openings = this.key('openings', participantId);
    const [[, count], , [, ttl]] = (await this.redis.multi().incr(openings).expire(openings, OPENING_WINDOW_SECONDS, 'NX').ttl(openings).exec()) as [Error | null, number][];
    if (count > OPENINGS_PER_WINDOW) {
      throw new ResponsesError(ResponsesErrorCode.TooManyOpenings, ErrorKind.RateLimited, 'too many sessions for this invitation', [], {
        minutes: Math.ceil(ttl / 60),
        retryAfterSeconds: ttl,
      });
    }
    const cookieValue = randomBytes(32).toString('base64url');
    const seconds = Math.max(1, Math.min(SESSION_SECONDS, Math.floor((deadline.getTime() - now.getTime()) / 1000)));
    await this.redis.set(this.key('respondent', cookieValue), participantId, 'EX', seconds);
    return { cookieValue, expiresAt: new Date(now.getTime() + seconds * 1000) };
  }

  async participantOf(cookieValue: string | undefined): Promise<string | null> {
    if (!cookieValue || cookieValue.length > 100) return null;
    return this.redis.get(this.key('respondent', cookieValue));
  }

  /** Keyed HMACs: neither a cookie nor a participant id can be read back from a key. */
  private key(kind: 'respondent' | 'openings', value: string): string {
    const digest = createHmac('sha256', this.config.SESSION_SECRET).update(`${kind}:${value}`).digest('base64url');
    return `${this.config.QUEUE_PREFIX}:${kind}:${digest}`;
  }
}
