import { createParamDecorator, ExecutionContext } from '@nestjs/common';
import type { Request } from 'express';
import { Locale, resolveLocale } from '@app/core';

/** The language of the request: `?lang=`, then the `jqc_lang` cookie, then Accept-Language, then Kazakh. */
export const RequestLocale = createParamDecorator((_data: unknown, context: ExecutionContext): Locale => {
  const request = context.switchToHttp().getRequest<Request>();
  return resolveLocale(request.query.lang ?? request.cookies?.jqc_lang, request.headers['accept-language']);
});
