import { ArgumentsHost } from '@nestjs/common';
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
