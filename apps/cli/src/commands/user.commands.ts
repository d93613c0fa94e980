import { NestFactory } from '@nestjs/core';
import { Command, CommandRunner, Option } from 'nest-commander';
import { AppConfig, ErrorKind, isLocale, LOCALES } from '@app/core';
import { AuthError, AuthErrorCode, Role, ROLES, UserService } from '@app/auth';
import { JudgeAccountsService } from '@app/registry';
import { DataModule } from '../data.module';

/** Demo accounts, one per role, created only when the database has no account at all. */
export const DEMO_ACCOUNTS: { login: string; displayName: string; role: Role }[] = [
  { login: 'admin', displayName: 'Әкімші / Администратор / Administrator', role: Role.Admin },
  { login: 'commission', displayName: 'Сот төрелігінің сапасы жөніндегі комиссия', role: Role.Commission },
  { login: 'hr', displayName: 'Сот әкімшілігі, кадр қызметі', role: Role.Hr },
  { login: 'judge', displayName: 'Судья (демо)', role: Role.Judge },
  { login: 'jury', displayName: 'Сот алқасы (демо)', role: Role.Jury },
];

@Command({ name: 'seed:demo', description: 'Create the demo accounts when the database has no account (needs DEMO_PASSWORD)' })
export class SeedDemoCommand extends CommandRunner {
  constructor(private readonly config: AppConfig) {
    super();
  }

  async run(): Promise<void> {
    const password = this.config.DEMO_PASSWORD;
    if (!password) throw new Error('DEMO_PASSWORD is not set; demo accounts are for local and demo setups only');
    const app = await NestFactory.createApplicationContext(DataModule, { logger: ['error', 'warn'] });
    try {
      const users = app.get(UserService);
      if ((await users.count()) > 0) {
        console.log('seed: accounts exist, nothing to do');
        return;
      }
      for (const account of DEMO_ACCOUNTS) {
        await users.create(null, { ...account, password, locale: 'kk' });
      }
      console.log(`seed: created ${DEMO_ACCOUNTS.map((a) => a.login).join(', ')}`);
    } finally {
      await app.close();
    }
  }
}

interface CreateUserOptions {
  login: string;
  name: string;
  role: Role;
  locale: string;
}

@Command({
  name: 'user:create',
  description: 'Create an account; the password is read from standard input',
})
export class CreateUserCommand extends CommandRunner {
  async run(_args: string[], options: CreateUserOptions): Promise<void> {
    const password = (await readPassword()).trim();
    if (password.length < 12) throw new Error('password: must be at least 12 characters');
    if (!isLocale(options.locale)) throw new Error(`--locale: must be one of ${LOCALES.join(', ')}`);
    const app = await NestFactory.createApplicationContext(DataModule, { logger: ['error', 'warn'] });
    try {
      const user = await app.get(UserService).create(null, {
        login: options.login,
        displayName: options.name,
        role: options.role,
        password,
        locale: options.locale,
      });
      console.log(`created ${user.login} (${user.role})`);
    } finally {
      await app.close();
    }
  }

  @Option({ flags: '--login <login>', required: true })
  parseLogin(value: string): string {
    return value;
  }

  @Option({ flags: '--name <display name>', required: true })
  parseName(value: string): string {
    return value;
  }

  @Option({ flags: '--role <role>', required: true, choices: ROLES })
  parseRole(value: string): Role {
    return value as Role;
  }

  @Option({ flags: '--locale <kk|ru|en>', defaultValue: 'kk' })
  parseLocale(value: string): string {
    return value;
  }
}

interface LinkJudgeOptions {
  login: string;
  personnelNumber?: string;
  unlink?: boolean;
}

@Command({
  name: 'user:link-judge',
  description: "Link a judge account to its judge in the register (by personnel number), so the judge can read their own peer feedback; --unlink removes the link",
})
export class LinkJudgeCommand extends CommandRunner {
  async run(_args: string[], options: LinkJudgeOptions): Promise<void> {
    if (!options.unlink === !options.personnelNumber) throw new Error('give either --personnel-number <number> or --unlink');
    const app = await NestFactory.createApplicationContext(DataModule, { logger: ['error', 'warn'] });
    try {
      const account = await app.get(UserService).byLogin(options.login);
      if (!account) throw new AuthError(AuthErrorCode.UserNotFound, ErrorKind.NotFound, `no account with login ${options.login}`);
      const judgeAccounts = app.get(JudgeAccountsService);
      const linked = options.unlink ? await judgeAccounts.unlink(null, account.id) : await judgeAccounts.link(null, account.id, options.personnelNumber!);
      console.log(linked.judgeId ? `linked ${linked.login} to judge ${options.personnelNumber}` : `unlinked ${linked.login}`);
    } finally {
      await app.close();
    }
  }

  @Option({ flags: '--login <login>', required: true })
  parseLogin(value: string): string {
    return value;
  }

  @Option({ flags: '--personnel-number <number>' })
  parsePersonnelNumber(value: string): string {
    return value;
  }

  @Option({ flags: '--unlink' })
  parseUnlink(): boolean {
    return true;
  }
}

async function readPassword(): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const chunk of process.stdin) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks).toString('utf8');
}
