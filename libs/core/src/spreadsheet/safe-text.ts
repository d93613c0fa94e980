const FORMULA_START = /^[=+\-@\t\r]/;
/**
 * What a workbook cannot hold (XML 1.0 forbids it, and a file holding one does not open): control
 * characters other than tab, line feed and carriage return, U+FFFE/U+FFFF, and unpaired
 * surrogates (`\p{Cs}` under the u flag matches only those).
 */
const NOT_IN_XML = /(?![\t\n\r])\p{Cc}|[\ufffe\uffff]|\p{Cs}/gu;

/**
 * Neutralises text a spreadsheet program would run as a formula (CSV/formula injection):
 * a leading `=`, `+`, `-`, `@`, tab or carriage return gets an apostrophe in front, which
 * spreadsheets show as text (ANONYMITY.md H). Characters no workbook may hold (control
 * characters pasted into a comment, half a surrogate pair) become U+FFFD.
 */
export function spreadsheetSafeText(text: string): string {
  const storable = storableText(text);
  return FORMULA_START.test(storable) ? `'${storable}` : storable;
}

/** The text with every character a workbook cannot hold replaced by U+FFFD. */
export function storableText(text: string): string {
  return text.replace(NOT_IN_XML, '\ufffd');
}
