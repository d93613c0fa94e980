import { ExecutionContext } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import { ThrottlerException, ThrottlerStorage } from '@nestjs/throttler';
import { RateLimitGuard, THROTTLER_DEFINITIONS } from './throttling';

class Routes {
  exchange() {}
}

function guardedRequest(blocked: boolean) {
  const headers: Record<string, string | number> = {};
  const storage: ThrottlerStorage = {
    increment: jest.fn().mockResolvedValue({ totalHits: blocked ? 301 : 1, timeToExpire: 600, isBlocked: blocked, timeToBlockExpire: blocked ? 240 : 0 }),
  };
  const context = {
    getType: () => 'http',
    getHandler: () => Routes.prototype.exchange,
    getClass: () => Routes,
    switchToHttp: () => ({
      getRequest: () => ({ ip: '203.0.113.7', headers: {}, body: {} }),
      getResponse: () => ({ header: (name: string, value: string | number) => (headers[name] = value) }),
    }),
  } as unknown as ExecutionContext;
  const guard = new RateLimitGuard({ throttlers: THROTTLER_DEFINITIONS.filter((t) => t.name === 'respond') }, storage, new Reflector());
  return { guard, context, headers };
}

describe('RateLimitGuard', () => {
  it('answers a blocked client with the standard Retry-After header, in seconds until the block ends', async () => {
    const { guard, context, headers } = guardedRequest(true);
    await guard.onModuleInit();
    await expect(guard.canActivate(context)).rejects.toBeInstanceOf(ThrottlerException);
    expect(headers['Retry-After']).toBe(240);
  });

  it('sends no Retry-After while the client is within its limit', async () => {
    const { guard, context, headers } = guardedRequest(false);
    await guard.onModuleInit();
    await expect(guard.canActivate(context)).resolves.toBe(true);
    expect(headers).not.toHaveProperty('Retry-After');
  });
});
