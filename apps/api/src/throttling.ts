import type { ThrottlerOptions } from '@nestjs/throttler';

/** Sign-in attempts: per client address, and per login so a spread-out attack on one account stops too. */
export const LOGIN_THROTTLERS = {
  'login-address': { limit: 20, ttl: 15 * 60_000, blockDuration: 15 * 60_000 },
  'login-account': { limit: 10, ttl: 15 * 60_000, blockDuration: 15 * 60_000 },
};

export const THROTTLER_DEFINITIONS: ThrottlerOptions[] = [
  { name: 'login-address', limit: 20, ttl: 15 * 60_000, getTracker: (req) => String(req.ip ?? 'unknown') },
  {
    name: 'login-account',
    limit: 10,
    ttl: 15 * 60_000,
    getTracker: (req) => String((req.body as { login?: unknown } | undefined)?.login ?? '').toLowerCase(),
  },
];
