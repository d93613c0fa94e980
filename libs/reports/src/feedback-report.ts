import type { PeerReviewResult, PeerReviewSnapshot } from '@app/aggregation';
import { Locale, LocalizedText } from '@app/core';
import { DIMENSIONS, isDimensionCode } from '@app/instruments';
import { Report } from './report-model';
import { REPORT_TEXTS, ReportTextKey } from './report-texts';

const WITHHELD_REASONS: Record<string, LocalizedText> = {
  'too-few-reviewers': { kk: 'бағалаушылар тым аз', ru: 'слишком мало оценивших', en: 'too few reviewers' },
  'distribution-deducible': { kk: 'үлестірім бағалаушыларды ашар еді', ru: 'распределение раскрыло бы оценивших', en: 'the distribution would reveal reviewers' },
  'mean-deducible': { kk: 'орташа бағалаушыларды ашар еді', ru: 'среднее раскрыло бы оценивших', en: 'the mean would reveal reviewers' },
  'peer-group-too-small': { kk: 'деңгей тобы тым кіші', ru: 'группа уровня слишком мала', en: 'the level’s peer group is too small' },
};

/**
 * A judge's own entry in a peer-review release, or null when the release holds none for them
 * (not reviewed in that round). The one rule for whether a judge has feedback: the page that
 * lists a judge's rounds, the export request and the workbook all go through it.
 */
export function feedbackOf(snapshot: Pick<PeerReviewSnapshot, 'judges'>, judgeId: string): PeerReviewResult | null {
  return snapshot.judges.find((j) => j.judgeId === judgeId) ?? null;
}

/**
 * One judge's peer feedback (PRODUCT.md 4.6): per competency, the number of reviewers, the
 * judge's mean against the mean of the same court level, and the distribution, each shown only
 * where the peer-review rules allow; what is withheld says why.
 */
export function feedbackReport(result: PeerReviewResult, context: { locale: Locale; campaignTitle: LocalizedText; scale: { min: number; max: number }; marker: string }): Report {
  const { locale } = context;
  const t = (key: ReportTextKey) => REPORT_TEXTS[key][locale];
  const points = Array.from({ length: context.scale.max - context.scale.min + 1 }, (_, i) => context.scale.min + i);
  return {
    title: t('feedbackReport'),
    suppressionMarker: context.marker,
    sheets: [
      {
        name: t('feedbackSheet').slice(0, 31),
        title: `${t('feedbackReport')}: ${context.campaignTitle[locale]}`,
        blocks: [
          {
            columns: [
              { header: t('competency'), format: 'text', width: 44 },
              { header: t('reviewers'), format: 'integer', width: 12 },
              { header: t('yourMean'), format: 'decimal', width: 14 },
              { header: t('peerAverage'), format: 'decimal', width: 16 },
              { header: t('differenceFromPeers'), format: 'decimal', width: 14 },
              ...points.map((p) => ({ header: String(p), format: 'integer' as const, width: 6 })),
              { header: t('withheld'), format: 'text', width: 50 },
            ],
            rows: result.competencies.map((c) => [
              isDimensionCode(c.competency) ? DIMENSIONS[c.competency][locale] : c.competency,
              c.n,
              c.mean,
              c.peerAverage,
              c.difference,
              ...points.map((p) => c.distribution?.find((d) => d.value === p)?.count ?? null),
              c.withheld.map((w) => WITHHELD_REASONS[w]?.[locale] ?? w).join('; '),
            ]),
          },
        ],
      },
    ],
  };
}
