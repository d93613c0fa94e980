import { Resvg } from '@resvg/resvg-js';
import * as vega from 'vega';
import { compile, TopLevelSpec } from 'vega-lite';
import type { SurveySnapshot } from '@app/aggregation';
import { Locale, LocalizedText } from '@app/core';
import { DIMENSIONS, isDimensionCode } from '@app/instruments';
import { REPORT_TEXTS } from './report-texts';

/** The font the charts ask for; the Docker image installs it (fonts-dejavu-core), and it covers Kazakh. */
const FONT = 'DejaVu Sans';

export interface Chart {
  readonly title: string;
  readonly svg: string;
  readonly png: Buffer;
  readonly width: number;
  readonly height: number;
}

/** Renders a vega-lite spec to SVG (dashboard) and PNG (workbooks), headless, with no canvas. */
export async function renderChart(title: string, spec: TopLevelSpec): Promise<Chart> {
  const view = new vega.View(vega.parse(compile({ ...spec, config: { font: FONT, ...(spec.config ?? {}) } } as TopLevelSpec).spec), { renderer: 'none' });
  const svg = await view.toSVG();
  view.finalize();
  const rendered = new Resvg(svg, { font: { loadSystemFonts: true, defaultFontFamily: FONT }, fitTo: { mode: 'zoom', value: 1.5 } }).render();
  return { title, svg, png: rendered.asPng(), width: Math.round(rendered.width / 1.5), height: Math.round(rendered.height / 1.5) };
}

/**
 * The main charts of a survey, drawn only from published cells: mean dimension scores of
 * women and men, and the response rate by region. Suppressed cells are left out, not drawn
 * as zero.
 */
export async function surveyCharts(snapshot: SurveySnapshot, locale: Locale, regionNames: Readonly<Record<string, LocalizedText>>): Promise<Chart[]> {
  const t = (key: keyof typeof REPORT_TEXTS) => REPORT_TEXTS[key][locale];
  const dimensionName = (code: string) => (isDimensionCode(code) ? DIMENSIONS[code][locale] : code);
  const means = snapshot.dimensions.flatMap((d) =>
    (['f', 'm'] as const).flatMap((gender) => {
      const value = d.cells.find((c) => c.key === `gender=${gender}`)?.value;
      return value?.mean == null ? [] : [{ dimension: dimensionName(d.code), gender: t(gender === 'f' ? 'women' : 'men'), mean: value.mean }];
    }),
  );
  const rates = snapshot.respondents.flatMap((c) =>
    c.tableId === 'region' && c.value?.rate != null ? [{ region: regionNames[c.assignment.region]?.[locale] ?? c.assignment.region, rate: c.value.rate }] : [],
  );
  const charts: Chart[] = [];
  if (means.length > 0) {
    charts.push(
      await renderChart(t('chartDimensions'), {
        data: { values: means },
        width: 560,
        height: { step: 14 },
        mark: 'bar',
        encoding: {
          y: { field: 'dimension', type: 'nominal', title: null, axis: { labelLimit: 260 } },
          yOffset: { field: 'gender' },
          // Bars start at zero, as bars must; the axis ends at the top of the scale.
          x: { field: 'mean', type: 'quantitative', title: t('mean'), scale: { domain: [0, snapshot.dimensions[0]?.scale.max ?? 5] } },
          color: { field: 'gender', type: 'nominal', title: t('gender') },
        },
      }),
    );
  }
  if (rates.length > 0) {
    charts.push(
      await renderChart(t('chartRates'), {
        data: { values: rates },
        width: 560,
        height: { step: 16 },
        mark: 'bar',
        encoding: {
          y: { field: 'region', type: 'nominal', title: null, sort: '-x', axis: { labelLimit: 260 } },
          x: { field: 'rate', type: 'quantitative', title: t('responseRate'), axis: { format: '%' }, scale: { domain: [0, 1] } },
        },
      }),
    );
  }
  return charts;
}
