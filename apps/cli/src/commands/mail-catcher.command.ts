import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { Command, CommandRunner, Option } from 'nest-commander';
import { SMTPServer } from 'smtp-server';

interface CatcherFlags {
  port: number;
  dir: string;
}

/**
 * A real SMTP server for development and tests: accepts every message on loopback and
 * keeps it as an .eml file, so invitations can be read without sending anything anywhere.
 */
@Command({ name: 'mail:catch', description: 'Run a local SMTP server that stores every message under a directory' })
export class MailCatcherCommand extends CommandRunner {
  @Option({ flags: '--port <port>', defaultValue: 1025 })
  parsePort(value: string): number {
    return Number(value);
  }

  @Option({ flags: '--dir <directory>', defaultValue: '.data/mail' })
  parseDir(value: string): string {
    return value;
  }

  async run(_args: string[], flags: CatcherFlags): Promise<void> {
    mkdirSync(flags.dir, { recursive: true });
    let received = 0;
    const server = new SMTPServer({
      authOptional: true,
      disabledCommands: ['STARTTLS', 'AUTH'],
      logger: false,
      onData(stream, _session, callback) {
        const chunks: Buffer[] = [];
        stream.on('data', (chunk: Buffer) => chunks.push(chunk));
        stream.on('end', () => {
          received += 1;
          writeFileSync(join(flags.dir, `${Date.now()}-${String(received).padStart(6, '0')}.eml`), Buffer.concat(chunks));
          callback();
        });
      },
    });
    await new Promise<void>((resolve) => server.listen(flags.port, '127.0.0.1', resolve));
    console.log(`mail catcher on 127.0.0.1:${flags.port}, storing messages in ${flags.dir}`);
    await new Promise<void>((resolve) => {
      process.once('SIGTERM', resolve);
      process.once('SIGINT', resolve);
    });
    await new Promise<void>((resolve) => server.close(() => resolve()));
  }
}
