import { cellKeyOf, DimensionStatistics, GAP_ALPHA, ItemStatistics, PublishedCell, ResponseRate, SurveySnapshot } from '@app/aggregation';
import { formatText, Locale, LocalizedText } from '@app/core';
import { DIMENSIONS, isDimensionCode, ReportingChoice, ReportingQuestion } from '@app/instruments';
import { Block, CellValue, ChartImage, Column, Report, Sheet, sheetName } from './report-model';
import { REPORT_TEXTS, ReportTextKey } from './report-texts';

/** What a survey report needs besides the snapshot: names and dates in people's words. */
export interface SurveyReportContext {
  readonly locale: Locale;
  readonly title: LocalizedText;
  readonly launchedAt: Date | null;
  readonly closedAt: Date | null;
  readonly sha256: string;
  readonly synthetic: boolean;
  /** Question titles by question name. */
  readonly questionTitles: Readonly<Record<string, LocalizedText>>;
  /** The options of each choice question by question name, value and label (yes/no as the instrument words them). */
  readonly choiceLabels: Readonly<Record<string, readonly ReportingChoice[]>>;
  /** Category labels by variable and code (gender, bands, court levels, regions). */
  readonly categoryLabels: Readonly<Record<string, Readonly<Record<string, LocalizedText>>>>;
  readonly charts: readonly ChartImage[];
  /** Comments that passed moderation, per free-text question answered by at least the free-text threshold. */
  readonly comments: readonly { readonly title: LocalizedText; readonly texts: readonly string[] }[];
}

const GENDER_COLUMNS: readonly { key: ReportTextKey; gender: string | null }[] = [
  { key: 'total', gender: null },
  { key: 'women', gender: 'f' },
  { key: 'men', gender: 'm' },
];

type Statistics = ItemStatistics | DimensionStatistics;

/** The titles and option labels a report takes from the instrument's reporting schema. */
export function schemaLabels(schema: readonly ReportingQuestion[]): Pick<SurveyReportContext, 'questionTitles' | 'choiceLabels'> {
  return {
    questionTitles: Object.fromEntries(schema.map((q) => [q.name, q.title])),
    choiceLabels: Object.fromEntries(schema.flatMap((q) => (q.choices ? [[q.name, q.choices]] : []))),
  };
}

/** An option's label in `locale`, or its value where the instrument has none for it. */
export function optionLabel(choices: readonly ReportingChoice[] | undefined, value: string | number | boolean, locale: Locale): string {
  return choices?.find((c) => c.value === value)?.text[locale] ?? String(value);
}

function text(locale: Locale, key: ReportTextKey, params: Record<string, string | number> = {}): string {
  return formatText(REPORT_TEXTS[key][locale], params);
}

function byKey<T>(cells: readonly PublishedCell<T>[]): Map<string, T | null> {
  return new Map(cells.map((c) => [c.key, c.value]));
}

/** n, mean, CI and top-2 share of one cell, or four markers and n when suppressed. */
function statisticsColumns(value: Statistics | null | undefined): CellValue[] {
  if (!value) return [null, null, null, null, null];
  return [value.n, value.mean, value.meanCi?.lower ?? null, value.meanCi?.upper ?? null, value.top2Share];
}

