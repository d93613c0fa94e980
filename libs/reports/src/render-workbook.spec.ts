import ExcelJS from 'exceljs';
import fc from 'fast-check';
import { Report, sheetName } from './report-model';
import { renderWorkbook } from './render-workbook';

/** Text from people: instrument and question titles (designers), comments (respondents), labels. */
const typedText = fc.oneof(
  fc.string({ unit: 'binary', maxLength: 60 }),
  fc.constantFrom('=HYPERLINK("http://evil.example","x")', '+1+1', '-2', '@SUM(A1)', '\tcmd', '\rcmd', "'quoted'", '<script>alert(1)</script>', ']]><x/>', 'a\u0001b\u000b', '\ud800'),
);

function reportOf(texts: string[]): Report {
  const taken = new Set<string>();
  const named = (title: string) => {
    const name = sheetName(title, taken);
    taken.add(name);
    return name;
  };
  return {
    title: texts[0],
    suppressionMarker: '·',
    sheets: texts.map((text) => ({
      name: named(text),
      title: text,
      blocks: [{ title: text, columns: [{ header: text, format: 'text', width: 20 }, { header: 'n', format: 'integer', width: 8 }], rows: [[text, 5], [text, null]], note: text }],
    })),
  };
}

describe('renderWorkbook with typed text', () => {
  it('always writes a workbook that opens, with every text cell a plain value that no spreadsheet runs as a formula', async () => {
    await fc.assert(
      fc.asyncProperty(fc.array(typedText, { minLength: 1, maxLength: 4 }), async (texts) => {
        const workbook = new ExcelJS.Workbook();
        await workbook.xlsx.load((await renderWorkbook(reportOf(texts))) as unknown as ExcelJS.Buffer);
        expect(workbook.worksheets).toHaveLength(texts.length);
        for (const sheet of workbook.worksheets) {
          sheet.eachRow((row) =>
            row.eachCell((cell) => {
              expect(cell.type === ExcelJS.ValueType.String || cell.type === ExcelJS.ValueType.Number).toBe(true);
              if (typeof cell.value === 'string') expect(cell.value).not.toMatch(/^[=+\-@\t\r]/);
            }),
          );
        }
      }),
      // Each run writes and reopens a workbook: fewer runs, and room for a busy machine.
      { numRuns: 80 },
    );
  }, 60_000);
});
