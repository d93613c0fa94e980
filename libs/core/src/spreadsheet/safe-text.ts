const FORMULA_START = /^[=+\-@\t\r]/;

/**
 * Neutralises text a spreadsheet program would run as a formula (CSV/formula injection):
 * a leading `=`, `+`, `-`, `@`, tab or carriage return gets an apostrophe in front, which
 * spreadsheets show as text (ANONYMITY.md H).
 */
export function spreadsheetSafeText(text: string): string {
  return FORMULA_START.test(text) ? `'${text}` : text;
}
