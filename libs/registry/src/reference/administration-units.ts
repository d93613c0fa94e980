import { UnitRecord } from '../register-records';
import { REGIONS } from './regions';

/** The Court Administration's central office and its office in each territorial unit (seeded by migration). */
export const ADMINISTRATION_UNITS: UnitRecord[] = [
  { code: 'ca-central', regionCode: 'astana', names: { en: 'Court Administration, central office', ru: 'Судебная администрация, центральный аппарат', kk: 'Сот әкімшілігі, орталық аппарат' } },
  ...REGIONS.map((region) => ({
    code: `ca-${region.code}`,
    regionCode: region.code,
    names: {
      en: `Court Administration office, ${region.names.en}`,
      ru: `Подразделение Судебной администрации (${region.names.ru})`,
      kk: `Сот әкімшілігінің бөлімшесі (${region.names.kk})`,
    },
  })),
];
