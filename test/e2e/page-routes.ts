import { RequestMethod } from '@nestjs/common';
import { METHOD_METADATA, PATH_METADATA } from '@nestjs/common/constants';
import { ACCESS_METADATA, RouteAccess } from '@app/auth';
import { DashboardController } from '../../apps/api/src/dashboard/dashboard.controller';
import { RespondPageController } from '../../apps/api/src/respond-page/respond-page.controller';

export interface Route {
  method: string;
  /** OpenAPI style: `{name}` for each parameter. */
  path: string;
  /** `['public']` or the roles admitted, as the OpenAPI extension `x-access` gives them. */
  access: string[];
}

/** The controllers left out of the OpenAPI document: pages, not API. */
const PAGE_CONTROLLERS = [DashboardController, RespondPageController];

/** Every page route, read from the controllers' own route and access metadata, so a new page cannot be missed. */
export const PAGE_ROUTES: Route[] = PAGE_CONTROLLERS.flatMap((controller) => {
  const base = String(Reflect.getMetadata(PATH_METADATA, controller) ?? '');
  const classAccess: RouteAccess | undefined = Reflect.getMetadata(ACCESS_METADATA, controller);
  return Object.getOwnPropertyNames(controller.prototype).flatMap((name) => {
    // Read descriptors, not properties: reading a getter on the bare prototype would run it.
    const handler = Object.getOwnPropertyDescriptor(controller.prototype, name)?.value;
    const method: RequestMethod | undefined = typeof handler === 'function' ? Reflect.getMetadata(METHOD_METADATA, handler) : undefined;
    if (method === undefined) return [];
    const access: RouteAccess | undefined = Reflect.getMetadata(ACCESS_METADATA, handler) ?? classAccess;
    const path = `/${[base, String(Reflect.getMetadata(PATH_METADATA, handler))].filter((p) => p && p !== '/').join('/')}`.replace(/:(\w+)/g, '{$1}');
    return [{ method: RequestMethod[method], path, access: !access ? [] : access.kind === 'public' ? ['public'] : access.roles }];
  });
});