export function surveyReport(snapshot: SurveySnapshot, context: SurveyReportContext): Report {
  const { locale } = context;
  const t = (key: ReportTextKey, params?: Record<string, string | number>) => text(locale, key, params);
  const label = (variable: string, code: string) => context.categoryLabels[variable]?.[code]?.[locale] ?? code;
  const keyOf = (assignment: Record<string, string>) => cellKeyOf(snapshot.catalogue, assignment);
  const genderKey = (gender: string | null, rest: Record<string, string> = {}) => keyOf(gender ? { gender, ...rest } : rest);
  const dimensionName = (code: string) => (isDimensionCode(code) ? DIMENSIONS[code][locale] : code);
  const questionTitle = (name: string) => context.questionTitles[name]?.[locale] ?? name;
  const taken = new Set<string>();
  const sheet = (title: string, blocks: Block[], charts?: ChartImage[]): Sheet => {
    const name = sheetName(title, taken);
    taken.add(name);
    return { name, title, blocks, charts };
  };
  const reportTitle = t(snapshot.campaign.kind === 'judges-survey' ? 'judgesReport' : 'staffReport');
  const national = byKey(snapshot.respondents).get('national');
  const date = (d: Date | null) => (d ? d.toISOString().slice(0, 10) : '');

  const cover = sheet(t('coverSheet'), [
    {
      columns: [
        { header: '', format: 'text', width: 34 },
        { header: '', format: 'text', width: 70 },
      ],
      rows: [
        [t('campaign'), context.title[locale]],
        [t('launched'), date(context.launchedAt)],
        [t('closed'), date(context.closedAt)],
        [t('population'), national ? String(national.population) : null],
        [t('respondents'), national ? String(national.respondents) : null],
        [t('responseRate'), national?.rate != null ? `${(national.rate * 100).toFixed(1)}%` : null],
        [t('release'), String(snapshot.campaign.release)],
        [t('snapshotHash'), context.sha256],
        ...(context.synthetic ? [[t('synthetic'), '']] : []),
      ],
    },
  ]);

  const thresholds = snapshot.thresholds;
  const methodology = sheet(t('methodologySheet'), [
    {
      title: t('thresholds'),
      columns: [
        { header: '', format: 'text', width: 80 },
        { header: '', format: 'integer', width: 10 },
      ],
      rows: [
        [t('thresholdCount'), thresholds.count],
        [t('thresholdMean'), thresholds.mean],
        [t('thresholdFreeText'), thresholds.freeText],
        [t('thresholdPeer'), thresholds.peer],
      ],
    },
    {
      columns: [{ header: '', format: 'text', width: 120 }],
      rows: [
        [t('marker', { marker: snapshot.suppressionMarker })],
        [t('catalogue')],
        [t('audit')],
        [t('ciMethod')],
        [t('gapMethod', { alpha: GAP_ALPHA })],
        [t('reverseMethod')],
        [t('undisclosedMethod')],
        ...(snapshot.choices.length > 0 ? [[t('choiceMethod')]] : []),
        [t('weighting')],
        ...(context.synthetic ? [[t('synthetic')]] : []),
      ],
    },
    ...snapshot.catalogue.variables
      .filter((v) => v.name === 'age-band' || v.name === 'experience-band')
      .map((v) => ({
        title: `${t('bands')}: ${t(v.name as ReportTextKey)}`,
        columns: [{ header: '', format: 'text' as const, width: 40 }],
        rows: v.categories.map((code) => [label(v.name, code)]),
      })),
  ]);

  const rates = byKey(snapshot.respondents);
  const rateColumns: Column[] = GENDER_COLUMNS.flatMap(({ key }) => [
    { header: `${t(key)}: ${t('respondents')}`, format: 'integer' as const, width: 14 },
    { header: `${t(key)}: ${t('population')}`, format: 'integer' as const, width: 14 },
    { header: `${t(key)}: ${t('responseRate')}`, format: 'percent' as const, width: 14 },
  ]);
  const rateRow = (name: string, rest: Record<string, string>) => [
    name,
    ...GENDER_COLUMNS.flatMap(({ gender }) => {
      const value: ResponseRate | null | undefined = rates.get(genderKey(gender, rest));
      return value ? [value.respondents, value.population, value.rate] : [null, null, null];
    }),
  ];
  const regions = snapshot.catalogue.variables.find((v) => v.name === 'region')?.categories ?? [];
  const responseRates = sheet(t('responseRatesSheet'), [
    {
      columns: [{ header: t('region'), format: 'text', width: 34 }, ...rateColumns],
      rows: [rateRow(t('national'), {}), ...regions.map((code) => rateRow(label('region', code), { region: code }))],
    },
  ]);

  const statisticsHeaders: Column[] = GENDER_COLUMNS.flatMap(({ key }) => [
    { header: `${t(key)}: ${t('n')}`, format: 'integer' as const, width: 9 },
    { header: `${t(key)}: ${t('mean')}`, format: 'decimal' as const, width: 11 },
    { header: `${t(key)}: ${t('ciLow')}`, format: 'decimal' as const, width: 11 },
    { header: `${t(key)}: ${t('ciHigh')}`, format: 'decimal' as const, width: 11 },
    { header: `${t(key)}: ${t('top2')}`, format: 'percent' as const, width: 11 },
  ]);
  // Gender is in the columns; each other variable gets a table of its own.
  const breakdowns = snapshot.catalogue.variables.filter((v) => v.name !== 'gender');
  const dimensionSheets = snapshot.dimensions.map((dimension) => {
    const items = snapshot.questions.filter((q) => q.dimension === dimension.code);
    const scores = byKey(dimension.cells);
    const genderRow = (code: string, title: string, cells: Map<string, Statistics | null>) => [
      code,
      title,
      ...GENDER_COLUMNS.flatMap(({ gender }) => statisticsColumns(cells.get(genderKey(gender)))),
    ];
    return sheet(dimensionName(dimension.code), [
      {
        title: t('byGender'),
        columns: [{ header: t('code'), format: 'text', width: 12 }, { header: t('question'), format: 'text', width: 60 }, ...statisticsHeaders],
        rows: [...items.map((q) => genderRow(q.name, questionTitle(q.name), byKey<Statistics>(q.cells))), genderRow(dimension.code, t('dimensionScore'), scores)],
      },
      ...breakdowns.map((variable) => ({
        title: t('by', { variable: t(variable.name as ReportTextKey) }),
        columns: [
          { header: t(variable.name as ReportTextKey), format: 'text' as const, width: 40 },
          ...GENDER_COLUMNS.flatMap(({ key }) => [
            { header: `${t(key)}: ${t('n')}`, format: 'integer' as const, width: 9 },
            { header: `${t(key)}: ${t('mean')}`, format: 'decimal' as const, width: 11 },
          ]),
        ],
        rows: variable.categories.map((code) => [
          label(variable.name, code),
          ...GENDER_COLUMNS.flatMap(({ gender }) => {
            const value = scores.get(genderKey(gender, { [variable.name]: code }));
            return value ? [value.n, value.mean] : [null, null];
          }),
        ]),
      })),
    ]);
  });

  const choiceBlocks = snapshot.choices.flatMap((question): Block[] => {
    const cells = byKey(question.cells);
    const title = questionTitle(question.name);
    const labels = question.options.map((value) => optionLabel(context.choiceLabels[question.name], value, locale));
    const byGender: Block = {
      title,
      columns: [
        { header: t('option'), format: 'text', width: 60 },
        ...GENDER_COLUMNS.flatMap(({ key }) => [
          { header: `${t(key)}: ${t('share')}`, format: 'percent' as const, width: 11 },
          { header: `${t(key)}: ${t('chosen')}`, format: 'integer' as const, width: 11 },
        ]),
      ],
      rows: [
        ...labels.map((optionText, i) => [
          optionText,
          ...GENDER_COLUMNS.flatMap(({ gender }) => {
            const option = cells.get(genderKey(gender))?.options[i];
            // A published cell nobody answered has no share: blank, not the suppression marker.
            return option ? [option.share ?? '', option.count] : [null, null];
          }),
        ]),
        // n under the counts: the base of every share above it.
        [t('answered'), ...GENDER_COLUMNS.flatMap(({ gender }) => ['', cells.get(genderKey(gender))?.n ?? null])],
      ],
      note: question.kind === 'multiple-choice' ? t('multipleChoiceNote') : undefined,
    };
    // A multiple choice is published nationally and by gender only (docs/disclosure-control.md).
    const byVariable = breakdowns.filter((variable) => question.cells.some((c) => variable.name in c.assignment)).map(
      (variable): Block => ({
        title: t('choiceBy', { question: title, variable: t(variable.name as ReportTextKey) }),
        columns: [
          { header: t(variable.name as ReportTextKey), format: 'text', width: 40 },
          ...GENDER_COLUMNS.flatMap(({ key }) => [
            { header: `${t(key)}: ${t('n')}`, format: 'integer' as const, width: 9 },
            ...labels.map((optionText) => ({ header: `${t(key)}: ${optionText}`, format: 'percent' as const, width: 12 })),
          ]),
        ],
        rows: variable.categories.map((code) => [
          label(variable.name, code),
          ...GENDER_COLUMNS.flatMap(({ gender }) => {
            const value = cells.get(genderKey(gender, { [variable.name]: code }));
            return [value?.n ?? null, ...labels.map((_, i) => (value?.options[i] ? (value.options[i].share ?? '') : null))];
          }),
        ]),
      }),
    );
    return [byGender, ...byVariable];
  });
  const choiceSheets = choiceBlocks.length > 0 ? [sheet(t('choicesSheet'), choiceBlocks)] : [];

  const withinLabel = (within: string) =>
    within === 'national'
      ? t('national')
      : within
          .split('|')
          .map((part) => {
            const [variable, code] = part.split('=');
            return `${t(variable as ReportTextKey)}: ${label(variable, code)}`;
          })
          .join(', ');
  const gaps = snapshot.genderGaps.gaps;
  const gapSheet = sheet(t('gapsSheet'), [
    {
      columns: [
        { header: t('subject'), format: 'text', width: 60 },
        { header: t('code'), format: 'text', width: 12 },
        { header: t('within'), format: 'text', width: 40 },
        { header: t('difference'), format: 'decimal', width: 12 },
        { header: t('ciLow'), format: 'decimal', width: 12 },
        { header: t('ciHigh'), format: 'decimal', width: 12 },
        { header: t('pValue'), format: 'decimal', width: 10 },
        { header: t('qValue'), format: 'decimal', width: 12 },
        { header: t('significant'), format: 'text', width: 11 },
      ],
      rows: gaps.map((g) => [
        g.subject === 'dimension' ? `${dimensionName(g.id)} — ${t('dimensionScore')}` : questionTitle(g.id),
        g.id,
        withinLabel(g.within),
        g.gap.difference,
        g.gap.ci.lower,
        g.gap.ci.upper,
        g.gap.pValue,
        g.gap.pAdjusted,
        g.significant ? t('yes') : t('no'),
      ]),
      highlighted: gaps.flatMap((g, i) => (g.significant ? [i] : [])),
    },
  ]);

  const commentSheet = sheet(t('commentsSheet'), [
    { columns: [{ header: '', format: 'text', width: 120 }], rows: [[t('commentsNote', { threshold: thresholds.freeText })]] },
    ...context.comments.map((q) => ({ title: q.title[locale], columns: [{ header: '', format: 'text' as const, width: 120 }], rows: q.texts.map((text) => [text]) })),
  ]);

  return {
    title: reportTitle,
    suppressionMarker: snapshot.suppressionMarker,
    sheets: [cover, methodology, responseRates, ...dimensionSheets, ...choiceSheets, gapSheet, ...(context.comments.length > 0 ? [commentSheet] : []), ...(context.charts.length > 0 ? [sheet(t('chartsSheet'), [], [...context.charts])] : [])],
  };
}
