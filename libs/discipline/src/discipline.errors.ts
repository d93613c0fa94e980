import { DomainError, ErrorKind, FieldProblem, formatText, LocalizedText } from '@app/core';

export enum DisciplineErrorCode {
  ProceedingNotFound = 'discipline.proceeding-not-found',
  InvalidValue = 'discipline.invalid-value',
  TransitionNotAllowed = 'discipline.transition-not-allowed',
  AlreadyDecided = 'discipline.already-decided',
  FieldRequired = 'discipline.field-required',
  FieldNotApplicable = 'discipline.field-not-applicable',
  SanctionNeedsHearing = 'discipline.sanction-needs-hearing',
  InvalidDate = 'discipline.invalid-date',
  DateOutOfOrder = 'discipline.date-out-of-order',
  DateInFuture = 'discipline.date-in-future',
  AppealNotAllowed = 'discipline.appeal-not-allowed',
  AppealAlreadyFiled = 'discipline.appeal-already-filed',
  AppealNotFiled = 'discipline.appeal-not-filed',
  AppealAlreadyDecided = 'discipline.appeal-already-decided',
  ReferenceTaken = 'discipline.reference-taken',
}

/**
 * Reasons given per field (`FieldProblem.constraint`) that class-validator has no word for.
 * The api's error filter localises them like the validation reasons of core.
 */
export enum DisciplineReason {
  NextStage = 'nextStage',
  FinalStage = 'finalStage',
  NotApplicable = 'notApplicable',
  NeedsHearing = 'needsHearing',
  NotBefore = 'notBefore',
  NotInFuture = 'notInFuture',
  MustBeDecided = 'mustBeDecided',
  AlreadyRecorded = 'alreadyRecorded',
  NotRecorded = 'notRecorded',
  AlreadyTaken = 'alreadyTaken',
  Duplicate = 'duplicate',
  NoSuchProceeding = 'noSuchProceeding',
}

export class DisciplineError extends DomainError<DisciplineErrorCode> {
  static override readonly messages: Record<DisciplineErrorCode, LocalizedText> = {
    [DisciplineErrorCode.ProceedingNotFound]: {
      kk: 'Мұндай тәртіптік іс жүргізу жоқ',
      ru: 'Такого дисциплинарного производства нет',
      en: 'There is no such disciplinary proceeding',
    },
    [DisciplineErrorCode.InvalidValue]: {
      kk: '«{field}» өрісінің мәні белгісіз. Рұқсат етілген мәндер: {values}',
      ru: 'Недопустимое значение поля «{field}». Допустимые значения: {values}',
      en: 'The value of "{field}" is not known. Accepted values: {values}',
    },
    [DisciplineErrorCode.TransitionNotAllowed]: {
      kk: '«{from}» кезеңіндегі іс жүргізуді «{to}» кезеңіне ауыстыруға болмайды. Келесі кезеңдер: {allowed}',
      ru: 'Производство на стадии «{from}» нельзя перевести на стадию «{to}». Следующие стадии: {allowed}',
      en: 'A proceeding at stage "{from}" cannot move to stage "{to}". Next stages: {allowed}',
    },
    [DisciplineErrorCode.AlreadyDecided]: {
      kk: 'Іс жүргізу бойынша шешім қабылданған, оның кезеңі енді өзгермейді. Шағымды жеке тіркеңіз',
      ru: 'По производству принято решение, его стадия больше не меняется. Жалобу регистрируйте отдельно',
      en: 'The proceeding is decided and its stage can no longer change. Record an appeal instead',
    },
    [DisciplineErrorCode.FieldRequired]: {
      kk: '«{to}» кезеңіне ауыстыру үшін «{field}» өрісі міндетті',
      ru: 'Для перехода на стадию «{to}» обязательно поле «{field}»',
      en: 'Moving to stage "{to}" requires "{field}"',
    },
    [DisciplineErrorCode.FieldNotApplicable]: {
      kk: '«{field}» өрісі бұл өзгеріс үшін қабылданбайды',
      ru: 'Поле «{field}» не принимается для этого изменения',
      en: '"{field}" is not accepted for this change',
    },
    [DisciplineErrorCode.SanctionNeedsHearing]: {
      kk: 'Тәртіптік жаза тек отырыста қараудан кейін қолданылады. «{from}» кезеңінен іс жүргізуді тек тоқтатуға болады',
      ru: 'Взыскание налагается только после рассмотрения на заседании. Со стадии «{from}» производство можно только прекратить',
      en: 'A sanction can be imposed only after a hearing. From stage "{from}" the proceedings can only be closed',
    },
    [DisciplineErrorCode.InvalidDate]: {
      kk: '«{field}» өрісі ЖЖЖЖ-АА-КК түріндегі күн болуы керек',
      ru: 'Поле «{field}» должно быть датой в формате ГГГГ-ММ-ДД',
      en: '"{field}" must be a calendar date, YYYY-MM-DD',
    },
    [DisciplineErrorCode.DateOutOfOrder]: {
      kk: '«{field}» күні ({date}) {min} күнінен ерте болмауы керек',
      ru: 'Дата «{field}» ({date}) не может быть раньше {min}',
      en: 'The date "{field}" ({date}) cannot be earlier than {min}',
    },
    [DisciplineErrorCode.DateInFuture]: {
      kk: '«{field}» күні ({date}) әлі келмеген',
      ru: 'Дата «{field}» ({date}) ещё не наступила',
      en: 'The date "{field}" ({date}) is in the future',
    },
    [DisciplineErrorCode.AppealNotAllowed]: {
      kk: 'Шағым тек шешім қабылданған іс жүргізу бойынша тіркеледі',
      ru: 'Жалоба регистрируется только по производству, по которому принято решение',
      en: 'An appeal can be recorded only against a decided proceeding',
    },
    [DisciplineErrorCode.AppealAlreadyFiled]: {
      kk: 'Бұл шешімге Жоғары Сот Кеңесіне шағым тіркеліп қойған',
      ru: 'Жалоба в Высший Судебный Совет на это решение уже зарегистрирована',
      en: 'An appeal to the Supreme Judicial Council against this decision is already recorded',
    },
    [DisciplineErrorCode.AppealNotFiled]: {
      kk: 'Алдымен шағымды тіркеңіз, содан кейін оның нәтижесін',
      ru: 'Сначала зарегистрируйте жалобу, затем её результат',
      en: 'Record the appeal before its outcome',
    },
    [DisciplineErrorCode.AppealAlreadyDecided]: {
      kk: 'Шағымның нәтижесі тіркеліп қойған',
      ru: 'Результат жалобы уже зарегистрирован',
      en: 'The outcome of the appeal is already recorded',
    },
    [DisciplineErrorCode.ReferenceTaken]: {
      kk: '«{reference}» тіркеу нөмірі бос емес',
      ru: 'Регистрационный номер «{reference}» уже занят',
      en: 'The reference "{reference}" is already taken',
    },
  };

