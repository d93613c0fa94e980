import { DomainError, ErrorKind, FieldProblem, LocalizedText } from '@app/core';

export enum AggregationErrorCode {
  InvalidThresholds = 'aggregation.invalid-thresholds',
  InvalidScale = 'aggregation.invalid-scale',
  InvalidAnswer = 'aggregation.invalid-answer',
  InvalidCatalogue = 'aggregation.invalid-catalogue',
  TableNotInCatalogue = 'aggregation.table-not-in-catalogue',
  FilterNotAllowed = 'aggregation.filter-not-allowed',
  NegationNotAllowed = 'aggregation.negation-not-allowed',
  UnknownCell = 'aggregation.unknown-cell',
  InconsistentInput = 'aggregation.inconsistent-input',
  AuditFailed = 'aggregation.audit-failed',
  SolverFailed = 'aggregation.solver-failed',
  ResultsLocked = 'aggregation.results-locked',
  ResultsNotReady = 'aggregation.results-not-ready',
  UnknownRelease = 'aggregation.unknown-release',
  SnapshotMismatch = 'aggregation.snapshot-mismatch',
}

/** The kind of each code, so callers never pick one by hand. */
const KIND: Record<AggregationErrorCode, ErrorKind> = {
  [AggregationErrorCode.InvalidThresholds]: ErrorKind.Invalid,
  [AggregationErrorCode.InvalidScale]: ErrorKind.Invalid,
  [AggregationErrorCode.InvalidAnswer]: ErrorKind.Invalid,
  [AggregationErrorCode.InvalidCatalogue]: ErrorKind.Invalid,
  [AggregationErrorCode.TableNotInCatalogue]: ErrorKind.Forbidden,
  [AggregationErrorCode.FilterNotAllowed]: ErrorKind.Forbidden,
  [AggregationErrorCode.NegationNotAllowed]: ErrorKind.Forbidden,
  [AggregationErrorCode.UnknownCell]: ErrorKind.Invalid,
  [AggregationErrorCode.InconsistentInput]: ErrorKind.Invalid,
  [AggregationErrorCode.AuditFailed]: ErrorKind.Conflict,
  [AggregationErrorCode.SolverFailed]: ErrorKind.Unavailable,
  [AggregationErrorCode.ResultsLocked]: ErrorKind.Conflict,
  [AggregationErrorCode.ResultsNotReady]: ErrorKind.Conflict,
  [AggregationErrorCode.UnknownRelease]: ErrorKind.NotFound,
  [AggregationErrorCode.SnapshotMismatch]: ErrorKind.Conflict,
};

/**
 * Errors of the protected aggregation. Refusals of a table request (not in the catalogue,
 * a filter, a negation) are `forbidden`; a release that cannot be proven safe is
 * `aggregation.audit-failed`: the snapshot is refused, never published unaudited.
 */
export class AggregationError extends DomainError<AggregationErrorCode> {
  static override readonly messages: Record<AggregationErrorCode, LocalizedText> = {
    [AggregationErrorCode.InvalidThresholds]: {
      kk: 'Анонимдік шектері жарамсыз немесе ең төменгі мәннен кіші',
      ru: 'Пороги анонимности недопустимы или ниже минимально допустимых',
      en: 'The anonymity thresholds are invalid or below their floor',
    },
    [AggregationErrorCode.InvalidScale]: {
      kk: 'Жауап шкаласы жарамсыз',
      ru: 'Недопустимая шкала ответов',
      en: 'The answer scale is invalid',
    },
    [AggregationErrorCode.InvalidAnswer]: {
      kk: 'Жауап шкаладан тыс: {value}',
      ru: 'Ответ вне шкалы: {value}',
      en: 'An answer is outside the scale: {value}',
    },
    [AggregationErrorCode.InvalidCatalogue]: {
      kk: 'Кестелер каталогы жарамсыз: {reason}',
      ru: 'Недопустимый каталог таблиц: {reason}',
      en: 'The table catalogue is invalid: {reason}',
    },
    [AggregationErrorCode.TableNotInCatalogue]: {
      kk: 'Бұл кесте науқан каталогында жоқ',
      ru: 'Этой таблицы нет в каталоге кампании',
      en: 'This table is not in the campaign catalogue',
    },
    [AggregationErrorCode.FilterNotAllowed]: {
      kk: 'Еркін сүзгілерге рұқсат жоқ: тек каталог кестелері',
      ru: 'Произвольные фильтры запрещены: доступны только таблицы каталога',
      en: 'Free filters are not allowed: only catalogue tables can be requested',
    },
    [AggregationErrorCode.NegationNotAllowed]: {
      kk: '«…-дан басқасы» түріндегі сұрауларға рұқсат жоқ',
      ru: 'Запросы вида «все, кроме …» запрещены',
      en: 'Requests of the form "all except …" are not allowed',
    },
    [AggregationErrorCode.UnknownCell]: {
      kk: 'Каталогта мұндай ұяшық жоқ: {key}',
      ru: 'В каталоге нет такой ячейки: {key}',
      en: 'There is no such cell in the catalogue: {key}',
    },
    [AggregationErrorCode.InconsistentInput]: {
      kk: 'Жиынтық деректері өзара сәйкес емес: {reason}',
      ru: 'Данные для агрегирования противоречивы: {reason}',
      en: 'The aggregation input is inconsistent: {reason}',
    },
    [AggregationErrorCode.AuditFailed]: {
      kk: 'Ашу аудиті өтпеді: нәтижелер жарияланбайды',
      ru: 'Аудит раскрытия не пройден: результаты не публикуются',
      en: 'The disclosure audit did not pass: the results are not published',
    },
    [AggregationErrorCode.SolverFailed]: {
      kk: 'Аудит шешушісі жұмысын аяқтай алмады',
      ru: 'Решатель аудита не смог завершить работу',
      en: 'The audit solver could not finish',
    },
    [AggregationErrorCode.ResultsLocked]: {
      kk: 'Науқан {status}: жиналып жатқанда тек жалпы жауап беру деңгейі көрінеді, нәтижелер жабылғаннан кейін шығады',
      ru: 'Кампания {status}: во время сбора видна только общая доля ответивших, результаты появятся после закрытия',
      en: 'The campaign is {status}: while it collects answers only the overall response rate is visible; results come after it closes',
    },
    [AggregationErrorCode.ResultsNotReady]: {
      kk: 'Нәтижелер әлі есептелуде',
      ru: 'Результаты ещё рассчитываются',
      en: 'The results are still being computed',
    },
    [AggregationErrorCode.UnknownRelease]: {
      kk: 'Нәтижелердің мұндай шығарылымы жоқ: {release}',
      ru: 'Такого выпуска результатов нет: {release}',
      en: 'There is no such release of the results: {release}',
    },
    [AggregationErrorCode.SnapshotMismatch]: {
      kk: 'Қайта есептеу сақталған нәтижелерден өзгеше: {release} шығарылымы',
      ru: 'Пересчёт отличается от сохранённых результатов: выпуск {release}',
      en: 'A recomputation differs from the stored results: release {release}',
    },
  };

  constructor(code: AggregationErrorCode, message: string, params: Record<string, string | number> = {}, problems: FieldProblem[] = []) {
    super(code, KIND[code], message, problems, params);
  }
}
