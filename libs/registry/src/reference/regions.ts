import { LocalizedText } from '@app/core';

export interface RegionReference {
  code: string;
  names: LocalizedText;
  kind: 'region' | 'city';
  /** The 2022 reform created Abai, Jetisu and Ulytau regions (8 June 2022). */
  validFrom: string;
}

const SINCE_1997 = '1997-01-01';
const REFORM_2022 = '2022-06-08';

/** The 20 territorial units: 17 regions (oblys) and 3 cities of republican significance (PRODUCT.md §3). */
export const REGIONS: RegionReference[] = [
  { code: 'abai', kind: 'region', validFrom: REFORM_2022, names: { en: 'Abai Region', ru: 'Абайская область', kk: 'Абай облысы' } },
  { code: 'akmola', kind: 'region', validFrom: SINCE_1997, names: { en: 'Akmola Region', ru: 'Акмолинская область', kk: 'Ақмола облысы' } },
  { code: 'aktobe', kind: 'region', validFrom: SINCE_1997, names: { en: 'Aktobe Region', ru: 'Актюбинская область', kk: 'Ақтөбе облысы' } },
  { code: 'almaty-region', kind: 'region', validFrom: SINCE_1997, names: { en: 'Almaty Region', ru: 'Алматинская область', kk: 'Алматы облысы' } },
  { code: 'atyrau', kind: 'region', validFrom: SINCE_1997, names: { en: 'Atyrau Region', ru: 'Атырауская область', kk: 'Атырау облысы' } },
  { code: 'east-kz', kind: 'region', validFrom: SINCE_1997, names: { en: 'East Kazakhstan Region', ru: 'Восточно-Казахстанская область', kk: 'Шығыс Қазақстан облысы' } },
  { code: 'jambyl', kind: 'region', validFrom: SINCE_1997, names: { en: 'Jambyl Region', ru: 'Жамбылская область', kk: 'Жамбыл облысы' } },
  { code: 'jetisu', kind: 'region', validFrom: REFORM_2022, names: { en: 'Jetisu Region', ru: 'Область Жетісу', kk: 'Жетісу облысы' } },
  { code: 'karaganda', kind: 'region', validFrom: SINCE_1997, names: { en: 'Karaganda Region', ru: 'Карагандинская область', kk: 'Қарағанды облысы' } },
  { code: 'kostanay', kind: 'region', validFrom: SINCE_1997, names: { en: 'Kostanay Region', ru: 'Костанайская область', kk: 'Қостанай облысы' } },
  { code: 'kyzylorda', kind: 'region', validFrom: SINCE_1997, names: { en: 'Kyzylorda Region', ru: 'Кызылординская область', kk: 'Қызылорда облысы' } },
  { code: 'mangystau', kind: 'region', validFrom: SINCE_1997, names: { en: 'Mangystau Region', ru: 'Мангистауская область', kk: 'Маңғыстау облысы' } },
  { code: 'north-kz', kind: 'region', validFrom: SINCE_1997, names: { en: 'North Kazakhstan Region', ru: 'Северо-Казахстанская область', kk: 'Солтүстік Қазақстан облысы' } },
  { code: 'pavlodar', kind: 'region', validFrom: SINCE_1997, names: { en: 'Pavlodar Region', ru: 'Павлодарская область', kk: 'Павлодар облысы' } },
  { code: 'turkistan', kind: 'region', validFrom: '2018-06-19', names: { en: 'Turkistan Region', ru: 'Туркестанская область', kk: 'Түркістан облысы' } },
  { code: 'ulytau', kind: 'region', validFrom: REFORM_2022, names: { en: 'Ulytau Region', ru: 'Область Ұлытау', kk: 'Ұлытау облысы' } },
  { code: 'west-kz', kind: 'region', validFrom: SINCE_1997, names: { en: 'West Kazakhstan Region', ru: 'Западно-Казахстанская область', kk: 'Батыс Қазақстан облысы' } },
  { code: 'astana', kind: 'city', validFrom: SINCE_1997, names: { en: 'Astana (city)', ru: 'город Астана', kk: 'Астана қаласы' } },
  { code: 'almaty', kind: 'city', validFrom: SINCE_1997, names: { en: 'Almaty (city)', ru: 'город Алматы', kk: 'Алматы қаласы' } },
  { code: 'shymkent', kind: 'city', validFrom: '2018-06-19', names: { en: 'Shymkent (city)', ru: 'город Шымкент', kk: 'Шымкент қаласы' } },
];

/** Version of the territorial reference list: 2 since the 2022 reform. */
export const REGIONS_REFERENCE_VERSION = 2;

export const REGION_CODES = REGIONS.map((region) => region.code);

/** Each region's names by code, for labels in reports and pages. */
export const REGION_NAMES: Record<string, LocalizedText> = Object.fromEntries(REGIONS.map((region) => [region.code, region.names]));
