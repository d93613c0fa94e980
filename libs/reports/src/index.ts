// Reports: pure builders of workbook content from protected snapshots (survey-report.ts,
// feedback-report.ts), charts (vega-lite → SVG/PNG), the exceljs renderer, and the export
// service the API and the worker share. See docs/reports.md.
export * from './charts';
export * from './comment-checks';
export * from './comments.service';
export * from './entities/comment-decision.entity';
export * from './entities/report-export.entity';
export * from './feedback-report';
export * from './render-workbook';
export * from './report-model';
export * from './report-texts';
export * from './reports.errors';
export * from './reports.module';
export * from './reports.service';
export * from './survey-report';
