import { LocalizedText } from '@app/core';

export type RegisterKind = 'courts' | 'judges' | 'staff';
export const REGISTER_KINDS: RegisterKind[] = ['courts', 'judges', 'staff'];

export interface ColumnSpec {
  key: string;
  /** An optional column may be left out of the file; its empty cells take the default. */
  optional?: boolean;
  headers: LocalizedText;
  /** Shown in the template's instructions sheet. */
  hint: LocalizedText;
}

const c = (key: string, en: string, ru: string, kk: string, hint: LocalizedText): ColumnSpec => ({ key, headers: { en, ru, kk }, hint });

const CODE_HINT = { en: 'a code from the Codes sheet', ru: 'код с листа «Коды»', kk: '«Кодтар» парағындағы код' };
const DATE_HINT = { en: 'date as YYYY-MM-DD', ru: 'дата в виде ГГГГ-ММ-ДД', kk: 'күні ЖЖЖЖ-АА-КК түрінде' };
const TEXT_HINT = { en: 'text', ru: 'текст', kk: 'мәтін' };
const EMAIL = c('email', 'E-mail', 'Электронная почта', 'Электрондық пошта', { en: 'address for invitations', ru: 'адрес для приглашений', kk: 'шақыру жіберілетін мекенжай' });
const LANGUAGE = {
  ...c('language', 'Language', 'Язык', 'Тілі', { en: 'kk, ru or en (kk when empty)', ru: 'kk, ru или en (kk, если пусто)', kk: 'kk, ru немесе en (бос болса kk)' }),
  optional: true,
};

/** The documented import template of each register: column keys and their headers in kk/ru/en. */
export const REGISTER_COLUMNS: Record<RegisterKind, ColumnSpec[]> = {
  courts: [
    c('code', 'Court code', 'Код суда', 'Сот коды', { en: 'unique code, letters, digits and dashes', ru: 'уникальный код: латиница, цифры, дефис', kk: 'бірегей код: латын әріптері, сандар, сызықша' }),
    c('name_kk', 'Name (Kazakh)', 'Наименование (каз.)', 'Атауы (қаз.)', TEXT_HINT),
    c('name_ru', 'Name (Russian)', 'Наименование (рус.)', 'Атауы (орыс.)', TEXT_HINT),
    c('name_en', 'Name (English)', 'Наименование (англ.)', 'Атауы (ағыл.)', TEXT_HINT),
    c('level', 'Court level', 'Уровень суда', 'Сот деңгейі', CODE_HINT),
    c('specialisation', 'Specialisation', 'Специализация', 'Мамандануы', CODE_HINT),
    c('region', 'Region', 'Регион', 'Өңір', CODE_HINT),
  ],
  judges: [
    c('personnel_number', 'Personnel number', 'Табельный номер', 'Табель нөмірі', { en: 'unique, up to 20 letters and digits', ru: 'уникальный, до 20 букв и цифр', kk: 'бірегей, 20 әріп пен саннан аспайды' }),
    c('full_name', 'Full name', 'ФИО', 'Аты-жөні', TEXT_HINT),
    c('gender', 'Gender', 'Пол', 'Жынысы', { en: 'f or m', ru: 'f (ж) или m (м)', kk: 'f (ә) немесе m (е)' }),
    c('birth_year', 'Year of birth', 'Год рождения', 'Туған жылы', { en: 'four digits', ru: 'четыре цифры', kk: 'төрт сан' }),
    c('appointment_date', 'Appointment date', 'Дата назначения', 'Тағайындалған күні', DATE_HINT),
    c('court', 'Court code', 'Код суда', 'Сот коды', CODE_HINT),
    c('position', 'Position', 'Должность', 'Лауазымы', CODE_HINT),
    EMAIL,
    LANGUAGE,
  ],
  staff: [
    c('personnel_number', 'Personnel number', 'Табельный номер', 'Табель нөмірі', { en: 'unique, up to 20 letters and digits', ru: 'уникальный, до 20 букв и цифр', kk: 'бірегей, 20 әріп пен саннан аспайды' }),
    c('full_name', 'Full name', 'ФИО', 'Аты-жөні', TEXT_HINT),
    c('gender', 'Gender', 'Пол', 'Жынысы', { en: 'f or m', ru: 'f (ж) или m (м)', kk: 'f (ә) немесе m (е)' }),
    c('birth_year', 'Year of birth', 'Год рождения', 'Туған жылы', { en: 'four digits', ru: 'четыре цифры', kk: 'төрт сан' }),
    c('hire_date', 'Hire date', 'Дата приёма', 'Жұмысқа қабылданған күні', DATE_HINT),
    c('workplace', 'Court or Court Administration unit code', 'Код суда или подразделения Судебной администрации', 'Сот немесе Сот әкімшілігі бөлімшесінің коды', CODE_HINT),
    c('category', 'Position category', 'Категория должности', 'Лауазым санаты', CODE_HINT),
    EMAIL,
    LANGUAGE,
  ],
};

/** Maps a header cell to its column key: the key itself or its header in any language, ignoring case and spacing. */
export function columnKeyOf(kind: RegisterKind, header: string): string | undefined {
  const normalized = header.trim().replace(/\s+/g, ' ').toLowerCase();
  return REGISTER_COLUMNS[kind].find(
    (column) => column.key === normalized || Object.values(column.headers).some((h) => h.toLowerCase() === normalized),
  )?.key;
}
