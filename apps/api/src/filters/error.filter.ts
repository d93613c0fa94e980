import { ArgumentsHost, Catch, ExceptionFilter, HttpException, HttpStatus, Logger } from '@nestjs/common';
import { ThrottlerException } from '@nestjs/throttler';
import type { Request, Response } from 'express';
import { CoreError, CoreErrorCode, DomainError, isDatabaseConnectionError, isRedisConnectionError, ErrorKind, FieldProblem, formatText, Locale, LocalizedText, resolveLocale, validationReason } from '@app/core';

const STATUS: Record<ErrorKind, number> = {
  [ErrorKind.Invalid]: HttpStatus.BAD_REQUEST,
  [ErrorKind.Unauthenticated]: HttpStatus.UNAUTHORIZED,
  [ErrorKind.Forbidden]: HttpStatus.FORBIDDEN,
  [ErrorKind.NotFound]: HttpStatus.NOT_FOUND,
  [ErrorKind.Conflict]: HttpStatus.CONFLICT,
  [ErrorKind.Gone]: HttpStatus.GONE,
  [ErrorKind.PayloadTooLarge]: HttpStatus.PAYLOAD_TOO_LARGE,
  [ErrorKind.RateLimited]: HttpStatus.TOO_MANY_REQUESTS,
  [ErrorKind.Unavailable]: HttpStatus.SERVICE_UNAVAILABLE,
};

/** Errors thrown by express middleware (body parser) before any route runs. */
interface MiddlewareError {
  type?: string;
  status?: number;
  message?: string;
}

export interface ErrorBody {
  statusCode: number;
  code: string;
  message: string;
  problems: Omit<FieldProblem, 'constraint' | 'params'>[];
  requestId?: string;
}

/**
 * The one place where errors become HTTP responses: domain error kinds map to statuses,
 * and the message and each field's reason are given in the request's language. Anything
 * unexpected is a 500 whose details stay in the log.
 */
@Catch()
export class ErrorFilter implements ExceptionFilter {
  private readonly logger = new Logger('ErrorFilter');

  catch(exception: unknown, host: ArgumentsHost): void {
    const http = host.switchToHttp();
    const request = http.getRequest<Request & { id?: string }>();
    const response = http.getResponse<Response>();
    const locale = resolveLocale(request.cookies?.jqc_lang, request.headers['accept-language']);
    const error = this.toDomainError(exception);
    const status = error ? STATUS[error.kind] : HttpStatus.INTERNAL_SERVER_ERROR;
    if (!error) this.logger.error({ error: describeUnexpected(exception), requestId: request.id }, 'unhandled error');
    const body: ErrorBody = error
      ? this.describe(error, status, locale)
      : { statusCode: status, code: 'core.internal', message: INTERNAL[locale], problems: [] };
    body.requestId = request.id;
    if (error?.kind === ErrorKind.Unavailable) response.setHeader('Retry-After', '5');
    if (error?.kind === ErrorKind.RateLimited && typeof error.params.retryAfterSeconds === 'number') response.setHeader('Retry-After', String(error.params.retryAfterSeconds));
    response.status(status).json(body);
  }

  private describe(error: DomainError, statusCode: number, locale: Locale): ErrorBody {
    const { messages, reasons } = error.constructor as typeof DomainError;
    const template = messages[error.code]?.[locale];
    return {
      statusCode,
      code: error.code,
      message: template ? formatText(template, error.params) : error.message,
      problems: error.problems.map((problem) => ({
        ...(problem.row === undefined ? {} : { row: problem.row }),
        field: problem.field,
        ...(problem.value === undefined ? {} : { value: problem.value }),
        reason: this.reason(problem, reasons, locale),
      })),
    };
  }

  private reason(problem: FieldProblem, reasons: Readonly<Record<string, LocalizedText>>, locale: Locale): string {
    if (!problem.constraint) return problem.reason;
    const own = Object.hasOwn(reasons, problem.constraint) ? reasons[problem.constraint] : undefined;
    return own ? formatText(own[locale], problem.params ?? {}) : validationReason(problem.constraint, problem.params ?? {}, problem.reason, locale);
  }

