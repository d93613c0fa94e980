import { AddressInfo } from 'node:net';
import PostalMime from 'postal-mime';
import { SMTPServer } from 'smtp-server';

export interface SmtpCatcher {
  url: string;
  /** Recipients of every message received so far. */
  recipients(): Promise<string[]>;
  stop(): Promise<void>;
}

/** A real SMTP server on a free loopback port, keeping messages in memory, for integration tests. */
export async function startSmtpCatcher(): Promise<SmtpCatcher> {
  const raw: string[] = [];
  const server = new SMTPServer({
    authOptional: true,
    disabledCommands: ['STARTTLS', 'AUTH'],
    logger: false,
    onData(stream, _session, callback) {
      const chunks: Buffer[] = [];
      stream.on('data', (chunk: Buffer) => chunks.push(chunk));
      stream.on('end', () => {
        raw.push(Buffer.concat(chunks).toString('utf8'));
        callback();
      });
    },
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.server.address() as AddressInfo;
  return {
    url: `smtp://127.0.0.1:${port}`,
    async recipients() {
      const parsed = await Promise.all(raw.map((message) => PostalMime.parse(message)));
      return parsed.flatMap((mail) => (mail.to ?? []).map((address) => ('address' in address ? (address.address ?? '') : '')));
    },
    stop: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}
