import { applyDecorators, createParamDecorator, ExecutionContext, SetMetadata } from '@nestjs/common';
import { ApiExtension } from '@nestjs/swagger';
import { Principal } from '../principal';
import { Role } from '../role';

export const ACCESS_METADATA = 'jqc:access';

/** How a route may be reached. A route that declares nothing is refused to everyone. */
export type RouteAccess = { kind: 'public' } | { kind: 'roles'; roles: Role[] };

/** OpenAPI extension carrying each route's access rule, so clients and the access-matrix test can read it. */
export const ACCESS_EXTENSION = 'x-access';

function access(rule: RouteAccess) {
  const described = rule.kind === 'public' ? ['public'] : rule.roles;
  return applyDecorators(SetMetadata(ACCESS_METADATA, rule), ApiExtension(ACCESS_EXTENSION, described));
}

/** Reachable without an account (sign-in, health, respondents' pages). */
export const Public = () => access({ kind: 'public' });

/** Reachable only by signed-in accounts holding one of these roles. */
export const Roles = (...roles: [Role, ...Role[]]) => access({ kind: 'roles', roles });

export interface RequestWithPrincipal {
  principal?: Principal;
}

export const CurrentPrincipal = createParamDecorator((_data: unknown, context: ExecutionContext): Principal => {
  const principal = context.switchToHttp().getRequest<RequestWithPrincipal>().principal;
  if (!principal) throw new Error('CurrentPrincipal used on a route that is not role-guarded');
  return principal;
});
