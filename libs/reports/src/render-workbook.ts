import ExcelJS from 'exceljs';
import { spreadsheetSafeText } from '@app/core';
import { CellFormat, Report } from './report-model';

const NUMBER_FORMATS: Record<CellFormat, string | undefined> = {
  text: undefined,
  integer: '0',
  decimal: '0.00',
  percent: '0.0%',
};

const HEADER_FILL: ExcelJS.Fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFDDE5F0' } };
const HIGHLIGHT_FILL: ExcelJS.Fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFFFF2CC' } };

/**
 * Lays a report out as an .xlsx (ANONYMITY.md H): values only (no formulas), every text
 * neutralised against formula injection, suppressed values as the marker, no hidden sheets,
 * comments, defined names or data-bearing document properties. Readable: a title row,
 * frozen headers, number formats, column widths and landscape fit-to-width printing.
 */
export async function renderWorkbook(report: Report): Promise<Buffer> {
  const workbook = new ExcelJS.Workbook();
  // Fixed properties: the file says nothing about who exported it or when.
  workbook.creator = 'JQC';
  workbook.lastModifiedBy = 'JQC';
  workbook.created = new Date(0);
  workbook.modified = new Date(0);

  for (const sheet of report.sheets) {
    const ws = workbook.addWorksheet(sheet.name, {
      pageSetup: { orientation: 'landscape', fitToPage: true, fitToWidth: 1, fitToHeight: 0, paperSize: 9 },
    });
    const widths: number[] = [];
    ws.addRow([spreadsheetSafeText(sheet.title)]).font = { bold: true, size: 14 };
    let frozen = 0;
    for (const block of sheet.blocks) {
      ws.addRow([]);
      if (block.title) ws.addRow([spreadsheetSafeText(block.title)]).font = { bold: true, size: 12 };
      block.columns.forEach((column, i) => (widths[i] = Math.max(widths[i] ?? 0, column.width)));
      if (block.columns.some((c) => c.header !== '')) {
        const header = ws.addRow(block.columns.map((c) => spreadsheetSafeText(c.header)));
        header.font = { bold: true };
        header.alignment = { wrapText: true, vertical: 'top' };
        header.eachCell((cell) => (cell.fill = HEADER_FILL));
        // The first table's header stays in view while scrolling.
        if (frozen === 0) frozen = header.number;
      }
      const highlighted = new Set(block.highlighted ?? []);
      block.rows.forEach((values, r) => {
        const row = ws.addRow(values.map((value) => (value === null ? report.suppressionMarker : typeof value === 'string' ? spreadsheetSafeText(value) : value)));
        block.columns.forEach((column, i) => {
          const format = NUMBER_FORMATS[column.format];
          const cell = row.getCell(i + 1);
          if (format && typeof values[i] === 'number') cell.numFmt = format;
          if (values[i] === null) cell.alignment = { horizontal: 'center' };
          if (column.format === 'text') cell.alignment = { wrapText: true, vertical: 'top' };
        });
        if (highlighted.has(r)) row.eachCell((cell) => (cell.fill = HIGHLIGHT_FILL));
      });
      if (block.note) ws.addRow([spreadsheetSafeText(block.note)]).font = { italic: true };
    }
    widths.forEach((width, i) => (ws.getColumn(i + 1).width = width));
    if (frozen > 0) ws.views = [{ state: 'frozen', ySplit: frozen }];

    let top = ws.rowCount + 1;
    for (const chart of sheet.charts ?? []) {
      ws.getCell(top, 1).value = spreadsheetSafeText(chart.title);
      ws.getCell(top, 1).font = { bold: true };
      const image = workbook.addImage({ buffer: chart.png as unknown as ExcelJS.Buffer, extension: 'png' });
      ws.addImage(image, { tl: { col: 0, row: top }, ext: { width: chart.width, height: chart.height } });
      top += Math.ceil(chart.height / 20) + 3;
    }
  }
  return Buffer.from(await workbook.xlsx.writeBuffer());
}
