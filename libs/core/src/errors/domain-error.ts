import { LocalizedText } from '../i18n/locale';

/**
 * What kind of failure a domain error is. The api maps kinds to HTTP statuses in one
 * filter; libraries never throw HttpException.
 */
export enum ErrorKind {
  Invalid = 'invalid',
  Unauthenticated = 'unauthenticated',
  Forbidden = 'forbidden',
  NotFound = 'not-found',
  Conflict = 'conflict',
  Gone = 'gone',
  PayloadTooLarge = 'payload-too-large',
  RateLimited = 'rate-limited',
  Unavailable = 'unavailable',
}

/** One bad input: which field, and why, in words a client can show. */
export interface FieldProblem {
  field: string;
  /** English reason; localised from `constraint` and `params` when those are known. */
  reason: string;
  constraint?: string;
  params?: Record<string, string | number>;
}

/**
 * Base of every module's error class. `code` is a stable machine-readable string from the
 * module's code enum; `message` is English for logs, and the api localises by code.
 */
export class DomainError<Code extends string = string> extends Error {
  /** Localised message templates by code; each module's subclass supplies its own. */
  static readonly messages: Readonly<Record<string, LocalizedText>> = {};

  /**
   * Localised templates of field-problem reasons by `constraint`, for problems a module
   * words itself (the api falls back to the class-validator reasons, then to `reason`).
   */
  static readonly reasons: Readonly<Record<string, LocalizedText>> = {};

  constructor(
    readonly code: Code,
    readonly kind: ErrorKind,
    message: string,
    readonly problems: FieldProblem[] = [],
    readonly params: Record<string, string | number> = {},
  ) {
    super(message);
    this.name = new.target.name;
  }
}

export enum CoreErrorCode {
  ValidationFailed = 'core.validation-failed',
  MalformedBody = 'core.malformed-body',
  PayloadTooLarge = 'core.payload-too-large',
  NotFound = 'core.not-found',
  RateLimited = 'core.rate-limited',
  Unavailable = 'core.unavailable',
}

export class CoreError extends DomainError<CoreErrorCode> {
  static override readonly messages: Record<CoreErrorCode, LocalizedText> = {
    [CoreErrorCode.ValidationFailed]: {
      kk: 'Сұрау деректері жарамсыз',
      ru: 'Данные запроса недопустимы',
      en: 'The request data is invalid',
    },
    [CoreErrorCode.MalformedBody]: {
      kk: 'Сұрау денесін оқу мүмкін емес: {reason}',
      ru: 'Не удалось прочитать тело запроса: {reason}',
      en: 'The request body could not be read: {reason}',
    },
    [CoreErrorCode.PayloadTooLarge]: {
      kk: 'Сұрау тым үлкен',
      ru: 'Запрос слишком большой',
      en: 'The request is too large',
    },
    [CoreErrorCode.NotFound]: {
      kk: 'Мұндай мекенжай жоқ',
      ru: 'Такого адреса нет',
      en: 'There is no such address',
    },
    [CoreErrorCode.RateLimited]: {
      kk: 'Тым көп әрекет. Кейінірек қайталаңыз',
      ru: 'Слишком много попыток. Повторите позже',
      en: 'Too many attempts. Try again later',
    },
    [CoreErrorCode.Unavailable]: {
      kk: 'Қызмет уақытша қолжетімсіз. Кейінірек қайталаңыз',
      ru: 'Сервис временно недоступен. Повторите позже',
      en: 'The service is temporarily unavailable. Try again later',
    },
  };
}
