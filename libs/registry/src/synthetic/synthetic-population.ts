import { xoroshiro128plus } from 'pure-rand/generator/xoroshiro128plus';
import { uniformInt } from 'pure-rand/distribution/uniformInt';
import type { RandomGenerator } from 'pure-rand/types/RandomGenerator';
import { Locale, LocalizedText } from '@app/core';
import { Gender, JudgePosition, StaffCategory } from '../reference/codes';
import { CourtRecord, JudgeRecord, StaffRecord, UnitRecord } from '../register-records';
import { ADMINISTRATION_UNITS } from '../reference/administration-units';
import { REGIONS } from '../reference/regions';
import { FIRST_NAMES, PATRONYMIC_STEMS, SURNAMES, patronymicFor, surnameFor } from './synthetic-names';

export interface SyntheticPopulation {
  courts: CourtRecord[];
  units: UnitRecord[];
  judges: JudgeRecord[];
  staff: StaffRecord[];
}

export interface SyntheticOptions {
  seed: number;
  /** Multiplies the number of judges and staff (benchmarks); the courts stay the same. */
  scale: number;
  /** Ages and service are generated relative to this day (ISO). */
  referenceDate: string;
}

/** Figures from PRODUCT.md §3. The ~1,860 district judges quoted there exceed the 2,235 total; the total wins. */
export const NATIONAL_FIGURES = {
  judges: { supreme: 60, regional: 449, district: 2235 - 60 - 449 },
  womenShareOfJudges: { supreme: 0.47, regional: 0.45, district: 0.55 },
  staff: 6000,
  womenShareOfStaff: 0.67,
  womenShareOfSeniorStaff: 0.564,
  seniorShareOfStaff: 0.12,
} as const;

// Relative size of each territorial unit (roughly its population), which drives court and staff counts.
const REGION_WEIGHT: Record<string, number> = {
  abai: 0.6, akmola: 0.79, aktobe: 0.93, 'almaty-region': 1.5, atyrau: 0.7, 'east-kz': 0.73, jambyl: 1.2, jetisu: 0.7,
  karaganda: 1.13, kostanay: 0.83, kyzylorda: 0.83, mangystau: 0.75, 'north-kz': 0.53, pavlodar: 0.75, turkistan: 2.1,
  ulytau: 0.22, 'west-kz': 0.69, astana: 1.4, almaty: 2.2, shymkent: 1.2,
};
const GENERAL_DISTRICT_COURTS = 230;
const JUDGE_RETIREMENT_AGE = 68;
const MILITARY_GARRISONS = ['astana', 'almaty', 'shymkent', 'karaganda', 'east-kz', 'aktobe', 'west-kz', 'jambyl'];
const NO_JUVENILE_COURT = ['abai', 'jetisu', 'ulytau'];
const CRIMINAL_COURT = ['astana', 'almaty', 'shymkent', 'karaganda', 'almaty-region', 'turkistan', 'east-kz', 'pavlodar', 'aktobe', 'jambyl'];

class Draw {
  constructor(private readonly rng: RandomGenerator) {}

  int(min: number, max: number): number {
    return uniformInt(this.rng, min, max);
  }

  pick<T>(items: readonly T[]): T {
    return items[this.int(0, items.length - 1)];
  }

  shuffle<T>(items: T[]): T[] {
    for (let i = items.length - 1; i > 0; i--) {
      const j = this.int(0, i);
      [items[i], items[j]] = [items[j], items[i]];
    }
    return items;
  }

  /** Exactly round(share × n) of n slots set, in random positions: proportions hold exactly. */
  quota(n: number, share: number): boolean[] {
    const chosen = Math.round(share * n);
    return this.shuffle(Array.from({ length: n }, (_, i) => i < chosen));
  }
}

/** Splits `total` into integer parts proportional to `weights` (largest remainder), each at least `minimum`. */
export function apportion(total: number, weights: number[], minimum = 0): number[] {
  const free = total - minimum * weights.length;
  const sum = weights.reduce((a, b) => a + b, 0);
  const exact = weights.map((w) => (free * w) / sum);
  const parts = exact.map((x) => Math.floor(x));
  const order = exact.map((x, i) => [x - Math.floor(x), i] as const).sort((a, b) => b[0] - a[0] || a[1] - b[1]);
  const remainder = free - parts.reduce((a, b) => a + b, 0);
  for (let k = 0; k < remainder; k++) parts[order[k][1]]++;
  return parts.map((p) => p + minimum);
}

