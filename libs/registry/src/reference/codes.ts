import { LocalizedText } from '@app/core';

function labelled<T extends string>(labels: Record<T, LocalizedText>) {
  return { codes: Object.keys(labels) as T[], labels };
}

export const COURT_LEVELS = labelled({
  district: { en: 'District and equivalent courts', ru: 'Районные и приравненные к ним суды', kk: 'Аудандық және оларға теңестірілген соттар' },
  regional: { en: 'Regional (oblast) courts', ru: 'Областные и приравненные к ним суды', kk: 'Облыстық және оларға теңестірілген соттар' },
  supreme: { en: 'Supreme Court', ru: 'Верховный Суд', kk: 'Жоғарғы Сот' },
});
export type CourtLevel = (typeof COURT_LEVELS.codes)[number];

export const SPECIALISATIONS = labelled({
  general: { en: 'General jurisdiction', ru: 'Общая юрисдикция', kk: 'Жалпы юрисдикция' },
  economic: { en: 'Inter-district economic', ru: 'Специализированный межрайонный экономический', kk: 'Мамандандырылған ауданаралық экономикалық' },
  administrative: { en: 'Inter-district administrative', ru: 'Специализированный межрайонный административный', kk: 'Мамандандырылған ауданаралық әкімшілік' },
  criminal: { en: 'Inter-district criminal', ru: 'Специализированный межрайонный по уголовным делам', kk: 'Қылмыстық істер жөніндегі мамандандырылған ауданаралық' },
  juvenile: { en: 'Inter-district juvenile', ru: 'Специализированный межрайонный по делам несовершеннолетних', kk: 'Кәмелетке толмағандардың істері жөніндегі мамандандырылған ауданаралық' },
  military: { en: 'Military', ru: 'Военный', kk: 'Әскери' },
});
export type Specialisation = (typeof SPECIALISATIONS.codes)[number];

export const GENDERS = labelled({
  f: { en: 'Women', ru: 'Женщины', kk: 'Әйелдер' },
  m: { en: 'Men', ru: 'Мужчины', kk: 'Ерлер' },
});
export type Gender = (typeof GENDERS.codes)[number];

export const JUDGE_POSITIONS = labelled({
  judge: { en: 'Judge', ru: 'Судья', kk: 'Судья' },
  'chamber-president': { en: 'Chamber president', ru: 'Председатель судебной коллегии', kk: 'Сот алқасының төрағасы' },
  'court-president': { en: 'Court president', ru: 'Председатель суда', kk: 'Сот төрағасы' },
});
export type JudgePosition = (typeof JUDGE_POSITIONS.codes)[number];

/** Position categories of court staff; `senior` are the managerial posts counted as senior in the HR report. */
export const STAFF_CATEGORIES = labelled({
  senior: { en: 'Senior (managerial) posts', ru: 'Руководящие должности', kk: 'Басшы лауазымдар' },
  specialist: { en: 'Specialists', ru: 'Специалисты', kk: 'Мамандар' },
  'court-secretary': { en: 'Court secretaries and session clerks', ru: 'Секретари судебных заседаний', kk: 'Сот отырысының хатшылары' },
  assistant: { en: "Judges' assistants", ru: 'Помощники судей', kk: 'Судья көмекшілері' },
  support: { en: 'Support and technical staff', ru: 'Обслуживающий и технический персонал', kk: 'Қызмет көрсетуші және техникалық персонал' },
});
export type StaffCategory = (typeof STAFF_CATEGORIES.codes)[number];
