import { CanActivate, ExecutionContext, Injectable } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import { ErrorKind } from '@app/core';
import { AuthError, AuthErrorCode } from '../auth.errors';
import { CSRF_HEADER, Principal, SESSION_COOKIE } from '../principal';
import { SessionService } from '../session.service';
import { ACCESS_METADATA, RequestWithPrincipal, RouteAccess } from './access.decorators';

const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);

interface HttpRequest extends RequestWithPrincipal {
  method: string;
  cookies?: Record<string, string>;
  headers: Record<string, string | string[] | undefined>;
}

/**
 * The global guard: denies by default. A route opts in with `@Public()` or `@Roles(...)`.
 * Cookie-authenticated state changes must also carry the session's CSRF token.
 */
@Injectable()
export class AccessGuard implements CanActivate {
  constructor(
    private readonly reflector: Reflector,
    private readonly sessions: SessionService,
  ) {}

  async canActivate(context: ExecutionContext): Promise<boolean> {
    if (context.getType() !== 'http') return true;
    const access = this.reflector.getAllAndOverride<RouteAccess | undefined>(ACCESS_METADATA, [context.getHandler(), context.getClass()]);
    const request = context.switchToHttp().getRequest<HttpRequest>();
    if (access?.kind === 'public') return true;

    const principal = await this.sessions.resolve(request.cookies?.[SESSION_COOKIE]);
    if (!principal) throw new AuthError(AuthErrorCode.NotSignedIn, ErrorKind.Unauthenticated, 'Not signed in');
    if (!access) throw new AuthError(AuthErrorCode.RouteNotDeclared, ErrorKind.Forbidden, 'Route declares no access rule');
    if (!access.roles.includes(principal.role)) throw new AuthError(AuthErrorCode.RoleForbidden, ErrorKind.Forbidden, 'Role not allowed');
    if (!SAFE_METHODS.has(request.method) && !this.sessions.checkCsrf(principal, request.headers[CSRF_HEADER])) {
      throw new AuthError(AuthErrorCode.CsrfTokenInvalid, ErrorKind.Forbidden, 'CSRF token missing or wrong');
    }
    request.principal = principal satisfies Principal;
    return true;
  }
}
