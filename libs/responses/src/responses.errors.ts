import { DomainError, LocalizedText } from '@app/core';
import { InstrumentsError } from '@app/instruments';

export enum ResponsesErrorCode {
  TokenInvalid = 'responses.token-invalid',
  SessionExpired = 'responses.session-expired',
  AlreadyAnswered = 'responses.already-answered',
  SubmissionInProgress = 'responses.submission-in-progress',
  CampaignClosed = 'responses.campaign-closed',
  InvalidAnswers = 'responses.invalid-answers',
  TooManyOpenings = 'responses.too-many-openings',
}

export class ResponsesError extends DomainError<ResponsesErrorCode> {
  /** Answers are checked by the instruments' validator; its problems carry its reasons. */
  static override readonly reasons = InstrumentsError.reasons;

  static override readonly messages: Record<ResponsesErrorCode, LocalizedText> = {
    [ResponsesErrorCode.TokenInvalid]: {
      kk: 'Шақыру сілтемесі жарамсыз немесе мерзімі өтіп кеткен',
      ru: 'Ссылка-приглашение недействительна или её срок истёк',
      en: 'The invitation link is not valid or has expired',
    },
    [ResponsesErrorCode.SessionExpired]: {
      kk: 'Сеанс аяқталды. Шақыру хаттағы сілтемені қайта ашыңыз',
      ru: 'Сеанс завершён. Откройте ссылку из письма-приглашения ещё раз',
      en: 'Your session has ended. Open the link from your invitation again',
    },
    [ResponsesErrorCode.AlreadyAnswered]: {
      kk: 'Бұл шақыру бойынша жауап қабылданып қойған',
      ru: 'Ответ по этому приглашению уже принят',
      en: 'An answer has already been recorded for this invitation',
    },
    [ResponsesErrorCode.SubmissionInProgress]: {
      kk: 'Осы шақыру бойынша басқа жауап жазылып жатыр',
      ru: 'По этому приглашению уже записывается другой ответ',
      en: 'Another answer for this invitation is being recorded',
    },
    [ResponsesErrorCode.CampaignClosed]: {
      kk: 'Сауалнама аяқталды, жауаптар енді қабылданбайды',
      ru: 'Опрос завершён, ответы больше не принимаются',
      en: 'The survey has closed and no longer accepts answers',
    },
    [ResponsesErrorCode.InvalidAnswers]: {
      kk: 'Кейбір жауаптарды түзету қажет',
      ru: 'Некоторые ответы нужно исправить',
      en: 'Some answers need correcting',
    },
    [ResponsesErrorCode.TooManyOpenings]: {
      kk: 'Бұл шақыру сілтемесі тым жиі ашылды. {minutes} минуттан кейін қайталаңыз',
      ru: 'Эту ссылку-приглашение открывали слишком часто. Повторите через {minutes} мин',
      en: 'This invitation link was opened too often. Try again in {minutes} minutes',
    },
  };
}
