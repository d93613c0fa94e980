import { INestApplication, ValidationPipe } from '@nestjs/common';
import { NestExpressApplication } from '@nestjs/platform-express';
import { DocumentBuilder, SwaggerModule } from '@nestjs/swagger';
import cookieParser from 'cookie-parser';
import helmet from 'helmet';
import { AppConfig, CoreError, CoreErrorCode, ErrorKind, toFieldProblems } from '@app/core';
import { SESSION_COOKIE } from '@app/auth';
import { ErrorFilter } from './filters/error.filter';
import { answerParserRefusals } from './filters/parser-refusals';

/** Everything the api does to a request before and after its route: headers, parsing, validation, errors, docs. */
export function configureApp(app: NestExpressApplication, config: AppConfig): INestApplication {
  app.set('trust proxy', config.TRUST_PROXY_HOPS);
  app.disable('x-powered-by');
  // Behind plain http (local runs) neither HSTS nor upgrading requests makes sense.
  const https = config.cookieSecure;
  app.use(
    helmet({
      contentSecurityPolicy: {
        directives: {
          defaultSrc: ["'self'"],
          scriptSrc: ["'self'"],
          styleSrc: ["'self'", "'unsafe-inline'"],
          imgSrc: ["'self'", 'data:'],
          upgradeInsecureRequests: https ? [] : null,
        },
      },
      strictTransportSecurity: https,
      referrerPolicy: { policy: 'no-referrer' },
    }),
  );
  app.use(cookieParser());
  app.useBodyParser('json', { limit: '1mb' });
  app.useGlobalPipes(
    new ValidationPipe({
      whitelist: true,
      forbidNonWhitelisted: true,
      transform: true,
      // toFieldProblems reads each failed constraint's parameters (the accepted values of
      // isIn, the bounds of min/max) from the error's target; Nest drops the target by
      // default. The target never leaves the server, and the rejected values are not kept.
      validationError: { target: true, value: false },
      exceptionFactory: (errors) =>
        new CoreError(CoreErrorCode.ValidationFailed, ErrorKind.Invalid, 'Validation failed', toFieldProblems(errors)),
    }),
  );
  app.useGlobalFilters(new ErrorFilter());
  answerParserRefusals(app.getHttpServer());
  app.enableShutdownHooks();

  const document = SwaggerModule.createDocument(
    app,
    new DocumentBuilder()
      .setTitle('Judicial evaluation and court-staff survey platform')
      .setDescription('Commission, HR, judges and the Judicial Jury. Every route is denied unless its role allows it.')
      .setVersion('1')
      .addCookieAuth(SESSION_COOKIE)
      .build(),
  );
  SwaggerModule.setup('api/docs', app, document);
  return app;
}
