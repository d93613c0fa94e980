/** Kazakh is the state language; Russian and English are served alongside it everywhere. */
export const LOCALES = ['kk', 'ru', 'en'] as const;
export type Locale = (typeof LOCALES)[number];
export const DEFAULT_LOCALE: Locale = 'kk';

/** Text in the three languages. Every string a person reads is one of these. */
export type LocalizedText = Record<Locale, string>;

/** Each language's name in itself, for language switches. */
export const LANGUAGE_NAMES: LocalizedText = { kk: 'Қазақша', ru: 'Русский', en: 'English' };

export function isLocale(value: unknown): value is Locale {
  return typeof value === 'string' && (LOCALES as readonly string[]).includes(value);
}

/**
 * Picks the language of a request: an explicit choice (cookie or query) first, then the
 * best match of Accept-Language, then Kazakh.
 */
export function resolveLocale(explicit: unknown, acceptLanguage: string | undefined): Locale {
  if (isLocale(explicit)) return explicit;
  const ranked = (acceptLanguage ?? '')
    .split(',')
    .map((part) => {
      const [tag, ...params] = part.trim().split(';');
      const q = params.find((p) => p.trim().startsWith('q='));
      return { lang: tag.trim().toLowerCase().split('-')[0], q: q ? Number(q.split('=')[1]) : 1 };
    })
    .filter((entry) => isLocale(entry.lang) && entry.q > 0)
    .sort((a, b) => b.q - a.q);
  return ranked.length > 0 ? (ranked[0].lang as Locale) : DEFAULT_LOCALE;
}

/** Fills `{name}` placeholders. */
export function formatText(template: string, params: Record<string, string | number> = {}): string {
  return template.replace(/\{(\w+)\}/g, (whole, key: string) => (key in params ? String(params[key]) : whole));
}