  static override readonly reasons: Record<DisciplineReason, LocalizedText> = {
    [DisciplineReason.NextStage]: {
      kk: 'келесі кезеңдердің бірі болуы керек: {allowed}',
      ru: 'должно быть одной из следующих стадий: {allowed}',
      en: 'must be one of the next stages: {allowed}',
    },
    [DisciplineReason.FinalStage]: {
      kk: '«{from}» кезеңінен кейін басқа кезең жоқ',
      ru: 'после стадии «{from}» стадий нет',
      en: 'no stage follows "{from}"',
    },
    [DisciplineReason.NotApplicable]: {
      kk: 'бұл өзгеріс үшін қабылданбайды',
      ru: 'не принимается для этого изменения',
      en: 'is not accepted for this change',
    },
    [DisciplineReason.NeedsHearing]: {
      kk: 'тәртіптік жаза тек отырыста қараудан кейін қолданылады',
      ru: 'взыскание налагается только после рассмотрения на заседании',
      en: 'a sanction can be imposed only after a hearing',
    },
    [DisciplineReason.NotBefore]: {
      kk: '{min} күнінен ерте болмауы керек',
      ru: 'не может быть раньше {min}',
      en: 'cannot be earlier than {min}',
    },
    [DisciplineReason.NotInFuture]: {
      kk: 'бүгінгі күннен ({max}) кеш болмауы керек',
      ru: 'не может быть позже сегодняшнего дня ({max})',
      en: 'cannot be later than today ({max})',
    },
    [DisciplineReason.MustBeDecided]: {
      kk: 'шешім қабылданған болуы керек',
      ru: 'по производству должно быть принято решение',
      en: 'must be decided',
    },
    [DisciplineReason.AlreadyRecorded]: {
      kk: 'тіркеліп қойған',
      ru: 'уже зарегистрировано',
      en: 'is already recorded',
    },
    [DisciplineReason.NotRecorded]: {
      kk: 'тіркелмеген',
      ru: 'не зарегистрировано',
      en: 'is not recorded',
    },
    [DisciplineReason.AlreadyTaken]: {
      kk: 'бос емес',
      ru: 'уже занято',
      en: 'is already taken',
    },
    [DisciplineReason.Duplicate]: {
      kk: 'мәндер қайталанбауы керек',
      ru: 'значения не должны повторяться',
      en: 'must not repeat a value',
    },
    [DisciplineReason.NoSuchProceeding]: {
      kk: 'мұндай іс жүргізу жоқ',
      ru: 'такого производства нет',
      en: 'no such proceeding',
    },
  };
}

/** A field problem with one of the reasons above; `reason` is the English text, for logs. */
export function disciplineProblem(field: string, constraint: DisciplineReason, params: Record<string, string | number> = {}): FieldProblem {
  return { field, constraint, params, reason: formatText(DisciplineError.reasons[constraint].en, params) };
}

/** A value outside its code list, reported like class-validator's `isIn`. */
export function invalidValue(field: string, accepted: readonly string[]): DisciplineError {
  const values = accepted.join(', ');
  return new DisciplineError(
    DisciplineErrorCode.InvalidValue,
    ErrorKind.Invalid,
    `${field}: not one of ${values}`,
    [{ field, reason: `must be one of: ${values}`, constraint: 'isIn', params: { values } }],
    { field, values },
  );
}

export function notFound(): DisciplineError {
  return new DisciplineError(DisciplineErrorCode.ProceedingNotFound, ErrorKind.NotFound, 'No such proceeding', [
    disciplineProblem('id', DisciplineReason.NoSuchProceeding),
  ]);
}
