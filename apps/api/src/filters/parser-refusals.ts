import type { Server } from 'node:http';
import { STATUS_CODES } from 'node:http';
import type { Duplex } from 'node:stream';
import { CoreError, CoreErrorCode, formatText, LOCALES } from '@app/core';
import type { ErrorBody } from './error.filter';

/**
 * Requests node's HTTP parser refuses before any route runs (a URL or headers over its limit,
 * broken HTTP) get the same coded JSON as every other refusal. No header could be read, so the
 * message is given in all three languages.
 */
export function answerParserRefusals(server: Server): void {
  server.on('clientError', (error: NodeJS.ErrnoException, socket: Duplex) => {
    if (error.code === 'ECONNRESET' || !socket.writable) {
      socket.destroy();
      return;
    }
    const tooLarge = error.code === 'HPE_HEADER_OVERFLOW';
    const [statusCode, code] = tooLarge ? [431, CoreErrorCode.PayloadTooLarge] : [400, CoreErrorCode.MalformedBody];
    const message = LOCALES.map((locale) => formatText(CoreError.messages[code][locale], { reason: 'malformed HTTP' })).join(' / ');
    const body = JSON.stringify({ statusCode, code, message, problems: [] } satisfies ErrorBody);
    socket.end(
      `HTTP/1.1 ${statusCode} ${STATUS_CODES[statusCode]}\r\nContent-Type: application/json; charset=utf-8\r\nContent-Length: ${Buffer.byteLength(body)}\r\nConnection: close\r\n\r\n${body}`,
    );
  });
}
