import { LocalizedText } from '@app/core';
import {
  AppealOutcome,
  ClosureGround,
  CourtLevel,
  LiabilityGround,
  ProceedingDecision,
  ProceedingSource,
  ProceedingStage,
  RegionCode,
  Sanction,
} from './discipline.codes';

/** What a person reads for each code of discipline.codes.ts, in kk/ru/en. */
export const SOURCE_LABELS: Record<ProceedingSource, LocalizedText> = {
  [ProceedingSource.PresidentSubmission]: {
    kk: 'Жоғарғы Сот Төрағасының ұсынуы',
    ru: 'Представление Председателя Верховного Суда',
    en: 'Submission by the President of the Supreme Court',
  },
  [ProceedingSource.PlenaryDecision]: {
    kk: 'Соттың жалпы отырысының шешімі',
    ru: 'Решение пленарного заседания суда',
    en: 'Decision of a court plenary session',
  },
  [ProceedingSource.Inspection]: { kk: 'Тексеру', ru: 'Проверка', en: 'Inspection' },
  [ProceedingSource.MediaReport]: {
    kk: 'Бұқаралық ақпарат құралдарындағы хабарлама',
    ru: 'Сообщение в средствах массовой информации',
    en: 'Media report',
  },
  [ProceedingSource.Complaint]: { kk: 'Шағым', ru: 'Жалоба', en: 'Complaint' },
  [ProceedingSource.EthicsCommission]: {
    kk: 'Судьялық әдеп жөніндегі комиссия',
    ru: 'Комиссия по судейской этике',
    en: 'Judicial ethics commission',
  },
};

export const GROUND_LABELS: Record<LiabilityGround, LocalizedText> = {
  [LiabilityGround.LawOrEthicsBreach]: {
    kk: 'Конституциялық заңды немесе Судьялық әдеп кодексін бұзу',
    ru: 'Нарушение Конституционного закона или Кодекса судейской этики',
    en: 'Breach of the Constitutional Law or the Code of Judicial Ethics',
  },
  [LiabilityGround.GrossViolationOfLegality]: {
    kk: 'Сот істерін қарау кезінде заңдылықты өрескел бұзу',
    ru: 'Грубое нарушение законности при рассмотрении судебных дел',
    en: 'Gross violation of legality in considering cases',
  },
  [LiabilityGround.ImproperPresidentDuties]: {
    kk: 'Сот төрағасының немесе сот алқасы төрағасының міндеттерін тиісінше орындамауы',
    ru: 'Ненадлежащее исполнение обязанностей председателем суда или председателем судебной коллегии',
    en: 'Improper performance of duties by a court or chamber president',
  },
};

export const STAGE_LABELS: Record<ProceedingStage, LocalizedText> = {
  [ProceedingStage.Initiated]: { kk: 'Қозғалды', ru: 'Возбуждено', en: 'Initiated' },
  [ProceedingStage.Referred]: { kk: 'Сот жюриіне жіберілді', ru: 'Передано в Судебное жюри', en: 'Referred to the Judicial Jury' },
  [ProceedingStage.PreliminaryExamination]: { kk: 'Алдын ала зерделеу', ru: 'Предварительное изучение', en: 'Preliminary examination' },
  [ProceedingStage.Hearing]: { kk: 'Отырыста қарау', ru: 'Рассмотрение на заседании', en: 'Hearing' },
  [ProceedingStage.Decided]: { kk: 'Шешім қабылданды', ru: 'Решение принято', en: 'Decided' },
};

export const DECISION_LABELS: Record<ProceedingDecision, LocalizedText> = {
  [ProceedingDecision.SanctionImposed]: {
    kk: 'Тәртіптік жаза қолданылды',
    ru: 'Наложено дисциплинарное взыскание',
    en: 'Disciplinary sanction imposed',
  },
  [ProceedingDecision.ProceedingsClosed]: { kk: 'Іс жүргізу тоқтатылды', ru: 'Производство прекращено', en: 'Proceedings closed' },
};

export const SANCTION_LABELS: Record<Sanction, LocalizedText> = {
  [Sanction.Warning]: { kk: 'Ескерту', ru: 'Замечание', en: 'Warning (oral reprimand)' },
  [Sanction.Reprimand]: { kk: 'Сөгіс', ru: 'Выговор', en: 'Reprimand (written reprimand)' },
  [Sanction.RemovalFromPresidency]: {
    kk: 'Сот төрағасы немесе сот алқасының төрағасы лауазымынан босату',
    ru: 'Освобождение от должности председателя суда или председателя судебной коллегии',
    en: 'Removal from the post of court president or chamber president',
  },
  [Sanction.Dismissal]: { kk: 'Судья лауазымынан босату', ru: 'Освобождение от должности судьи', en: 'Dismissal from the office of judge' },
};