  private toDomainError(exception: unknown): DomainError | null {
    if (exception instanceof DomainError) return exception;
    if (exception instanceof ThrottlerException) return new CoreError(CoreErrorCode.RateLimited, ErrorKind.RateLimited, 'Too many requests');
    if (exception instanceof HttpException) return this.fromHttpException(exception);
    const middleware = exception as MiddlewareError;
    if (middleware?.type === 'entity.parse.failed') {
      return new CoreError(CoreErrorCode.MalformedBody, ErrorKind.Invalid, 'Malformed body', [{ field: 'body', reason: 'is not valid JSON' }], {
        reason: 'invalid JSON',
      });
    }
    if (middleware?.type === 'entity.too.large') return new CoreError(CoreErrorCode.PayloadTooLarge, ErrorKind.PayloadTooLarge, 'Body too large');
    if (typeof middleware?.status === 'number' && middleware.status >= 400 && middleware.status < 500) {
      return new CoreError(CoreErrorCode.MalformedBody, ErrorKind.Invalid, middleware.message ?? 'Bad request', [], { reason: middleware.message ?? '' });
    }
    if (isDatabaseConnectionError(exception)) return new CoreError(CoreErrorCode.Unavailable, ErrorKind.Unavailable, 'Database unavailable');
    // Respondent sessions and rate limits live in Redis: without it, answering waits (ANONYMITY.md F keeps sessions out of the database).
    if (isRedisConnectionError(exception)) return new CoreError(CoreErrorCode.Unavailable, ErrorKind.Unavailable, 'Redis unavailable');
    return null;
  }

  private fromHttpException(exception: HttpException): DomainError | null {
    const status = exception.getStatus();
    const cause = exception.cause as MiddlewareError | undefined;
    if (cause?.type) return this.toDomainError(cause);
    switch (status) {
      case HttpStatus.NOT_FOUND:
        return new CoreError(CoreErrorCode.NotFound, ErrorKind.NotFound, exception.message);
      case HttpStatus.PAYLOAD_TOO_LARGE:
        return new CoreError(CoreErrorCode.PayloadTooLarge, ErrorKind.PayloadTooLarge, exception.message);
      case HttpStatus.TOO_MANY_REQUESTS:
        return new CoreError(CoreErrorCode.RateLimited, ErrorKind.RateLimited, exception.message);
      case HttpStatus.SERVICE_UNAVAILABLE:
        return new CoreError(CoreErrorCode.Unavailable, ErrorKind.Unavailable, exception.message, failedChecks(exception.getResponse()));
      default:
        if (status >= 400 && status < 500) {
          return new CoreError(CoreErrorCode.MalformedBody, ErrorKind.Invalid, exception.message, [], { reason: exception.message });
        }
        return null;
    }
  }
}

/** The checks a failed readiness check (terminus) names as down, as problems: which dependency, not its error text. */
function failedChecks(response: string | object): FieldProblem[] {
  const down = typeof response === 'object' ? (response as { error?: Record<string, unknown> }).error : undefined;
  return Object.keys(down ?? {}).map((check) => ({ field: check, reason: 'down' }));
}

const INTERNAL: Record<Locale, string> = {
  kk: 'Ішкі қате. Әкімшіге сұрау нөмірін хабарлаңыз',
  ru: 'Внутренняя ошибка. Сообщите администратору номер запроса',
  en: 'Internal error. Give the administrator the request id',
};

/**
 * What may be logged of an unexpected error: its name, code and stack frames — never its
 * message or properties, which for a failed query hold parameters (answers, tokens).
 */
function describeUnexpected(exception: unknown): { name: string; code?: string; stack?: string } {
  const error = exception as { name?: string; code?: string; driverError?: { code?: string }; stack?: string };
  const frames = typeof error?.stack === 'string' ? error.stack.split('\n').filter((line) => line.trimStart().startsWith('at ')).join('\n') : undefined;
  return { name: error?.name ?? typeof exception, code: error?.driverError?.code ?? error?.code, stack: frames };
}
