import { storableText } from '@app/core';

/**
 * A report as data: sheets of titled blocks of rows, before any spreadsheet library sees it.
 * Builders (survey-report.ts, feedback-report.ts) are pure functions of a protected snapshot;
 * the renderer (render-workbook.ts) only lays them out. `null` in a value column is a
 * suppressed value and is rendered as the methodology's marker, never as a number.
 */
export type CellFormat = 'text' | 'integer' | 'decimal' | 'percent';

export interface Column {
  readonly header: string;
  readonly format: CellFormat;
  /** Characters. */
  readonly width: number;
}

export type CellValue = string | number | null;

export interface Block {
  readonly title?: string;
  readonly columns: readonly Column[];
  readonly rows: readonly (readonly CellValue[])[];
  /** Rows to emphasise, e.g. significant gender gaps. */
  readonly highlighted?: readonly number[];
  /** A line under the rows on how to read them. */
  readonly note?: string;
}

export interface ChartImage {
  readonly title: string;
  readonly png: Buffer;
  readonly width: number;
  readonly height: number;
}

export interface Sheet {
  readonly name: string;
  readonly title: string;
  readonly blocks: readonly Block[];
  readonly charts?: readonly ChartImage[];
}

export interface Report {
  readonly title: string;
  readonly suppressionMarker: string;
  readonly sheets: readonly Sheet[];
}

/**
 * Excel allows 31 characters and no `[]:*?/\` in a sheet name, nor an apostrophe at either
 * end; names must be unique. Cut at whole characters: half a surrogate pair cannot be stored.
 */
export function sheetName(title: string, taken: ReadonlySet<string>): string {
  const fit = (text: string, units: number) => {
    let kept = '';
    for (const character of text) {
      if (kept.length + character.length > units) break;
      kept += character;
    }
    return kept.replace(/^['\s]+|['\s]+$/g, '');
  };
  const base = fit(storableText(title).replace(/[[\]:*?/\\]/g, ' '), 28) || 'Sheet';
  let name = base;
  for (let i = 2; taken.has(name); i += 1) name = `${fit(base, 28 - String(i).length - 1)} ${i}`;
  return name;
}
