import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';

const ROOT = join(__dirname, '..');

/**
 * What a committed secret looks like. Placeholders stay allowed: empty values and `$VAR` /
 * `${VAR}` references.
 */
const SECRET_PATTERNS: { what: string; pattern: RegExp }[] = [
  { what: 'a private key', pattern: /-----BEGIN (?:RSA |EC |OPENSSH |DSA )?PRIVATE KEY-----/ },
  { what: 'a password inside a database or Redis URL', pattern: /\b(?:postgres(?:ql)?|redis):\/\/[^:\s/@'"`]+:(?![^@\s]*\$)[^@\s'"`]{12,}@/ },
  { what: 'a secret assigned in an env file', pattern: /^(?:SESSION_SECRET|TOKEN_HMAC_SECRET|[A-Z_]*PASSWORD)=(?!\s*$)(?!\$)\S{12,}/m },
  { what: 'a cloud access key', pattern: /\bAKIA[0-9A-Z]{16}\b/ },
];

/** ANONYMITY/security: secrets come from configuration, never from the repository (issue #10). */
describe('the repository', () => {
  it('contains no secret in any tracked file', () => {
    const files = execFileSync('git', ['ls-files', '-z'], { cwd: ROOT, encoding: 'utf8' })
      .split('\0')
      .filter((f) => f && !/\.(png|jpg|ico|xlsx|dump|woff2?)$/.test(f) && !f.startsWith('test/no-secrets'));
    const found = files.flatMap((file) => {
      const text = readFileSync(join(ROOT, file), 'utf8');
      return SECRET_PATTERNS.filter(({ pattern }) => pattern.test(text)).map(({ what }) => `${file}: ${what}`);
    });
    expect(found).toEqual([]);
  });

  it('recognises what it looks for', () => {
    const samples = [
      '-----BEGIN PRIVATE KEY-----',
      'DATABASE_URL=postgres://jqc_owner:9f2c4e1a7b3d5f60@db:5432/jqc',
      'SESSION_SECRET=4f1d2c3b4a596877a1b2c3d4e5f60718',
      'AKIAABCDEFGHIJKLMNOP',
    ];
    samples.forEach((sample, i) => expect(SECRET_PATTERNS[i].pattern.test(sample)).toBe(true));
    expect(SECRET_PATTERNS[1].pattern.test('postgres://jqc_owner:${DB_OWNER_PASSWORD}@postgres:5432/jqc')).toBe(false);
    expect(SECRET_PATTERNS[1].pattern.test('postgres://jqc_owner:$DB_OWNER_PASSWORD@127.0.0.1:54329/jqc')).toBe(false);
    expect(SECRET_PATTERNS[2].pattern.test('SESSION_SECRET=')).toBe(false);
  });
});
