import { DomainError, LocalizedText } from '@app/core';

export enum AssignmentErrorCode {
  InvalidOption = 'campaigns.assignment-invalid-option',
  ReviewersBelowFloor = 'campaigns.assignment-reviewers-below-floor',
  MaxBelowMin = 'campaigns.assignment-max-below-min',
  InvalidJudge = 'campaigns.assignment-invalid-judge',
  DuplicateJudge = 'campaigns.assignment-duplicate-judge',
  InconsistentCourt = 'campaigns.assignment-inconsistent-court',
  Infeasible = 'campaigns.assignment-infeasible',
}

export class AssignmentError extends DomainError<AssignmentErrorCode> {
  static override readonly messages: Record<AssignmentErrorCode, LocalizedText> = {
    [AssignmentErrorCode.InvalidOption]: {
      kk: 'Тағайындау параметрі жарамсыз: {option}',
      ru: 'Недопустимый параметр распределения: {option}',
      en: 'Invalid assignment option: {option}',
    },
    [AssignmentErrorCode.ReviewersBelowFloor]: {
      kk: 'Бір судьяға кемінде {floor} рецензент тағайындалуы керек',
      ru: 'Каждому судье нужно назначить не менее {floor} рецензентов',
      en: 'Every judge needs at least {floor} reviewers',
    },
    [AssignmentErrorCode.MaxBelowMin]: {
      kk: 'Рецензенттердің ең көп саны ({max}) ең аз санынан ({min}) кем болмауы керек',
      ru: 'Наибольшее число рецензентов ({max}) не может быть меньше наименьшего ({min})',
      en: 'The largest number of reviewers ({max}) cannot be below the smallest ({min})',
    },
    [AssignmentErrorCode.InvalidJudge]: {
      kk: '«{judgeId}» судьясының деректері толық емес немесе қате',
      ru: 'Данные судьи «{judgeId}» неполны или неверны',
      en: 'The data of judge "{judgeId}" is incomplete or wrong',
    },
    [AssignmentErrorCode.DuplicateJudge]: {
      kk: '«{judgeId}» судьясы тізімде бірнеше рет кездеседі',
      ru: 'Судья «{judgeId}» указан в списке несколько раз',
      en: 'Judge "{judgeId}" appears more than once',
    },
    [AssignmentErrorCode.InconsistentCourt]: {
      kk: '«{courtId}» сотының судьялары әртүрлі сатыда немесе өңірде көрсетілген',
      ru: 'Судьи суда «{courtId}» указаны с разным уровнем или регионом',
      en: 'The judges of court "{courtId}" are given different levels or regions',
    },
    [AssignmentErrorCode.Infeasible]: {
      kk: 'Рецензенттерді тағайындау мүмкін емес: {count} судьяға қажетті рецензенттер саны жетпейді',
      ru: 'Назначить рецензентов невозможно: {count} судьям не хватает рецензентов',
      en: 'Reviewers cannot be assigned: {count} judges cannot get enough reviewers',
    },
  };
}
