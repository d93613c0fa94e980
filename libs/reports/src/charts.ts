import { Resvg } from '@resvg/resvg-js';
import * as vega from 'vega';
import { compile, TopLevelSpec } from 'vega-lite';
import type { SurveySnapshot } from '@app/aggregation';
import { Locale } from '@app/core';
import { DIMENSIONS, isDimensionCode } from '@app/instruments';
import { REGION_NAMES } from '@app/registry';
import { ChartImage } from './report-model';
import { REPORT_TEXTS } from './report-texts';

/** The font the charts ask for; the Docker image installs it (fonts-dejavu-core), and it covers Kazakh. */
const FONT = 'DejaVu Sans';

export interface Chart {
  readonly title: string;
  readonly svg: string;
}

/** PNGs are drawn at this zoom and placed at their SVG size, so they stay sharp when printed. */
const PNG_ZOOM = 1.5;

/** Renders a vega-lite spec to SVG, headless, with no canvas. */
export async function renderChart(title: string, spec: TopLevelSpec): Promise<Chart> {
  const view = new vega.View(vega.parse(compile({ ...spec, config: { font: FONT, ...(spec.config ?? {}) } } as TopLevelSpec).spec), { renderer: 'none' });
  const svg = await view.toSVG();
  view.finalize();
  return { title, svg };
}

/** A chart as a picture for workbooks (the dashboard shows the SVG itself). */
export function chartImage(chart: Chart): ChartImage {
  const rendered = new Resvg(chart.svg, { font: { loadSystemFonts: true, defaultFontFamily: FONT }, fitTo: { mode: 'zoom', value: PNG_ZOOM } }).render();
  return { title: chart.title, png: rendered.asPng(), width: Math.round(rendered.width / PNG_ZOOM), height: Math.round(rendered.height / PNG_ZOOM) };
}

/**
 * The main charts of a survey, drawn only from published cells: mean dimension scores of
 * women and men, and the response rate by region. Suppressed cells are left out, not drawn
 * as zero.
 */
export async function surveyCharts(snapshot: SurveySnapshot, locale: Locale): Promise<Chart[]> {
  const t = (key: keyof typeof REPORT_TEXTS) => REPORT_TEXTS[key][locale];
  const dimensionName = (code: string) => (isDimensionCode(code) ? DIMENSIONS[code][locale] : code);
  const means = snapshot.dimensions.flatMap((d) =>
    (['f', 'm'] as const).flatMap((gender) => {
      const value = d.cells.find((c) => c.key === `gender=${gender}`)?.value;
      return value?.mean == null ? [] : [{ dimension: dimensionName(d.code), gender: t(gender === 'f' ? 'women' : 'men'), mean: value.mean }];
    }),
  );
  const rates = snapshot.respondents.flatMap((c) =>
    c.tableId === 'region' && c.value?.rate != null ? [{ region: REGION_NAMES[c.assignment.region]?.[locale] ?? c.assignment.region, rate: c.value.rate }] : [],
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
