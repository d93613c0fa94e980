import { createHmac, randomBytes } from 'node:crypto';

/** 256 bits from the CSPRNG, URL-safe (ANONYMITY.md F asks for at least 128). */
export function newInvitationToken(): string {
  return randomBytes(32).toString('base64url');
}

/** Tokens are stored only as this HMAC, keyed by a server secret. */
export function invitationTokenHmac(secret: string, token: string): string {
  return createHmac('sha256', secret).update(`invitation:${token}`).digest('base64url');
}
