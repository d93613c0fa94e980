import type { LocalizedText } from '@app/core';

/** Texts of the Commission/HR pages; table and chart labels come from REPORT_TEXTS (@app/reports). */
export const DASHBOARD_TEXTS = {
  brand: { kk: 'Сот төрелігінің сапасы жөніндегі комиссия', ru: 'Комиссия по качеству правосудия', en: 'Commission on the Quality of Justice' },
  loginTitle: { kk: 'Кіру', ru: 'Вход', en: 'Sign in' },
  login: { kk: 'Логин', ru: 'Логин', en: 'Login' },
  password: { kk: 'Құпиясөз', ru: 'Пароль', en: 'Password' },
  signIn: { kk: 'Кіру', ru: 'Войти', en: 'Sign in' },
  signInFailed: { kk: 'Логин немесе құпиясөз қате', ru: 'Неверный логин или пароль', en: 'Wrong login or password' },
  signOut: { kk: 'Шығу', ru: 'Выйти', en: 'Sign out' },
  dashboardTitle: { kk: 'Науқандар', ru: 'Кампании', en: 'Campaigns' },
  noCampaigns: { kk: 'Науқандар әлі жоқ', ru: 'Кампаний пока нет', en: 'No campaigns yet' },
  status: { kk: 'Күйі', ru: 'Статус', en: 'Status' },
  kind: { kk: 'Түрі', ru: 'Вид', en: 'Kind' },
  deadline: { kk: 'Мерзімі', ru: 'Срок', en: 'Deadline' },
  'status.draft': { kk: 'жоба', ru: 'черновик', en: 'draft' },
  'status.open': { kk: 'жауап жиналуда', ru: 'идёт сбор ответов', en: 'collecting answers' },
  'status.closed': { kk: 'жабылды', ru: 'закрыта', en: 'closed' },
  'status.published': { kk: 'жарияланды', ru: 'опубликована', en: 'published' },
  'kind.judges-survey': { kk: 'Судьялар сауалнамасы', ru: 'Опрос судей', en: 'Judges’ survey' },
  'kind.staff-survey': { kk: 'Қызметкерлер сауалнамасы', ru: 'Опрос работников', en: 'Staff survey' },
  'kind.peer-review': { kk: 'Әріптестік бағалау', ru: 'Взаимная оценка', en: 'Peer review' },
  back: { kk: '← Науқандар', ru: '← Кампании', en: '← Campaigns' },
  lockedWhileOpen: {
    kk: 'Науқан жабылғанша тек жалпы жауап беру деңгейі көрсетіледі.',
    ru: 'Пока кампания не закрыта, видна только общая доля ответивших.',
    en: 'Until the campaign closes, only the overall response rate is shown.',
  },
  notReady: { kk: 'Нәтижелер есептелуде…', ru: 'Результаты рассчитываются…', en: 'The results are being computed…' },
  dimensionMeans: { kk: 'Өлшемдер бойынша орташа баға', ru: 'Средние оценки по измерениям', en: 'Mean scores by dimension' },
  significantGaps: { kk: 'Мәнді гендерлік айырмалар', ru: 'Значимые гендерные разрывы', en: 'Significant gender gaps' },
  none: { kk: 'жоқ', ru: 'нет', en: 'none' },
  downloads: { kk: 'Excel есебі', ru: 'Отчёт Excel', en: 'Excel report' },
  download: { kk: 'Жүктеп алу', ru: 'Скачать', en: 'Download' },
  preparing: { kk: 'Файл дайындалуда…', ru: 'Файл готовится…', en: 'Preparing the file…' },
  exportFailed: { kk: 'Файлды жасау сәтсіз аяқталды', ru: 'Не удалось подготовить файл', en: 'The file could not be prepared' },
  judgesWithResults: { kk: 'Нәтижесі бар судьялар', ru: 'Судей с результатами', en: 'Judges with results' },
  peerSummary: {
    kk: 'Әр судья тек өз нәтижесін көреді; мұнда тек жиынтық көрсетіледі.',
    ru: 'Каждый судья видит только свои результаты; здесь показана только сводка.',
    en: 'Each judge sees only their own results; only the summary is shown here.',
  },
  synthetic: { kk: 'Синтетикалық деректер', ru: 'Синтетические данные', en: 'Synthetic data' },
} as const satisfies Record<string, LocalizedText>;

export type DashboardTextKey = keyof typeof DASHBOARD_TEXTS;
