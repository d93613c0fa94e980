import { Transform } from 'class-transformer';
import { IsIn, IsInt, IsOptional, IsString, IsUrl, Matches, Max, Min, MinLength } from 'class-validator';

const POSTGRES_URL = /^postgres(ql)?:\/\/[^\s:@/]+(:[^\s@/]*)?@[^\s/]+\/[^\s?]+(\?\S*)?$/;
const REDIS_URL = /^rediss?:\/\/\S+$/;
const toInt = ({ value }: { value: unknown }) => (value === undefined || value === '' ? undefined : Number(value));

/**
 * Every setting of every app. It is the only reader of the environment: `loadConfig`
 * validates it at boot and the apps refuse to start when anything is wrong.
 */
export class AppConfig {
  @IsIn(['development', 'test', 'production'])
  NODE_ENV: 'development' | 'test' | 'production' = 'development';

  /** Owner of the schemas: runs migrations and provisions the application roles. */
  @Matches(POSTGRES_URL, { message: 'must be a postgres:// URL with user and database' })
  DATABASE_URL: string;

  /** The evaluation side (surveys, responses, results) connects as this role. */
  @Matches(POSTGRES_URL, { message: 'must be a postgres:// URL with user and database' })
  DATABASE_EVALUATION_URL: string;

  /** The disciplinary side connects as this role; it has no grant on evaluation data. */
  @Matches(POSTGRES_URL, { message: 'must be a postgres:// URL with user and database' })
  DATABASE_DISCIPLINE_URL: string;

  @Matches(REDIS_URL, { message: 'must be a redis:// or rediss:// URL' })
  REDIS_URL: string;

  /** Prefix of every BullMQ key, so that test runs and deployments share a Redis safely. */
  @IsString()
  @Matches(/^[a-z0-9-]{1,40}$/, { message: 'must be 1-40 lowercase letters, digits or dashes' })
  QUEUE_PREFIX = 'jqc';

  @Transform(toInt)
  @IsInt()
  @Min(0)
  @Max(65535)
  API_PORT = 3000;

  @Transform(toInt)
  @IsInt()
  @Min(0)
  @Max(65535)
  WORKER_HEALTH_PORT = 3001;

  /** Address people use to reach the platform; links in e-mails start with it. */
  @IsUrl({ require_tld: false, protocols: ['http', 'https'], require_protocol: true })
  PUBLIC_URL = 'http://localhost:3000';

  /** Keys the session-id HMAC and the CSRF tokens. */
  @IsString()
  @MinLength(32, { message: 'must be at least 32 characters' })
  SESSION_SECRET: string;

  /** Keys the HMAC under which invitation tokens are stored. */
  @IsString()
  @MinLength(32, { message: 'must be at least 32 characters' })
  TOKEN_HMAC_SECRET: string;

  @Transform(toInt)
  @IsInt()
  @Min(60)
  @Max(7 * 24 * 3600)
  SESSION_TTL_SECONDS = 8 * 3600;

  @IsIn(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'])
  LOG_LEVEL: 'fatal' | 'error' | 'warn' | 'info' | 'debug' | 'trace' | 'silent' = 'info';

  /** Number of reverse proxies in front of the api, for the client address used by rate limits. */
  @Transform(toInt)
  @IsInt()
  @Min(0)
  @Max(5)
  TRUST_PROXY_HOPS = 0;

  /** Outgoing mail server. Locally, `npm start` runs a catcher that keeps every message under .data/mail. */
  @Matches(/^smtps?:\/\/\S+$/, { message: 'must be an smtp:// or smtps:// URL' })
  SMTP_URL = 'smtp://127.0.0.1:1025';

  /** Sender of invitations and reminders. */
  @IsString()
  @MinLength(3)
  MAIL_FROM = 'Сот төрелігі сапасы жөніндегі комиссия <no-reply@sud.kz>';

  /** Largest register file (.xlsx or .csv) accepted for import. */
  @Transform(toInt)
  @IsInt()
  @Min(1024)
  @Max(200 * 1024 * 1024)
  REGISTER_IMPORT_MAX_BYTES = 20 * 1024 * 1024;

  /** How often the worker re-queues from the database what lost jobs left undone (closing, invitations, finalising, results). */
  @Transform(toInt)
  @IsInt()
  @Min(1)
  @Max(3600)
  RECONCILE_EVERY_SECONDS = 300;

  @IsOptional()
  @IsString()
  DEMO_PASSWORD?: string;

  get cookieSecure(): boolean {
    return this.PUBLIC_URL.startsWith('https://');
  }
}
