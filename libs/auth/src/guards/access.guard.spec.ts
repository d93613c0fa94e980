import { ExecutionContext } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import { AuthErrorCode } from '../auth.errors';
import { Principal } from '../principal';
import { Role } from '../role';
import { SessionService } from '../session.service';
import { Public, Roles } from './access.decorators';
import { AccessGuard } from './access.guard';

class Routes {
  @Public() open() {}
  @Roles(Role.Commission, Role.Hr) results() {}
  undeclared() {}
}

const commission: Principal = { userId: 'u1', login: 'c', displayName: 'C', role: Role.Commission, locale: 'kk', csrfToken: 'csrf-1' };

function contextFor(handler: keyof Routes, request: Record<string, unknown>): ExecutionContext {
  return {
    getType: () => 'http',
    getHandler: () => Routes.prototype[handler],
    getClass: () => Routes,
    switchToHttp: () => ({ getRequest: () => request }),
  } as unknown as ExecutionContext;
}

function guardWith(principal: Principal | null) {
  const sessions = {
    resolve: jest.fn().mockResolvedValue(principal),
    checkCsrf: (p: Principal, presented: unknown) => presented === p.csrfToken,
  } as unknown as SessionService;
  return new AccessGuard(new Reflector(), sessions);
}

const get = (headers = {}) => ({ method: 'GET', headers, cookies: { jqc_session: 'cookie' } });
const post = (headers = {}) => ({ method: 'POST', headers, cookies: { jqc_session: 'cookie' } });

describe('AccessGuard', () => {
  it('lets anyone reach a public route', async () => {
    await expect(guardWith(null).canActivate(contextFor('open', get()))).resolves.toBe(true);
  });

  it('answers 401 (not signed in) before anything else on a guarded route', async () => {
    await expect(guardWith(null).canActivate(contextFor('results', get()))).rejects.toMatchObject({ code: AuthErrorCode.NotSignedIn });
    await expect(guardWith(null).canActivate(contextFor('undeclared', get()))).rejects.toMatchObject({ code: AuthErrorCode.NotSignedIn });
  });

  it('refuses a route that declares no access rule even to a signed-in account', async () => {
    await expect(guardWith(commission).canActivate(contextFor('undeclared', get()))).rejects.toMatchObject({ code: AuthErrorCode.RouteNotDeclared });
  });

  it('refuses a role the route does not list', async () => {
    const judge = { ...commission, role: Role.Judge };
    await expect(guardWith(judge).canActivate(contextFor('results', get()))).rejects.toMatchObject({ code: AuthErrorCode.RoleForbidden });
  });

  it('admits a listed role and attaches the principal', async () => {
    const request: Record<string, unknown> = get();
    await expect(guardWith(commission).canActivate(contextFor('results', request))).resolves.toBe(true);
    expect(request.principal).toBe(commission);
  });

  it('requires the CSRF token on state-changing requests', async () => {
    await expect(guardWith(commission).canActivate(contextFor('results', post()))).rejects.toMatchObject({ code: AuthErrorCode.CsrfTokenInvalid });
    await expect(guardWith(commission).canActivate(contextFor('results', post({ 'x-csrf-token': 'other' })))).rejects.toMatchObject({
      code: AuthErrorCode.CsrfTokenInvalid,
    });
    await expect(guardWith(commission).canActivate(contextFor('results', post({ 'x-csrf-token': 'csrf-1' })))).resolves.toBe(true);
  });
});