function courtNames(kind: string, region: (typeof REGIONS)[number], number?: number): LocalizedText {
  const r = region.names;
  switch (kind) {
    case 'district':
      return { en: `District Court No. ${number}, ${r.en}`, ru: `Районный суд № ${number} (${r.ru})`, kk: `№ ${number} аудандық сот (${r.kk})` };
    case 'regional':
      return { en: `Regional Court, ${r.en}`, ru: `Областной суд (${r.ru})`, kk: `Облыстық сот (${r.kk})` };
    case 'economic':
      return { en: `Inter-district Economic Court, ${r.en}`, ru: `Специализированный межрайонный экономический суд (${r.ru})`, kk: `Мамандандырылған ауданаралық экономикалық сот (${r.kk})` };
    case 'administrative':
      return { en: `Inter-district Administrative Court, ${r.en}`, ru: `Специализированный межрайонный административный суд (${r.ru})`, kk: `Мамандандырылған ауданаралық әкімшілік сот (${r.kk})` };
    case 'criminal':
      return { en: `Inter-district Criminal Court, ${r.en}`, ru: `Специализированный межрайонный суд по уголовным делам (${r.ru})`, kk: `Қылмыстық істер жөніндегі мамандандырылған ауданаралық сот (${r.kk})` };
    case 'juvenile':
      return { en: `Inter-district Juvenile Court, ${r.en}`, ru: `Специализированный межрайонный суд по делам несовершеннолетних (${r.ru})`, kk: `Кәмелетке толмағандардың істері жөніндегі мамандандырылған ауданаралық сот (${r.kk})` };
    case 'garrison':
      return { en: `Military Garrison Court, ${r.en}`, ru: `Военный суд гарнизона (${r.ru})`, kk: `Гарнизонның әскери соты (${r.kk})` };
    default:
      throw new Error(`unknown court kind ${kind}`);
  }
}

function generateCourts(): { courts: CourtRecord[]; weight: Map<string, number> } {
  const courts: CourtRecord[] = [];
  const weight = new Map<string, number>();
  const add = (court: CourtRecord, w: number) => {
    courts.push(court);
    weight.set(court.code, w);
  };
  const byCode = new Map(REGIONS.map((r) => [r.code, r]));
  const astana = byCode.get('astana')!;
  add({ code: 'supreme', level: 'supreme', specialisation: 'general', regionCode: 'astana', names: { en: 'Supreme Court of the Republic of Kazakhstan', ru: 'Верховный Суд Республики Казахстан', kk: 'Қазақстан Республикасының Жоғарғы Соты' } }, 1);
  add({ code: 'military', level: 'regional', specialisation: 'military', regionCode: astana.code, names: { en: 'Military Court of the Republic of Kazakhstan', ru: 'Военный суд Республики Казахстан', kk: 'Қазақстан Республикасының Әскери соты' } }, 0.35);
  const generalCounts = apportion(GENERAL_DISTRICT_COURTS, REGIONS.map((r) => REGION_WEIGHT[r.code]), 4);
  REGIONS.forEach((region, index) => {
    const w = REGION_WEIGHT[region.code];
    add({ code: `${region.code}-regional`, level: 'regional', specialisation: 'general', regionCode: region.code, names: courtNames('regional', region) }, w);
    for (let n = 1; n <= generalCounts[index]; n++) {
      add({ code: `${region.code}-district-${n}`, level: 'district', specialisation: 'general', regionCode: region.code, names: courtNames('district', region, n) }, w / generalCounts[index] * 4);
    }
    add({ code: `${region.code}-economic`, level: 'district', specialisation: 'economic', regionCode: region.code, names: courtNames('economic', region) }, 0.3 + w * 0.3);
    add({ code: `${region.code}-administrative`, level: 'district', specialisation: 'administrative', regionCode: region.code, names: courtNames('administrative', region) }, 0.3 + w * 0.3);
    if (CRIMINAL_COURT.includes(region.code)) {
      add({ code: `${region.code}-criminal`, level: 'district', specialisation: 'criminal', regionCode: region.code, names: courtNames('criminal', region) }, 0.3 + w * 0.2);
    }
    if (!NO_JUVENILE_COURT.includes(region.code)) {
      add({ code: `${region.code}-juvenile`, level: 'district', specialisation: 'juvenile', regionCode: region.code, names: courtNames('juvenile', region) }, 0.2 + w * 0.1);
    }
    if (MILITARY_GARRISONS.includes(region.code)) {
      add({ code: `${region.code}-garrison`, level: 'district', specialisation: 'military', regionCode: region.code, names: courtNames('garrison', region) }, 0.2);
    }
  });
  return { courts, weight };
}

/** A reserved-domain address (RFC 2606), so synthetic mail can never reach anyone, and a language: mostly kk and ru. */
function contact(draw: Draw, index: number, prefix: string): { email: string; language: Locale } {
  const language: Locale = draw.pick(['kk', 'kk', 'kk', 'ru', 'ru', 'en'] as const);
  return { email: `${prefix}${index}@synthetic.example`, language };
}

