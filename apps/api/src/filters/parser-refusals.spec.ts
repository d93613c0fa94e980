import { createServer, Server } from 'node:http';
import { once } from 'node:events';
import { connect } from 'node:net';
import { answerParserRefusals } from './parser-refusals';

/** Sends raw bytes and reads the whole answer: the refusals happen below any HTTP client's checks. */
async function raw(port: number, bytes: string): Promise<string> {
  const socket = connect(port, '127.0.0.1');
  let answer = '';
  socket.on('data', (chunk) => (answer += chunk));
  socket.write(bytes);
  await once(socket, 'close');
  return answer;
}

describe('refusals by the HTTP parser', () => {
  let server: Server;
  let port: number;

  beforeAll(async () => {
    server = createServer((_request, response) => response.end('route ran'));
    answerParserRefusals(server);
    server.listen(0, '127.0.0.1');
    await once(server, 'listening');
    port = (server.address() as { port: number }).port;
  });

  afterAll(() => server.close());

  it('answers a URL over the header limit with a coded 431 in kk, ru and en', async () => {
    const answer = await raw(port, `GET /api/campaigns?q=${'A'.repeat(20_000)} HTTP/1.1\r\nHost: x\r\n\r\n`);
    expect(answer).toMatch(/^HTTP\/1.1 431 /);
    const body = JSON.parse(answer.slice(answer.indexOf('\r\n\r\n') + 4));
    expect(body).toEqual({ statusCode: 431, code: 'core.payload-too-large', message: 'Сұрау тым үлкен / Запрос слишком большой / The request is too large', problems: [] });
  });

  it('answers broken HTTP with a coded 400', async () => {
    const answer = await raw(port, 'NOT HTTP AT ALL\r\n\r\n');
    expect(answer).toMatch(/^HTTP\/1.1 400 /);
    expect(JSON.parse(answer.slice(answer.indexOf('\r\n\r\n') + 4)).code).toBe('core.malformed-body');
  });
});
