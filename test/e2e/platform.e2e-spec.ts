import { Queue, QueueEvents } from 'bullmq';
import { bullConnection, JobName, loadConfig, QueueName } from '@app/core';
import { HttpClient, runApp, RunningPlatform, startPlatform } from '@app/testing';

describe('the api and the worker as real processes', () => {
  let platform: RunningPlatform;
  let anonymous: HttpClient;

  beforeAll(async () => {
    platform = await startPlatform();
    anonymous = new HttpClient(platform.baseUrl);
    const seed = runApp('cli', { ...platform.db.env, DEMO_PASSWORD: 'e2e-demo-password' }, ['seed:demo']);
    expect(await seed.exited).toBe(0);
    expect(seed.output()).toContain('seed: created admin, commission, hr, judge, jury');
  });

  afterAll(async () => {
    await platform?.stop();
  });

  it('reports itself healthy: both Postgres connections and Redis', async () => {
    const response = await anonymous.get('/api/health');
    expect(response.status).toBe(200);
    expect(response.body.info).toEqual({
      database: expect.objectContaining({ status: 'up' }),
      'discipline-database': expect.objectContaining({ status: 'up' }),
      redis: expect.objectContaining({ status: 'up' }),
    });
    expect((await fetch(platform.workerHealthUrl)).status).toBe(200);
  });

  it('sets security headers and a request id', async () => {
    const response = await anonymous.get('/api/health');
    expect(response.headers.get('x-content-type-options')).toBe('nosniff');
    expect(response.headers.get('content-security-policy')).toContain("default-src 'self'");
    expect(response.headers.get('x-request-id')).toMatch(/^[0-9a-f-]{36}$/);
    expect(response.headers.get('x-powered-by')).toBeNull();
  });

  it('signs in with an HttpOnly SameSite cookie, then signs out', async () => {
    const client = new HttpClient(platform.baseUrl);
    const login = await client.post('/api/auth/login', { login: 'commission', password: 'e2e-demo-password' });
    expect(login.status).toBe(200);
    const cookie = login.headers.getSetCookie().find((c) => c.startsWith('jqc_session='));
    expect(cookie).toMatch(/HttpOnly/);
    expect(cookie).toMatch(/SameSite=Strict/);
    client.csrfToken = login.body.csrfToken;
    expect((await client.get('/api/auth/me')).body).toMatchObject({ login: 'commission', role: 'commission' });
    expect((await client.post('/api/auth/logout')).status).toBe(204);
    expect((await client.get('/api/auth/me')).status).toBe(401);
  });

  it('answers a wrong password with 401, and rate-limits repeated failures with 429', async () => {
    const statuses: number[] = [];
    for (let i = 0; i < 12; i++) {
      statuses.push((await anonymous.post('/api/auth/login', { login: 'hr', password: `wrong-${i}` })).status);
    }
    expect(statuses.slice(0, 10)).toEqual(Array(10).fill(401));
    expect(statuses.slice(10)).toEqual([429, 429]);
    const blocked = await anonymous.post('/api/auth/login', { login: 'hr', password: 'e2e-demo-password' }, { 'accept-language': 'en' });
    expect(blocked.body).toMatchObject({ statusCode: 429, code: 'core.rate-limited', message: 'Too many attempts. Try again later' });
  });

  it('names the field and the reason of bad input, in the language asked for, and never answers 500', async () => {
    const malformed = await anonymous.request('POST', '/api/auth/login', '{"login": ', { 'content-type': 'application/json', 'accept-language': 'en' });
    expect(malformed.status).toBe(400);
    expect(malformed.body).toMatchObject({ code: 'core.malformed-body', problems: [{ field: 'body', reason: 'is not valid JSON' }] });

    const unknownField = await anonymous.post('/api/auth/login', { login: 'x', password: 'y', admin: true }, { 'accept-language': 'ru' });
    expect(unknownField.status).toBe(400);
    expect(unknownField.body).toMatchObject({ code: 'core.validation-failed', message: 'Данные запроса недопустимы', problems: [{ field: 'admin', reason: 'неизвестное поле' }] });

    const wrongType = await anonymous.post('/api/auth/login', { login: 42 }, { 'accept-language': 'en' });
    expect(wrongType.body.problems).toEqual(
      expect.arrayContaining([
        { field: 'login', reason: 'must be a string' },
        { field: 'password', reason: 'must be a string' },
      ]),
    );
  });

  it('answers an unknown route with a JSON 404', async () => {
    const response = await anonymous.get('/api/no-such-thing', { 'accept-language': 'kk' });
    expect(response.status).toBe(404);
    expect(response.body).toMatchObject({ statusCode: 404, code: 'core.not-found', message: 'Мұндай мекенжай жоқ' });
  });

  it('serves the OpenAPI description', async () => {
    const response = await anonymous.get('/api/docs-json');
    expect(response.status).toBe(200);
    expect(Object.keys(response.body.paths)).toContain('/api/auth/login');
  });

  it('has the worker process a real job from Redis', async () => {
    const owner = await platform.db.owner();
    const [user] = await owner.query(`SELECT id FROM auth."user" WHERE login = 'judge'`);
    await owner.query(`INSERT INTO auth.session (id, user_id, expires_at) VALUES ('expired-probe', $1, now() - interval '1 hour')`, [user.id]);

    const config = loadConfig(platform.db.env);
    const queue = new Queue(QueueName.Maintenance, { connection: bullConnection(config), prefix: config.QUEUE_PREFIX });
    const events = new QueueEvents(QueueName.Maintenance, { connection: bullConnection(config), prefix: config.QUEUE_PREFIX });
    try {
      await events.waitUntilReady();
      const job = await queue.add(JobName.PurgeExpiredSessions, {}, { jobId: 'e2e-purge' });
      expect(await job.waitUntilFinished(events, 30_000)).toEqual({ purged: 1 });
      expect(await owner.query(`SELECT id FROM auth.session WHERE id = 'expired-probe'`)).toEqual([]);
    } finally {
      await Promise.all([queue.close(), events.close()]);
    }
  });

  it('refuses to start with a missing or malformed variable, naming it', async () => {
    const { REDIS_URL: _dropped, ...withoutRedis } = platform.db.env;
    const missing = runApp('api', { ...withoutRedis, API_PORT: '0' });
    expect(await missing.exited).toBe(78);
    expect(missing.output()).toContain('REDIS_URL: is missing');

    const malformed = runApp('worker', { ...platform.db.env, DATABASE_URL: 'mysql://nope', WORKER_HEALTH_PORT: '0' });
    expect(await malformed.exited).toBe(78);
    expect(malformed.output()).toMatch(/DATABASE_URL: must be a postgres:\/\/ URL/);
  });
});
