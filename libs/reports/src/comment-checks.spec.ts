import { commentFlags, registerNameWords } from './comment-checks';

describe('comment screening', () => {
  const names = registerNameWords(['Нурланова Айгерім Саматқызы', 'Ivanov Petr', 'Ли Ан']);

  it('flags register names as whole words, in any case', () => {
    expect(commentFlags('Судья НУРЛАНОВА всегда опаздывает', names)).toEqual(['name']);
    expect(commentFlags('Айгерім көмектесті', names)).toEqual(['name']);
    expect(commentFlags('Нурлановка — это село', names)).toEqual([]);
    expect(commentFlags('Ли и Ан', names)).toEqual([]);
  });

  it('flags e-mail addresses, phone numbers and case numbers', () => {
    expect(commentFlags('пишите на a.b@sud.kz', names)).toEqual(['email']);
    expect(commentFlags('звоните +7 (701) 123-45-67', names)).toEqual(['phone']);
    expect(commentFlags('звоните 8 701 123 45 67', names)).toEqual(['phone']);
    expect(commentFlags('по делу 7599-23-00-1/123 решение', names)).toEqual(['case-number']);
    expect(commentFlags('дело № 2-1234/2024', names)).toEqual(['case-number']);
  });

  it('lets ordinary comments through', () => {
    expect(commentFlags('Нагрузка слишком высокая, нужно больше помощников. 2024 год был тяжёлым.', names)).toEqual([]);
    expect(commentFlags('Ұжым жақсы, бірақ жүктеме көп.', names)).toEqual([]);
  });
});
