import { randomUUID } from 'node:crypto';
import { IncomingMessage, ServerResponse } from 'node:http';
import { DynamicModule, Module } from '@nestjs/common';
import { LoggerModule } from 'nestjs-pino';
import { AppConfig } from '../config/app-config';

const REQUEST_ID = /^[A-Za-z0-9._-]{8,64}$/;

/**
 * Keys removed from every structured log line wherever they appear. The request
 * serializer below already logs no headers, body, query string or client address;
 * this catches anything an application log passes by mistake.
 */
export const REDACTED_LOG_KEYS = ['password', 'token', 'answers', 'answer', 'cookie', 'authorization', 'comment', 'text', 'email'];

export function requestId(req: IncomingMessage, res: ServerResponse): string {
  const incoming = req.headers['x-request-id'];
  const id = typeof incoming === 'string' && REQUEST_ID.test(incoming) ? incoming : randomUUID();
  res.setHeader('x-request-id', id);
  return id;
}

/** The path without its query string: queries may carry search terms or filters nobody should log. */
function pathOf(url: string | undefined): string {
  return (url ?? '').split('?')[0];
}

@Module({})
export class LoggingModule {
  static forApp(app: 'api' | 'worker' | 'cli'): DynamicModule {
    return {
      module: LoggingModule,
      imports: [
        LoggerModule.forRootAsync({
          inject: [AppConfig],
          useFactory: (config: AppConfig) => ({
            pinoHttp: {
              level: config.LOG_LEVEL,
              base: { app },
              genReqId: requestId,
              redact: {
                paths: REDACTED_LOG_KEYS.flatMap((key) => [key, `*.${key}`, `*.*.${key}`]),
                censor: '[redacted]',
              },
              serializers: {
                req: (req: { id: string; method: string; url: string }) => ({ id: req.id, method: req.method, path: pathOf(req.url) }),
                res: (res: { statusCode: number }) => ({ statusCode: res.statusCode }),
              },
              customLogLevel: (_req: IncomingMessage, res: ServerResponse, error?: Error) =>
                error || res.statusCode >= 500 ? 'error' : 'info',
            },
          }),
        }),
      ],
    };
  }
}
