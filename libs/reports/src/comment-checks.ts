/**
 * Screening of free-text answers before anyone reads them in a report (ANONYMITY.md G):
 * comments that name someone from the register or carry obvious personal data are held back
 * until a Commission or HR member approves or redacts them.
 */
export type CommentFlag = 'name' | 'email' | 'phone' | 'case-number';

const EMAIL = /[\p{L}\p{N}._%+-]+@[\p{L}\p{N}.-]+\.\p{L}{2,}/u;
// Kazakhstan numbers (+7 / 8, 10 digits after), with spaces, dashes or brackets between groups.
const PHONE = /(?:\+7|\b8)[\s\-()]*\d{3}[\s\-()]*\d{3}[\s-]*\d{2}[\s-]*\d{2}\b/;
// Case numbers as courts write them, e.g. 7599-23-00-1/123, 2-1234/2024, № 1-25/2023.
const CASE_NUMBER = /\b\d{1,4}-\d{1,4}(?:-\d{1,4}){0,2}\/\d{1,5}\b|№\s*\d+[-/]\d+/;
const WORD = /[\p{L}’'-]+/gu;

/** The words of the register's names worth matching: surnames and given names of 4 letters or more, lowercased. */
export function registerNameWords(fullNames: Iterable<string>): Set<string> {
  const words = new Set<string>();
  for (const name of fullNames) for (const word of name.match(WORD) ?? []) if (word.length >= 4) words.add(word.toLocaleLowerCase('ru'));
  return words;
}

/** Why a comment must wait for a person, or nothing when it may be shown as written. */
export function commentFlags(text: string, nameWords: ReadonlySet<string>): CommentFlag[] {
  const flags: CommentFlag[] = [];
  if ((text.match(WORD) ?? []).some((word) => nameWords.has(word.toLocaleLowerCase('ru')))) flags.push('name');
  if (EMAIL.test(text)) flags.push('email');
  if (PHONE.test(text)) flags.push('phone');
  if (CASE_NUMBER.test(text)) flags.push('case-number');
  return flags;
}
