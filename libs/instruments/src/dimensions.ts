import type { LocalizedText } from '@app/core';

/**
 * What each question measures, for reporting: one workbook sheet per dimension, means
 * and gender gaps per dimension. A question's `dimension` must be one of these codes;
 * adding a dimension is one entry here, named in the three languages.
 */
export const DIMENSIONS = {
  // Judges' survey (2023): the evaluation system and development needs.
  'evaluation-system': { kk: 'Судьялардың кәсіби қызметін бағалау жүйесі', ru: 'Система оценки профессиональной деятельности судей', en: 'Evaluation of judges’ professional performance' },
  'professional-development': { kk: 'Кәсіби даму және мансап', ru: 'Профессиональное развитие и карьера', en: 'Professional development and career' },
  'development-needs': { kk: 'Оқу және даму қажеттіліктері', ru: 'Потребности в обучении и развитии', en: 'Training and development needs' },
  // Court staff survey (2022–23): the six HR areas.
  motivation: { kk: 'Уәждеме', ru: 'Мотивация', en: 'Motivation' },
  communication: { kk: 'Қарым-қатынас', ru: 'Коммуникация', en: 'Communication' },
  training: { kk: 'Оқыту', ru: 'Обучение', en: 'Training' },
  compensation: { kk: 'Еңбекақы және көтермелеу', ru: 'Оплата труда и поощрение', en: 'Compensation and rewards' },
  workload: { kk: 'Жұмыс жүктемесі және ресурстар', ru: 'Нагрузка и ресурсы', en: 'Workload and resources' },
  // Peer review: the competencies a judge rates in a colleague.
  'legal-knowledge': { kk: 'Құқықтық білім', ru: 'Знание права', en: 'Legal knowledge' },
  'reasoning-drafting': { kk: 'Сот актілерінің уәжделуі мен жазылу сапасы', ru: 'Качество мотивировки и составления судебных актов', en: 'Quality of reasoning and drafting' },
  'case-management': { kk: 'Істерді басқару және мерзімдерді сақтау', ru: 'Управление делами и соблюдение сроков', en: 'Case management and timeliness' },
  'integrity-impartiality': { kk: 'Адалдық және бейтараптық', ru: 'Честность и беспристрастность', en: 'Integrity and impartiality' },
  'temperament-communication': { kk: 'Судьяға лайық мінез-құлық және қарым-қатынас', ru: 'Судейский темперамент и коммуникация', en: 'Judicial temperament and communication' },
  'collegiality-mentoring': { kk: 'Әріптестік және тәлімгерлік', ru: 'Коллегиальность и наставничество', en: 'Collegiality and mentoring' },
  // Open comments that belong to no single dimension.
  general: { kk: 'Жалпы пікірлер мен ұсыныстар', ru: 'Общие комментарии и предложения', en: 'General comments and suggestions' },
} as const satisfies Record<string, LocalizedText>;

export type DimensionCode = keyof typeof DIMENSIONS;
export const DIMENSION_CODES = Object.keys(DIMENSIONS) as DimensionCode[];

export function isDimensionCode(value: unknown): value is DimensionCode {
  return typeof value === 'string' && Object.prototype.hasOwnProperty.call(DIMENSIONS, value);
}
