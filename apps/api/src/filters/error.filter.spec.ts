import { ArgumentsHost, ServiceUnavailableException } from '@nestjs/common';
import { DomainError, ErrorKind, LocalizedText } from '@app/core';
import { ErrorFilter } from './error.filter';

enum SampleCode {
  Refused = 'sample.refused',
}

class SampleError extends DomainError<SampleCode> {
  static override readonly messages: Record<SampleCode, LocalizedText> = {
    [SampleCode.Refused]: { kk: '«{field}» қабылданбады', ru: '«{field}» отклонено', en: '"{field}" was refused' },
  };

  static override readonly reasons: Record<string, LocalizedText> = {
    tooEarly: { kk: '{min} күнінен ерте', ru: 'раньше {min}', en: 'earlier than {min}' },
  };
}

function respond(error: unknown, acceptLanguage: string) {
  const sent: { status?: number; body?: unknown } = {};
  const response = {
    setHeader: jest.fn(),
    status(code: number) {
      sent.status = code;
      return this;
    },
    json(body: unknown) {
      sent.body = body;
    },
  };
  const host = {
    switchToHttp: () => ({ getRequest: () => ({ headers: { 'accept-language': acceptLanguage }, cookies: {}, id: 'r1' }), getResponse: () => response }),
  } as unknown as ArgumentsHost;
  new ErrorFilter().catch(error, host);
  return sent;
}

describe('ErrorFilter', () => {
  const error = new SampleError(
    SampleCode.Refused,
    ErrorKind.Conflict,
    'refused',
    [
      { field: 'effectiveOn', reason: 'earlier than 2025-01-01', constraint: 'tooEarly', params: { min: '2025-01-01' } },
      { field: 'stage', reason: 'must be one of: a, b', constraint: 'isIn', params: { values: 'a, b' } },
      { field: 'other', reason: 'plain English reason' },
    ],
    { field: 'effectiveOn' },
  );

  it("localises a module's own reasons, core's validation reasons, and the message", () => {
    expect(respond(error, 'ru')).toEqual({
      status: 409,
      body: {
        statusCode: 409,
        code: 'sample.refused',
        message: '«effectiveOn» отклонено',
        problems: [
          { field: 'effectiveOn', reason: 'раньше 2025-01-01' },
          { field: 'stage', reason: 'должно быть одним из значений: a, b' },
          { field: 'other', reason: 'plain English reason' },
        ],
        requestId: 'r1',
      },
    });
  });

  it('does not take a reason from another module', () => {
    const foreign = new DomainError('other.code', ErrorKind.Invalid, 'x', [{ field: 'f', reason: 'English', constraint: 'tooEarly', params: {} }]);
    expect(respond(foreign, 'kk').body).toMatchObject({ problems: [{ field: 'f', reason: 'English' }] });
  });
});

describe('ErrorFilter on lost connections', () => {
  it.each([
    ['a refused database connection', Object.assign(new Error('connect ECONNREFUSED 127.0.0.1:5432'), { code: 'ECONNREFUSED' })],
    ['a database shutting down', Object.assign(new Error('terminating connection due to administrator command'), { code: '57P01' })],
    ['a transaction whose connection failed', Object.assign(new Error('Query runner already released. Cannot run queries anymore.'), { name: 'QueryRunnerAlreadyReleasedError' })],
    ['Redis retries used up', Object.assign(new Error('Reached the max retries per request limit (which is 2).'), { name: 'MaxRetriesPerRequestError' })],
    ['a closed Redis connection', new Error('Connection is closed.')],
  ])('answers %s with 503 and a localised message, not 500', (_, lost) => {
    const sent = respond(lost, 'kk');
    expect(sent).toMatchObject({ status: 503, body: { code: 'core.unavailable', message: 'Қызмет уақытша қолжетімсіз. Кейінірек қайталаңыз' } });
  });

  it('still answers 500 for anything else', () => {
    expect(respond(new Error('Connection is closed. Or is it?'), 'en').status).toBe(500);
  });
});

describe('ErrorFilter on a failed readiness check', () => {
  it('answers 503 naming the dependency that is down', () => {
    const failed = new ServiceUnavailableException({ status: 'error', info: { database: { status: 'up' } }, error: { redis: { status: 'down', message: 'detail' } } });
    expect(respond(failed, 'en')).toMatchObject({ status: 503, body: { code: 'core.unavailable', problems: [{ field: 'redis', reason: 'down' }] } });
  });
});
