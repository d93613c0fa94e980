/**
 * `export-workbook`: the national staff workbook (ReportsService.run: snapshot → report model
 * → charts → exceljs → stored bytes) against exceljs writing the same cell values with no
 * logic at all, in the same process, with peak RSS.
 *
 *   npm run bench -- export-workbook
 */
import { randomUUID } from 'node:crypto';
import ExcelJS from 'exceljs';
import { AggregationService } from '@app/aggregation';
import { Role } from '@app/auth';
import { ReportsModule, ReportsService } from '@app/reports';
import { compare, median, ratioAtMost, recordRun, runBenchmark, timed } from './harness';
import { closedNationalSurvey, loadRegister, NATIONAL_SURVEYS, openBenchDatabase } from './national-survey';

const RUNS = 3;

/** Every sheet's cell values, read back from a workbook. */
async function cellValues(bytes: Buffer): Promise<{ name: string; rows: ExcelJS.CellValue[][] }[]> {
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.load(bytes as unknown as ExcelJS.Buffer);
  return workbook.worksheets.map((ws) => {
    const rows: ExcelJS.CellValue[][] = [];
    ws.eachRow((row) => rows.push((row.values as ExcelJS.CellValue[]).slice(1)));
    return { name: ws.name, rows };
  });
}

/** The floor: exceljs writing the same values, no styles, formats, charts or checks. */
async function plainWorkbook(sheets: { name: string; rows: ExcelJS.CellValue[][] }[]): Promise<Buffer> {
  const workbook = new ExcelJS.Workbook();
  for (const sheet of sheets) workbook.addWorksheet(sheet.name).addRows(sheet.rows);
  return Buffer.from(await workbook.xlsx.writeBuffer());
}

runBenchmark(async () => {
  const bench = await openBenchDatabase([ReportsModule]);
  try {
    await loadRegister(bench.module, 1);
    const staff = NATIONAL_SURVEYS.find((s) => s.kind === 'staff-survey')!;
    const survey = await closedNationalSurvey(bench.module, bench.owner, staff, 2000);
    await bench.module.get(AggregationService).aggregate(survey.campaignId, 1);
    const reports = bench.module.get(ReportsService);
    const hr = { userId: randomUUID(), login: 'hr', role: Role.Hr };

    const exports: number[] = [];
    let bytes: Buffer = Buffer.alloc(0);
    for (let run = 0; run < RUNS; run += 1) {
      const requested = await reports.requestSurveyExport(hr, survey.campaignId, 'ru');
      exports.push((await timed(() => reports.run(requested.id))).ms);
      bytes = (await reports.download(hr, requested.id)).bytes;
    }
    const sheets = await cellValues(bytes);
    const floors: number[] = [];
    for (let run = 0; run < RUNS; run += 1) floors.push((await timed(() => plainWorkbook(sheets))).ms);

    const cells = sheets.reduce((sum, s) => sum + s.rows.reduce((n, r) => n + r.length, 0), 0);
    const peakMb = process.resourceUsage().maxRSS / 1024;
    recordRun(
      'export-workbook',
      [
        compare('export-workbook.staff', { value: median(exports) / 1000, unit: 's' }, { what: 'exceljs writing the same cell values, no logic', value: median(floors) / 1000 }, ratioAtMost(2)),
        compare('export-workbook.peak-rss', { value: peakMb, unit: 'MB' }, { what: '1 GB', value: 1024 }, ratioAtMost(1)),
      ],
      [
        `national staff workbook: ${sheets.length} sheets, ${cells.toLocaleString('en-US')} cells, ${(bytes.length / 1024).toFixed(0)} KB; the export includes rendering two charts to PNG and storing the bytes, the floor does neither.`,
        'No record-level (microdata) export exists (ANONYMITY.md H allows one for admins only; not built), so the 100× record-level streaming case is not measured.',
      ],
    );
  } finally {
    await bench.close();
  }
});
