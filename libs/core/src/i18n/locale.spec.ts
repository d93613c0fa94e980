import { formatText, resolveLocale } from './locale';

describe('resolveLocale', () => {
  it('prefers an explicit choice', () => {
    expect(resolveLocale('ru', 'en-US,en;q=0.9')).toBe('ru');
  });

  it('ignores an explicit value that is not a locale', () => {
    expect(resolveLocale('de', 'en')).toBe('en');
  });

  it('takes the highest-ranked supported language', () => {
    expect(resolveLocale(undefined, 'de-DE;q=1, ru;q=0.5, en;q=0.8')).toBe('en');
    expect(resolveLocale(undefined, 'kk-KZ, ru;q=0.9')).toBe('kk');
  });

  it('falls back to Kazakh', () => {
    expect(resolveLocale(undefined, undefined)).toBe('kk');
    expect(resolveLocale(undefined, 'fr, de;q=0.3')).toBe('kk');
    expect(resolveLocale(undefined, 'en;q=0')).toBe('kk');
  });
});

describe('formatText', () => {
  it('fills known placeholders and leaves unknown ones', () => {
    expect(formatText('{field}: at most {max}', { field: 'login', max: 5 })).toBe('login: at most 5');
    expect(formatText('{unknown}', {})).toBe('{unknown}');
  });
});
