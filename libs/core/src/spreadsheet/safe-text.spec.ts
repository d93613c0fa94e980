import { spreadsheetSafeText } from './safe-text';

describe('spreadsheetSafeText', () => {
  it.each(['=HYPERLINK("x")', '+1', '-2+3', '@SUM(A1)', '\tcmd', '\rcmd'])('neutralises %j', (text) => {
    expect(spreadsheetSafeText(text)).toBe(`'${text}`);
  });

  it.each(['Айгерім', 'a=b', '2026-01-01', ''])('leaves %j alone', (text) => {
    expect(spreadsheetSafeText(text)).toBe(text);
  });

  it('replaces what no workbook can hold: control characters and half surrogate pairs', () => {
    expect(spreadsheetSafeText('a\u0001b\u000bc\ud800d\uffff')).toBe('a\ufffdb\ufffdc\ufffdd\ufffd');
    expect(spreadsheetSafeText('line\nnext\tcell')).toBe('line\nnext\tcell');
  });
});
