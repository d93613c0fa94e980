import { formatText, Locale, LocalizedText } from './locale';

/**
 * Reasons for the class-validator constraints the DTOs use, in the three languages.
 * A constraint missing here falls back to class-validator's English text.
 */
const REASONS: Record<string, LocalizedText> = {
  isDefined: { kk: 'міндетті өріс', ru: 'обязательное поле', en: 'is required' },
  isNotEmpty: { kk: 'бос болмауы керек', ru: 'не должно быть пустым', en: 'must not be empty' },
  isString: { kk: 'мәтін болуы керек', ru: 'должно быть строкой', en: 'must be a string' },
  isInt: { kk: 'бүтін сан болуы керек', ru: 'должно быть целым числом', en: 'must be an integer' },
  isNumber: { kk: 'сан болуы керек', ru: 'должно быть числом', en: 'must be a number' },
  isBoolean: { kk: 'true немесе false болуы керек', ru: 'должно быть true или false', en: 'must be true or false' },
  isUuid: { kk: 'UUID болуы керек', ru: 'должно быть UUID', en: 'must be a UUID' },
  isEmail: { kk: 'электрондық пошта мекенжайы болуы керек', ru: 'должно быть адресом электронной почты', en: 'must be an e-mail address' },
  isIn: { kk: 'рұқсат етілген мәндердің бірі болуы керек: {values}', ru: 'должно быть одним из значений: {values}', en: 'must be one of: {values}' },
  isEnum: { kk: 'рұқсат етілген мәндердің бірі болуы керек: {values}', ru: 'должно быть одним из значений: {values}', en: 'must be one of: {values}' },
  min: { kk: 'кемінде {min} болуы керек', ru: 'должно быть не меньше {min}', en: 'must be at least {min}' },
  max: { kk: 'көп дегенде {max} болуы керек', ru: 'должно быть не больше {max}', en: 'must be at most {max}' },
  minLength: { kk: 'кемінде {min} таңба болуы керек', ru: 'должно содержать не меньше {min} символов', en: 'must be at least {min} characters long' },
  maxLength: { kk: 'көп дегенде {max} таңба болуы керек', ru: 'должно содержать не больше {max} символов', en: 'must be at most {max} characters long' },
  isDateString: { kk: 'ISO 8601 күні болуы керек', ru: 'должно быть датой ISO 8601', en: 'must be an ISO 8601 date' },
  isArray: { kk: 'тізім болуы керек', ru: 'должно быть списком', en: 'must be a list' },
  whitelistValidation: { kk: 'белгісіз өріс', ru: 'неизвестное поле', en: 'is not an accepted field' },
  matches: { kk: 'пішімі дұрыс емес', ru: 'неверный формат', en: 'has the wrong format' },
};

export function validationReason(
  constraint: string,
  params: Record<string, string | number>,
  fallback: string,
  locale: Locale,
): string {
  const text = REASONS[constraint];
  return text ? formatText(text[locale], params) : fallback;
}
