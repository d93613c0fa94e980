import { DomainError, LocalizedText } from '@app/core';

export enum CampaignErrorCode {
  NotFound = 'campaigns.not-found',
  WrongStatus = 'campaigns.wrong-status',
  Locked = 'campaigns.locked',
  KindNotAllowed = 'campaigns.kind-not-allowed',
  InstrumentMismatch = 'campaigns.instrument-mismatch',
  ThresholdBelowFloor = 'campaigns.threshold-below-floor',
  DeadlinePassed = 'campaigns.deadline-passed',
  EmptyPopulation = 'campaigns.empty-population',
  PopulationTooSmall = 'campaigns.population-too-small',
  PeerPlanInfeasible = 'campaigns.peer-plan-infeasible',
  UnknownBandVersion = 'campaigns.unknown-band-version',
}

export class CampaignError extends DomainError<CampaignErrorCode> {
  static override readonly messages: Record<CampaignErrorCode, LocalizedText> = {
    [CampaignErrorCode.NotFound]: { kk: 'Науқан табылмады', ru: 'Кампания не найдена', en: 'No such campaign' },
    [CampaignErrorCode.WrongStatus]: {
      kk: 'Бұл әрекет «{status}» күйіндегі науқанға рұқсат етілмейді',
      ru: 'Это действие недоступно для кампании в статусе «{status}»',
      en: 'This is not possible for a campaign that is {status}',
    },
    [CampaignErrorCode.Locked]: {
      kk: 'Науқан іске қосылған: оның параметрлері енді өзгермейді',
      ru: 'Кампания запущена: её параметры больше не меняются',
      en: 'The campaign has been launched: its settings can no longer change',
    },
    [CampaignErrorCode.KindNotAllowed]: {
      kk: 'Сіздің рөліңіз «{kind}» түріндегі науқандарды басқара алмайды',
      ru: 'Ваша роль не может вести кампании типа «{kind}»',
      en: 'Your role cannot run campaigns of kind {kind}',
    },
    [CampaignErrorCode.InstrumentMismatch]: {
      kk: 'Сауалнама нұсқасы бұл науқан түріне сәйкес келмейді',
      ru: 'Версия анкеты не подходит для этого типа кампании',
      en: 'The questionnaire version does not fit this kind of campaign',
    },
    [CampaignErrorCode.ThresholdBelowFloor]: {
      kk: 'Анонимдік шегі ең төменгі мәннен аз болмауы керек',
      ru: 'Порог анонимности не может быть ниже минимума',
      en: 'An anonymity threshold cannot be below its floor',
    },
    [CampaignErrorCode.DeadlinePassed]: {
      kk: 'Аяқталу мерзімі болашақта болуы керек',
      ru: 'Срок окончания должен быть в будущем',
      en: 'The deadline must be in the future',
    },
    [CampaignErrorCode.EmptyPopulation]: {
      kk: 'Таңдалған топта бірде-бір адам жоқ',
      ru: 'В выбранной группе нет ни одного человека',
      en: 'Nobody matches the chosen population',
    },
    [CampaignErrorCode.PopulationTooSmall]: {
      kk: 'Топта тым аз адам бар ({size}): ең болмағанда {minimum} болуы керек, әйтпесе ешбір нәтиже жарияланбайды',
      ru: 'В группе слишком мало людей ({size}): нужно не менее {minimum}, иначе ни один результат не будет опубликован',
      en: 'The population is too small ({size}): at least {minimum} are needed, or no result could ever be published',
    },
    [CampaignErrorCode.PeerPlanInfeasible]: {
      kk: '{count} судьяға жеткілікті рецензент табылмады',
      ru: 'Для {count} судей не нашлось достаточно рецензентов',
      en: '{count} judges cannot get enough reviewers',
    },
    [CampaignErrorCode.UnknownBandVersion]: {
      kk: 'Мұндай топтар нұсқасы жоқ',
      ru: 'Такой версии групп нет',
      en: 'There is no such version of the bands',
    },
  };
}