export const CLOSURE_GROUND_LABELS: Record<ClosureGround, LocalizedText> = {
  [ClosureGround.InsufficientEvidence]: {
    kk: 'Тәртіптік теріс қылық жасалғаны туралы дәлелдердің жеткіліксіздігі',
    ru: 'Недостаточность доказательств совершения дисциплинарного проступка',
    en: 'Insufficient evidence of a disciplinary offence',
  },
  [ClosureGround.TimeLimitExpired]: {
    kk: 'Тәртіптік жауаптылыққа тарту мерзімінің өтуі',
    ru: 'Истечение срока привлечения к дисциплинарной ответственности',
    en: 'The time limit for disciplinary liability expired',
  },
  [ClosureGround.MinorOffence]: { kk: 'Теріс қылықтың елеусіздігі', ru: 'Малозначительность проступка', en: 'Minor offence' },
  [ClosureGround.JudgeLeftOffice]: { kk: 'Судья өкілеттігінің тоқтатылуы', ru: 'Прекращение полномочий судьи', en: 'The judge left office' },
  [ClosureGround.UnderlyingActSetAside]: {
    kk: 'Іс жүргізуге негіз болған актінің күшін жою',
    ru: 'Отмена акта, послужившего основанием производства',
    en: 'The act underlying the proceeding was set aside',
  },
};

export const APPEAL_OUTCOME_LABELS: Record<AppealOutcome, LocalizedText> = {
  [AppealOutcome.Upheld]: { kk: 'Шешім өзгеріссіз қалдырылды', ru: 'Решение оставлено без изменения', en: 'Decision upheld' },
  [AppealOutcome.SetAside]: { kk: 'Шешімнің күші жойылды', ru: 'Решение отменено', en: 'Decision set aside' },
  [AppealOutcome.Withdrawn]: { kk: 'Шағым қайтарып алынды', ru: 'Жалоба отозвана', en: 'Appeal withdrawn' },
};

export const REGION_LABELS: Record<RegionCode, LocalizedText> = {
  abai: { kk: 'Абай облысы', ru: 'Абайская область', en: 'Abai Region' },
  akmola: { kk: 'Ақмола облысы', ru: 'Акмолинская область', en: 'Akmola Region' },
  aktobe: { kk: 'Ақтөбе облысы', ru: 'Актюбинская область', en: 'Aktobe Region' },
  'almaty-region': { kk: 'Алматы облысы', ru: 'Алматинская область', en: 'Almaty Region' },
  atyrau: { kk: 'Атырау облысы', ru: 'Атырауская область', en: 'Atyrau Region' },
  'east-kz': { kk: 'Шығыс Қазақстан облысы', ru: 'Восточно-Казахстанская область', en: 'East Kazakhstan Region' },
  jambyl: { kk: 'Жамбыл облысы', ru: 'Жамбылская область', en: 'Jambyl Region' },
  jetisu: { kk: 'Жетісу облысы', ru: 'Область Жетісу', en: 'Jetisu Region' },
  karaganda: { kk: 'Қарағанды облысы', ru: 'Карагандинская область', en: 'Karaganda Region' },
  kostanay: { kk: 'Қостанай облысы', ru: 'Костанайская область', en: 'Kostanay Region' },
  kyzylorda: { kk: 'Қызылорда облысы', ru: 'Кызылординская область', en: 'Kyzylorda Region' },
  mangystau: { kk: 'Маңғыстау облысы', ru: 'Мангистауская область', en: 'Mangystau Region' },
  'north-kz': { kk: 'Солтүстік Қазақстан облысы', ru: 'Северо-Казахстанская область', en: 'North Kazakhstan Region' },
  pavlodar: { kk: 'Павлодар облысы', ru: 'Павлодарская область', en: 'Pavlodar Region' },
  turkistan: { kk: 'Түркістан облысы', ru: 'Туркестанская область', en: 'Turkistan Region' },
  ulytau: { kk: 'Ұлытау облысы', ru: 'Область Ұлытау', en: 'Ulytau Region' },
  'west-kz': { kk: 'Батыс Қазақстан облысы', ru: 'Западно-Казахстанская область', en: 'West Kazakhstan Region' },
  astana: { kk: 'Астана қаласы', ru: 'город Астана', en: 'Astana (city)' },
  almaty: { kk: 'Алматы қаласы', ru: 'город Алматы', en: 'Almaty (city)' },
  shymkent: { kk: 'Шымкент қаласы', ru: 'город Шымкент', en: 'Shymkent (city)' },
};

export const COURT_LEVEL_LABELS: Record<CourtLevel, LocalizedText> = {
  district: { kk: 'Аудандық (және оған теңестірілген) сот', ru: 'Районный (и приравненный к нему) суд', en: 'District (and equivalent) court' },
  regional: { kk: 'Облыстық (және оған теңестірілген) сот', ru: 'Областной (и приравненный к нему) суд', en: 'Regional (and equivalent) court' },
  supreme: { kk: 'Жоғарғы Сот', ru: 'Верховный Суд', en: 'Supreme Court' },
};

export interface LabelledCode {
  code: string;
  label: LocalizedText;
}

function listOf<T extends string>(labels: Record<T, LocalizedText>): LabelledCode[] {
  return (Object.entries(labels) as [T, LocalizedText][]).map(([code, label]) => ({ code, label }));
}

/** Every code list with its labels, in the order a form offers them. */
export function disciplineReference() {
  return {
    sources: listOf(SOURCE_LABELS),
    grounds: listOf(GROUND_LABELS),
    stages: listOf(STAGE_LABELS),
    decisions: listOf(DECISION_LABELS),
    sanctions: listOf(SANCTION_LABELS),
    closureGrounds: listOf(CLOSURE_GROUND_LABELS),
    appealOutcomes: listOf(APPEAL_OUTCOME_LABELS),
    regions: listOf(REGION_LABELS),
    courtLevels: listOf(COURT_LEVEL_LABELS),
  };
}
