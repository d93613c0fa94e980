import { createHmac } from 'node:crypto';
import { ExecutionContext, Injectable } from '@nestjs/common';
import { ThrottlerGuard, ThrottlerLimitDetail, ThrottlerOptions } from '@nestjs/throttler';

/** Sign-in attempts: per client address, and per login so a spread-out attack on one account stops too. */
export const LOGIN_THROTTLERS = {
  'login-address': { limit: 20, ttl: 15 * 60_000, blockDuration: 15 * 60_000 },
  'login-account': { limit: 10, ttl: 15 * 60_000, blockDuration: 15 * 60_000 },
};

/**
 * Invitation redemption and submission, per client address. Generous: a court building may
 * share one address, and a 256-bit token cannot be guessed; this stops floods and scans.
 */
export const RESPOND_THROTTLERS = {
  respond: { limit: 300, ttl: 15 * 60_000, blockDuration: 5 * 60_000 },
};

/**
 * Rate-limit keys are keyed HMACs, not plain hashes: a plain hash of an IPv4 address can be
 * reversed by trying them all, and a key's expiry would then tell when that address answered.
 */
export function throttleKeyFactory(secret: string) {
  return (context: ExecutionContext, tracker: string, throttlerName: string) =>
    createHmac('sha256', secret).update(`${context.getClass().name}:${context.getHandler().name}:${throttlerName}:${tracker}`).digest('base64url');
}

/** Each route counts against its own throttlers only. */
export const SKIP_LOGIN_THROTTLERS = { 'login-address': true, 'login-account': true };
export const SKIP_RESPOND_THROTTLERS = { respond: true };

export const THROTTLER_DEFINITIONS: ThrottlerOptions[] = [
  { name: 'respond', limit: 300, ttl: 15 * 60_000, getTracker: (req) => String(req.ip ?? 'unknown') },
  { name: 'login-address', limit: 20, ttl: 15 * 60_000, getTracker: (req) => String(req.ip ?? 'unknown') },
  {
    name: 'login-account',
    limit: 10,
    ttl: 15 * 60_000,
    getTracker: (req) => String((req.body as { login?: unknown } | undefined)?.login ?? '').toLowerCase(),
  },
];

/**
 * The throttler guard, also answering a block with the standard `Retry-After` header: the
 * library names it after the throttler (`Retry-After-respond`), which browsers and clients do not read.
 */
@Injectable()
export class RateLimitGuard extends ThrottlerGuard {
  protected override async throwThrottlingException(context: ExecutionContext, detail: ThrottlerLimitDetail): Promise<void> {
    this.setResponseHeader(this.getRequestResponse(context).res, 'Retry-After', detail.timeToBlockExpire);
    return super.throwThrottlingException(context, detail);
  }
}
