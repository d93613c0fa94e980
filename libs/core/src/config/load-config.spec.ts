import { ConfigError, loadConfig } from './load-config';

const valid = {
  DATABASE_URL: 'postgres://owner:pw@127.0.0.1:5432/jqc',
  DATABASE_EVALUATION_URL: 'postgres://evaluation:pw@127.0.0.1:5432/jqc',
  DATABASE_DISCIPLINE_URL: 'postgres://discipline:pw@127.0.0.1:5432/jqc',
  REDIS_URL: 'redis://127.0.0.1:6379',
  SESSION_SECRET: 'x'.repeat(32),
  TOKEN_HMAC_SECRET: 'y'.repeat(32),
};

function problemsOf(env: NodeJS.ProcessEnv) {
  try {
    loadConfig(env);
  } catch (error) {
    if (error instanceof ConfigError) return error.problems;
    throw error;
  }
  throw new Error('expected a ConfigError');
}

describe('loadConfig', () => {
  it('applies defaults and converts numbers', () => {
    const config = loadConfig({ ...valid, API_PORT: '8080', UNRELATED: 'ignored' });
    expect(config.API_PORT).toBe(8080);
    expect(config.QUEUE_PREFIX).toBe('jqc');
    expect(config.NODE_ENV).toBe('development');
    expect(config.cookieSecure).toBe(false);
    expect((config as unknown as Record<string, unknown>).UNRELATED).toBeUndefined();
  });

  it('names a missing variable', () => {
    const { REDIS_URL: _omitted, ...rest } = valid;
    expect(problemsOf(rest)).toEqual([{ variable: 'REDIS_URL', reason: 'is missing' }]);
  });

  it('treats an empty variable as missing', () => {
    expect(problemsOf({ ...valid, SESSION_SECRET: '' })).toEqual([{ variable: 'SESSION_SECRET', reason: 'is missing' }]);
  });

  it('names each malformed variable with its reason', () => {
    const problems = problemsOf({ ...valid, DATABASE_URL: 'mysql://x', API_PORT: 'eighty', TOKEN_HMAC_SECRET: 'short' });
    expect(problems.map((p) => p.variable).sort()).toEqual(['API_PORT', 'DATABASE_URL', 'TOKEN_HMAC_SECRET']);
    expect(problems.find((p) => p.variable === 'TOKEN_HMAC_SECRET')?.reason).toContain('at least 32 characters');
    expect(problems.find((p) => p.variable === 'DATABASE_URL')?.reason).toContain('postgres://');
  });

  it('marks cookies secure behind https', () => {
    expect(loadConfig({ ...valid, PUBLIC_URL: 'https://survey.court.kz' }).cookieSecure).toBe(true);
  });
});
