import { HttpClient, runApp, RunningPlatform, startPlatform } from '@app/testing';
import { Role, ROLES } from '@app/auth';
import { PAGE_ROUTES } from './page-routes';

/**
 * Every route the api registers, from its OpenAPI document, against anonymous callers and
 * every role: anonymous → 401 unless public; a role the route does not list → 403; a listed
 * role → neither. A route without a declared rule fails this test. The pages, left out of
 * the document, are read from their controllers: anonymous callers are sent to sign in.
 */
describe('access matrix over every registered route', () => {
  let platform: RunningPlatform;
  const clients = new Map<Role, HttpClient>();
  let routes: { method: string; path: string; access: string[] }[];

  beforeAll(async () => {
    platform = await startPlatform();
    const seed = runApp('cli', { ...platform.db.env, DEMO_PASSWORD: 'matrix-password' }, ['seed:demo']);
    expect(await seed.exited).toBe(0);
    for (const role of ROLES) {
      const client = new HttpClient(platform.baseUrl);
      await client.signIn(role, 'matrix-password');
      clients.set(role, client);
    }
    const document = (await new HttpClient(platform.baseUrl).get('/api/docs-json')).body;
    routes = Object.entries(document.paths as Record<string, Record<string, { 'x-access'?: string[] }>>).flatMap(([path, operations]) =>
      Object.entries(operations).map(([method, operation]) => ({ method: method.toUpperCase(), path, access: operation['x-access'] ?? [] })),
    );
  });

  afterAll(async () => {
    await platform?.stop();
  });

  function concrete(path: string): string {
    return path.replace(/\{[^}]+\}/g, '00000000-0000-4000-8000-000000000000');
  }

  it('finds the routes, and every one declares who may use it', () => {
    expect(routes.length).toBeGreaterThanOrEqual(8);
    expect(routes.filter((route) => route.access.length === 0)).toEqual([]);
  });

  it('keeps every disciplinary route to the jury alone, and the jury off every other route (sign-out and me aside)', () => {
    const disciplinary = routes.filter((route) => route.path.startsWith('/api/discipline/'));
    expect(disciplinary.map((route) => `${route.method} ${route.path}`).sort()).toEqual([
      'GET /api/discipline/proceedings',
      'GET /api/discipline/proceedings/{id}',
      'GET /api/discipline/reference',
      'GET /api/discipline/statistics',
      'POST /api/discipline/proceedings',
      'POST /api/discipline/proceedings/{id}/appeal',
      'POST /api/discipline/proceedings/{id}/appeal/outcome',
      'POST /api/discipline/proceedings/{id}/transitions',
    ]);
    for (const route of disciplinary) {
      expect({ route: `${route.method} ${route.path}`, access: route.access }).toEqual({ route: `${route.method} ${route.path}`, access: ['jury'] });
    }
    const others = routes.filter((route) => !route.path.startsWith('/api/discipline/') && !route.path.startsWith('/api/auth/'));
    expect(others.length).toBeGreaterThan(0);
    expect(others.filter((route) => route.access.includes(Role.Jury)).map((route) => `${route.method} ${route.path}`)).toEqual([]);
  });

  it('answers 401 to anonymous callers on every non-public route', async () => {
    for (const route of routes.filter((r) => !r.access.includes('public'))) {
      const response = await new HttpClient(platform.baseUrl).request(route.method, concrete(route.path), route.method === 'GET' ? undefined : {});
      expect({ route: `${route.method} ${route.path}`, status: response.status }).toEqual({ route: `${route.method} ${route.path}`, status: 401 });
    }
  });

  it('answers 403 to every role a route does not list, and lets listed roles through', async () => {
    for (const route of routes.filter((r) => !r.access.includes('public') && !r.path.endsWith('/logout'))) {
      for (const role of ROLES) {
        const response = await clients.get(role)!.request(route.method, concrete(route.path), route.method === 'GET' ? undefined : {});
        // The guard's decision: a listed role may still get a domain 403 (e.g. a judge account linked to no judge).
        const outcome = response.status === 401 ? 'unauthenticated' : response.status === 403 && response.body?.code === 'auth.role-forbidden' ? 'forbidden' : 'admitted';
        expect({ route: `${route.method} ${route.path}`, role, outcome }).toEqual({
          route: `${route.method} ${route.path}`,
          role,
          outcome: route.access.includes(role) ? 'admitted' : 'forbidden',
        });
      }
    }
  });

  it('holds the same rules on every page: anonymous callers are sent to sign in, unlisted roles refused', async () => {
    expect(PAGE_ROUTES.filter((route) => route.access.length === 0)).toEqual([]);
    for (const route of PAGE_ROUTES) {
      const path = concrete(route.path);
      const anonymous = await new HttpClient(platform.baseUrl).get(path);
      const expectedAnonymous = route.access.includes('public') ? 'admitted' : 'sent to sign in';
      const outcomeOf = (response: { status: number; headers: Headers }) =>
        response.status === 303 && response.headers.get('location')?.startsWith('/login?next=') ? 'sent to sign in' : response.status === 403 ? 'forbidden' : 'admitted';
      expect({ route: route.path, outcome: outcomeOf(anonymous) }).toEqual({ route: route.path, outcome: expectedAnonymous });
      for (const role of ROLES) {
        const response = await clients.get(role)!.get(path);
        expect({ route: route.path, role, outcome: outcomeOf(response) }).toEqual({
          route: route.path,
          role,
          outcome: route.access.includes('public') || route.access.includes(role) ? 'admitted' : 'forbidden',
        });
      }
    }
  });
});
