import { DomainError, LocalizedText } from '@app/core';

export enum ReportsErrorCode {
  UnknownExport = 'reports.unknown-export',
  NotReady = 'reports.not-ready',
  NotYours = 'reports.not-yours',
  NotAJudge = 'reports.not-a-judge',
  NoFeedback = 'reports.no-feedback',
  NoSurveyReport = 'reports.no-survey-report',
  UnknownComment = 'reports.unknown-comment',
  RedactionEmpty = 'reports.redaction-empty',
  CommentsLocked = 'reports.comments-locked',
}

export class ReportsError extends DomainError<ReportsErrorCode> {
  static override readonly messages: Record<ReportsErrorCode, LocalizedText> = {
    [ReportsErrorCode.UnknownExport]: { kk: 'Мұндай экспорт жоқ', ru: 'Такого экспорта нет', en: 'No such export' },
    [ReportsErrorCode.NotReady]: {
      kk: 'Файл әлі дайын емес (күйі: {status})',
      ru: 'Файл ещё не готов (состояние: {status})',
      en: 'The file is not ready yet (it is {status})',
    },
    [ReportsErrorCode.NotYours]: {
      kk: 'Бұл басқа судьяның жеке есебі',
      ru: 'Это личный отчёт другого судьи',
      en: 'This is another judge’s own report',
    },
    [ReportsErrorCode.NotAJudge]: {
      kk: 'Бұл тіркелгі ешбір судьяға байланбаған',
      ru: 'Эта учётная запись не связана ни с одним судьёй',
      en: 'This account belongs to no judge',
    },
    [ReportsErrorCode.NoFeedback]: {
      kk: 'Сіз үшін жарияланған әріптестік бағалау нәтижесі жоқ',
      ru: 'Для вас нет опубликованных результатов взаимной оценки',
      en: 'There is no published peer-review feedback for you',
    },
    [ReportsErrorCode.NoSurveyReport]: {
      kk: 'Әріптестік бағалаудың тек жеке есептері бар',
      ru: 'У взаимной оценки есть только личные отчёты судей',
      en: 'A peer-review round has personal feedback reports only',
    },
    [ReportsErrorCode.UnknownComment]: { kk: 'Бұл науқанда мұндай пікір жоқ', ru: 'В этой кампании нет такого комментария', en: 'There is no such comment in this campaign' },
    [ReportsErrorCode.RedactionEmpty]: {
      kk: 'Өңделген мәтін бос болмауы керек',
      ru: 'Отредактированный текст не может быть пустым',
      en: 'The redacted text must not be empty',
    },
    [ReportsErrorCode.CommentsLocked]: {
      kk: 'Науқан {status}: пікірлер ол жабылғаннан кейін ғана оқылады',
      ru: 'Кампания {status}: комментарии можно читать только после её закрытия',
      en: 'The campaign is {status}: comments can be read only after it closes',
    },
  };
}