function isoDate(year: number, month: number, day: number): string {
  return `${year}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
}

function fullName(draw: Draw, gender: Gender): string {
  return `${surnameFor(draw.pick(SURNAMES), gender)} ${draw.pick(FIRST_NAMES[gender])} ${patronymicFor(draw.pick(PATRONYMIC_STEMS), gender)}`;
}

/** Years of service skewed towards shorter careers, as in any workforce. */
function serviceYears(draw: Draw, max: number): number {
  return Math.min(max, Math.floor(Math.min(draw.int(0, max), draw.int(0, max)) * 1.3));
}

/**
 * A synthetic national register following PRODUCT.md §3: about 320 courts over the 20
 * territorial units, 2,235 judges (60 Supreme, 449 regional, the rest district) with women
 * at 47/45/55 %, and 6,000 staff with women at 67 % and 56.4 % of senior posts. The same
 * seed always gives the same register.
 */
export function generateSyntheticPopulation(options: SyntheticOptions): SyntheticPopulation {
  const draw = new Draw(xoroshiro128plus(options.seed));
  const refYear = Number(options.referenceDate.slice(0, 4));
  const { courts, weight } = generateCourts();
  const units = ADMINISTRATION_UNITS;
  const judges: JudgeRecord[] = [];

  for (const level of ['supreme', 'regional', 'district'] as const) {
    const levelCourts = courts.filter((c) => c.level === level);
    const total = Math.round(NATIONAL_FIGURES.judges[level] * options.scale);
    const perCourt = apportion(total, levelCourts.map((c) => weight.get(c.code)!), total >= levelCourts.length ? 1 : 0);
    const women = draw.quota(total, NATIONAL_FIGURES.womenShareOfJudges[level]);
    let k = 0;
    levelCourts.forEach((court, c) => {
      for (let i = 0; i < perCourt[c]; i++, k++) {
        const gender: Gender = women[k] ? 'f' : 'm';
        const appointedAt = draw.int(27, 40);
        const seniority = level === 'supreme' ? 12 : level === 'regional' ? 5 : 0;
        // Judges retire at 68 at the latest.
        const years = Math.min(serviceYears(draw, 30) + seniority, JUDGE_RETIREMENT_AGE - appointedAt);
        const position: JudgePosition = i === 0 && perCourt[c] > 1 ? 'court-president' : level !== 'district' && i <= 2 ? 'chamber-president' : 'judge';
        judges.push({
          personnelNumber: `J${String(judges.length + 1).padStart(7, '0')}`,
          fullName: fullName(draw, gender),
          gender,
          birthYear: refYear - appointedAt - years,
          appointmentDate: isoDate(refYear - years - 1, draw.int(1, 12), draw.int(1, 28)),
          courtCode: court.code,
          position,
          ...contact(draw, judges.length + 1, 'j'),
        });
      }
    });
  }

  const staffTotal = Math.round(NATIONAL_FIGURES.staff * options.scale);
  const seniorTotal = Math.round(staffTotal * NATIONAL_FIGURES.seniorShareOfStaff);
  const seniorWomen = draw.quota(seniorTotal, NATIONAL_FIGURES.womenShareOfSeniorStaff);
  const otherWomenShare =
    (Math.round(staffTotal * NATIONAL_FIGURES.womenShareOfStaff) - seniorWomen.filter(Boolean).length) / (staffTotal - seniorTotal);
  const otherWomen = draw.quota(staffTotal - seniorTotal, otherWomenShare);
  const seniorSlots = draw.quota(staffTotal, seniorTotal / staffTotal);
  const workplaces: { courtCode: string | null; unitCode: string | null; weight: number }[] = [
    ...courts.map((c) => ({ courtCode: c.code, unitCode: null, weight: judges.filter((j) => j.courtCode === c.code).length || 1 })),
    ...units.map((u) => ({ courtCode: null, unitCode: u.code, weight: u.code === 'ca-central' ? 60 : 8 })),
  ];
  const perPlace = apportion(staffTotal, workplaces.map((w) => w.weight), staffTotal >= workplaces.length ? 1 : 0);
  const staff: StaffRecord[] = [];
  let seniorIndex = 0;
  let otherIndex = 0;
  workplaces.forEach((place, p) => {
    for (let i = 0; i < perPlace[p]; i++) {
      const senior = seniorSlots[staff.length];
      const gender: Gender = (senior ? seniorWomen[seniorIndex++] : otherWomen[otherIndex++]) ? 'f' : 'm';
      const category: StaffCategory = senior ? 'senior' : draw.pick(['specialist', 'court-secretary', 'court-secretary', 'assistant', 'assistant', 'support'] as const);
      const years = serviceYears(draw, 30);
      staff.push({
        personnelNumber: `S${String(staff.length + 1).padStart(7, '0')}`,
        fullName: fullName(draw, gender),
        gender,
        birthYear: refYear - draw.int(21, 30) - years,
        hireDate: isoDate(refYear - years - 1, draw.int(1, 12), draw.int(1, 28)),
        courtCode: place.courtCode,
        unitCode: place.unitCode,
        category,
        ...contact(draw, staff.length + 1, 's'),
      });
    }
  });
  return { courts, units, judges, staff };
}
