import type { ChoiceStatistics, SurveySnapshot } from '@app/aggregation';
import { Role } from '@app/auth';
import { escapeHtml, LANGUAGE_NAMES, Locale, LOCALES, LocalizedText } from '@app/core';
import { DIMENSIONS, isDimensionCode } from '@app/instruments';
import { Comment, optionLabel, OwnFeedback, QuestionComments, REPORT_TEXTS, ReportTextKey, SurveyReportContext } from '@app/reports';
import { DASHBOARD_TEXTS, DashboardTextKey } from './dashboard.texts';

/** Static files of the pages, with their versioned URLs. */
export interface PageFiles {
  readonly style: string;
  readonly script: string;
}

export interface CampaignRow {
  readonly id: string;
  readonly title: LocalizedText;
  readonly kind: string;
  readonly status: string;
  readonly deadline: Date;
  readonly rate: { invited: number; responded: number; rate: number };
}

function texts(locale: Locale) {
  return {
    t: (key: DashboardTextKey) => escapeHtml(DASHBOARD_TEXTS[key][locale]),
    r: (key: ReportTextKey) => escapeHtml(REPORT_TEXTS[key][locale]),
  };
}

function percent(rate: number | null | undefined): string {
  return rate == null ? '' : `${(rate * 100).toFixed(1)}%`;
}

/** The frame of every page: language switch, sign-out, the page's own script and style from this origin. */
function layout(locale: Locale, files: PageFiles, title: string, body: string, options: { csrfToken?: string; signedIn: boolean }): string {
  const { t } = texts(locale);
  const languages = LOCALES.map((code) => `<a href="?lang=${code}" lang="${code}"${code === locale ? ' aria-current="true"' : ''}>${escapeHtml(LANGUAGE_NAMES[code])}</a>`).join(' ');
  return `<!doctype html>
<html lang="${locale}">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="referrer" content="no-referrer">
<meta name="robots" content="noindex, nofollow">
${options.csrfToken ? `<meta name="csrf-token" content="${escapeHtml(options.csrfToken)}">` : ''}
<link rel="icon" href="data:,">
<title>${title}</title>
<link rel="stylesheet" href="${escapeHtml(files.style)}">
<script src="${escapeHtml(files.script)}" defer></script>
</head>
<body>
<header class="masthead"><span class="brand">${t('brand')}</span><nav class="languages">${languages}</nav>${
    options.signedIn ? `<button type="button" id="sign-out" class="link">${t('signOut')}</button>` : ''
  }</header>
<main>
<h1>${title}</h1>
${body}
</main>
</body>
</html>
`;
}

const THIS_SITE = 'http://this-site.invalid';

/**
 * Where the sign-in page may send a person afterwards: a path on this site, never another
 * host (`//host`, `/\host`, tabs or newlines the URL parser drops, absolute URLs). The
 * browser resolves it with the same parser, so what passes here stays on this site. Null
 * when `next` names no such path: the page then sends the person to their role's own page
 * (dashboard.js: a judge to /feedback, everyone else to /dashboard).
 */
export function localPath(next: unknown): string | null {
  if (typeof next !== 'string' || !next.startsWith('/')) return null;
  let url: URL;
  try {
    url = new URL(next, THIS_SITE);
  } catch {
    return null;
  }
  const path = `${url.pathname}${url.search}${url.hash}`;
  return url.origin === THIS_SITE && !path.startsWith('//') ? path : null;
}

export function renderLoginPage(locale: Locale, files: PageFiles, next: string | null): string {
  const { t } = texts(locale);
  return layout(
    locale,
    files,
    t('loginTitle'),
    `<form id="login" class="login"${next === null ? '' : ` data-next="${escapeHtml(next)}"`}>
<label>${t('login')} <input name="login" autocomplete="username" required></label>
<label>${t('password')} <input name="password" type="password" autocomplete="current-password" required></label>
<button type="submit" class="primary">${t('signIn')}</button>
<p id="login-error" class="alert" role="alert" hidden>${t('signInFailed')}</p>
</form>`,
    { signedIn: false },
  );
}

export function renderCampaignList(locale: Locale, files: PageFiles, csrfToken: string, campaigns: readonly CampaignRow[]): string {
  const { t, r } = texts(locale);
  const rows = campaigns
    .map(
      (c) => `<tr>
<td><a href="/dashboard/campaigns/${escapeHtml(c.id)}?lang=${locale}">${escapeHtml(c.title[locale])}</a></td>
<td>${t(`kind.${c.kind}` as DashboardTextKey)}</td>
<td>${t(`status.${c.status}` as DashboardTextKey)}</td>
<td>${escapeHtml(c.deadline.toISOString().slice(0, 10))}</td>
<td class="number">${c.rate.responded} / ${c.rate.invited}</td>
<td class="number">${percent(c.rate.rate)}</td>
</tr>`,
    )
    .join('\n');
  const table =
    campaigns.length === 0
      ? `<p>${t('noCampaigns')}</p>`
      : `<table><thead><tr><th>${r('campaign')}</th><th>${t('kind')}</th><th>${t('status')}</th><th>${t('deadline')}</th><th>${r('respondents')}</th><th>${r('responseRate')}</th></tr></thead>
<tbody>${rows}</tbody></table>`;
  return layout(locale, files, t('dashboardTitle'), table, { csrfToken, signedIn: true });
}

export interface CampaignPage {
  readonly campaign: CampaignRow;
  /** The published survey snapshot, when there is one. */
  readonly snapshot: SurveySnapshot | null;
  /** Peer-review rounds: the Commission's summary. */
  readonly peerSummary: { judgesWithResults: number; reviewees: number } | null;
  readonly charts: readonly { title: string; svg: string }[];
  readonly questionTitles: Readonly<Record<string, LocalizedText>>;
  readonly choiceLabels: SurveyReportContext['choiceLabels'];
}

/** One download button per language; dashboard.js posts to `url`, polls the export job and downloads the file. */
function exportButtons(locale: Locale, url: string): string {
  const { t } = texts(locale);
  return LOCALES.map(
    (code) => `<button type="button" class="export" data-url="${escapeHtml(url)}" data-locale="${code}">${t('download')} (${escapeHtml(LANGUAGE_NAMES[code])})</button>`,
  ).join(' ');
}

/** Where dashboard.js says that a file is being prepared, or could not be. */
function exportStatus(locale: Locale): string {
  const { t } = texts(locale);
  return `<p id="export-status" role="status" aria-live="polite" data-preparing="${t('preparing')}" data-failed="${t('exportFailed')}"></p>`;
}

/** One campaign: the overall rate while open; after close, the protected snapshot's main tables and charts, and downloads. */
export function renderCampaignPage(locale: Locale, files: PageFiles, csrfToken: string, page: CampaignPage): string {
  const { t, r } = texts(locale);
  const { campaign, snapshot } = page;
  const marker = escapeHtml(snapshot?.suppressionMarker ?? '·');
  const dimensionName = (code: string) => escapeHtml(isDimensionCode(code) ? DIMENSIONS[code][locale] : code);
  const questionTitle = (name: string) => escapeHtml(page.questionTitles[name]?.[locale] ?? name);
  const overview = `<p class="meta">${t(`kind.${campaign.kind}` as DashboardTextKey)} · ${t(`status.${campaign.status}` as DashboardTextKey)} · ${r('responseRate')}: <strong>${percent(campaign.rate.rate)}</strong> (${campaign.rate.responded} / ${campaign.rate.invited})</p>`;
  const sections: string[] = [`<p><a href="/dashboard?lang=${locale}">${t('back')}</a></p>`, overview];
  if (campaign.status === 'draft' || campaign.status === 'open') {
    sections.push(`<p class="note">${t('lockedWhileOpen')}</p>`);
  } else if (page.peerSummary) {
    sections.push(`<p class="note">${t('peerSummary')}</p><p>${t('judgesWithResults')}: <strong>${page.peerSummary.judgesWithResults}</strong> / ${page.peerSummary.reviewees}</p>`);
  } else if (!snapshot) {
    sections.push(`<p class="note">${t('notReady')}</p>`);
  } else {
    const mean = (value: { mean: number | null } | null | undefined) => (value?.mean == null ? marker : value.mean.toFixed(2));
    const cell = <T>(cells: readonly { key: string; value: T | null }[], key: string) => cells.find((c) => c.key === key)?.value;
    const dimensionRows = snapshot.dimensions
      .map(
        (d) =>
          `<tr><th scope="row">${dimensionName(d.code)}</th><td class="number">${mean(cell(d.cells, 'national'))}</td><td class="number">${mean(cell(d.cells, 'gender=f'))}</td><td class="number">${mean(cell(d.cells, 'gender=m'))}</td></tr>`,
      )
      .join('\n');
    // One table per choice question: each option's national share and count, and its share among women and among men.
    const choiceTables = snapshot.choices
      .map((question) => {
        const [national, women, men] = ['national', 'gender=f', 'gender=m'].map((key) => cell(question.cells, key));
        const share = (statistics: ChoiceStatistics | null | undefined, i: number) => {
          const option = statistics?.options[i];
          // A published cell nobody answered has no share: blank, not the suppression marker.
          return option ? percent(option.share) : marker;
        };
        const answered = (key: ReportTextKey, statistics: ChoiceStatistics | null | undefined) => `${r(key)} (n = ${statistics ? statistics.n : marker})`;
        const rows = question.options
          .map((value, i) => {
            const count = national?.options[i]?.count;
            const label = escapeHtml(optionLabel(page.choiceLabels[question.name], value, locale));
            return `<tr><th scope="row">${label}</th><td class="number">${share(national, i)}</td><td class="number">${count ?? marker}</td><td class="number">${share(women, i)}</td><td class="number">${share(men, i)}</td></tr>`;
          })
          .join('\n');
        return `<table class="choices"><caption>${questionTitle(question.name)}</caption>
<thead><tr><th>${r('option')}</th><th>${answered('total', national)}</th><th>${r('chosen')}</th><th>${answered('women', women)}</th><th>${answered('men', men)}</th></tr></thead>
<tbody>${rows}</tbody></table>${question.kind === 'multiple-choice' ? `\n<p class="note">${r('multipleChoiceNote')}</p>` : ''}`;
      })
      .join('\n');
    const gaps = snapshot.genderGaps.gaps.filter((g) => g.significant && g.within === 'national');
    const gapItems = gaps
      .map((g) => {
        const name = g.subject === 'dimension' ? dimensionName(g.id) : questionTitle(g.id);
        return `<li>${name}: ${g.gap.difference > 0 ? '+' : ''}${g.gap.difference.toFixed(2)} (q = ${g.gap.pAdjusted?.toFixed(4) ?? ''})</li>`;
      })
      .join('\n');
    const downloads = exportButtons(locale, `/api/campaigns/${campaign.id}/exports`);
    sections.push(
      `<section aria-labelledby="means"><h2 id="means">${t('dimensionMeans')}</h2>
<table><thead><tr><th></th><th>${r('total')}</th><th>${r('women')}</th><th>${r('men')}</th></tr></thead><tbody>${dimensionRows}</tbody></table>
<p class="note">${escapeHtml(REPORT_TEXTS.marker[locale].replace('{marker}', snapshot.suppressionMarker))}</p></section>`,
      ...(snapshot.choices.length > 0 ? [`<section aria-labelledby="choices"><h2 id="choices">${r('choicesSheet')}</h2>\n${choiceTables}</section>`] : []),
      `<section aria-labelledby="gaps"><h2 id="gaps">${t('significantGaps')}</h2>${gaps.length > 0 ? `<ul>${gapItems}</ul>` : `<p>${t('none')}</p>`}</section>`,
      `<section aria-labelledby="charts" class="charts"><h2 id="charts">${r('chartsSheet')}</h2>${page.charts.map((c) => `<figure><figcaption>${escapeHtml(c.title)}</figcaption>${c.svg}</figure>`).join('\n')}</section>`,
      `<p><a href="/dashboard/campaigns/${escapeHtml(campaign.id)}/comments?lang=${locale}">${t('moderation')}</a></p>`,
      `<section aria-labelledby="downloads"><h2 id="downloads">${t('downloads')}</h2><p>${downloads}</p>${exportStatus(locale)}</section>`,
    );
  }
  return layout(locale, files, escapeHtml(campaign.title[locale]), sections.join('\n'), { csrfToken, signedIn: true });
}

/** The moderation screen: flagged comments first, each with approve and redact; the rest with their status. */
export function renderModerationPage(locale: Locale, files: PageFiles, csrfToken: string, campaign: CampaignRow, questions: readonly QuestionComments[]): string {
  const { t } = texts(locale);
  const item = (c: Comment) => {
    const flags = c.flags.map((f) => t(`flag.${f}` as DashboardTextKey)).join(', ');
    const controls =
      c.status === 'pending'
        ? `<div class="decide"><button type="button" class="approve" data-ref="${escapeHtml(c.ref)}">${t('approve')}</button>
<textarea aria-label="${t('redact')}" data-ref="${escapeHtml(c.ref)}">${escapeHtml(c.text)}</textarea>
<button type="button" class="redact" data-ref="${escapeHtml(c.ref)}">${t('redact')}</button></div>`
        : '';
    return `<li class="comment ${c.status}"><p class="status">${t(`comment.${c.status}` as DashboardTextKey)}${flags ? ` — ${escapeHtml(flags)}` : ''}</p><blockquote>${escapeHtml(c.text)}</blockquote>${controls}</li>`;
  };
  const sections = questions.map((q) => {
    const comments = q.comments ? [...q.comments].sort((a, b) => Number(b.status === 'pending') - Number(a.status === 'pending')) : null;
    return `<section><h2>${escapeHtml(q.title[locale])}</h2>${comments ? `<ul class="comments">${comments.map(item).join('\n')}</ul>` : `<p class="note">${t('tooFewComments')}</p>`}</section>`;
  });
  const body = [
    `<p><a href="/dashboard/campaigns/${escapeHtml(campaign.id)}?lang=${locale}">← ${escapeHtml(campaign.title[locale])}</a></p>`,
    `<p class="note">${t('moderationIntro')}</p>`,
    `<p id="moderation-status" role="status" aria-live="polite" data-campaign="${escapeHtml(campaign.id)}" data-failed="${t('exportFailed')}"></p>`,
    ...sections,
  ].join('\n');
  return layout(locale, files, t('moderation'), body, { csrfToken, signedIn: true });
}

/**
 * A judge's own page (PRODUCT.md 4.6): the published peer-review rounds that hold their
 * feedback, each with its workbook in kk/ru/en through the export jobs. An account linked to
 * no registry judge, or a judge with no published feedback yet, is told why there is nothing.
 */
export function renderFeedbackPage(locale: Locale, files: PageFiles, csrfToken: string, feedback: OwnFeedback): string {
  const { t } = texts(locale);
  let body: string;
  if (!feedback.linked) {
    body = `<p class="note" id="feedback-explanation">${t('feedbackNotLinked')}</p>`;
  } else if (feedback.rounds.length === 0) {
    body = `<p class="note" id="feedback-explanation">${t('feedbackNone')}</p>`;
  } else {
    const rows = feedback.rounds
      .map((round) => {
        const published = round.publishedAt.toISOString();
        return `<tr><td>${escapeHtml(round.title[locale])}</td><td><time datetime="${escapeHtml(published)}">${escapeHtml(published.slice(0, 10))}</time></td><td>${exportButtons(
          locale,
          `/api/peer-feedback/${round.campaignId}/exports`,
        )}</td></tr>`;
      })
      .join('\n');
    body = `<p class="note">${t('feedbackIntro')}</p>
<table class="feedback"><thead><tr><th>${t('reviewRound')}</th><th>${t('publishedOn')}</th><th>${t('feedbackWorkbook')}</th></tr></thead>
<tbody>${rows}</tbody></table>
${exportStatus(locale)}`;
  }
  return layout(locale, files, t('feedbackTitle'), body, { csrfToken, signedIn: true });
}

/** The page each role works on; roles that work only through the API have none. */
export function homePageOf(role: Role): { path: string; title: DashboardTextKey } | null {
  if (role === Role.Judge) return { path: '/feedback', title: 'feedbackTitle' };
  if (role === Role.Commission || role === Role.Hr) return { path: '/dashboard', title: 'dashboardTitle' };
  return null;
}

/**
 * A signed-in person on a page their role may not open (a judge following a link to the
 * dashboard): says so, and leads to their own page, or offers to sign out.
 */
export function renderForbiddenPage(locale: Locale, files: PageFiles, csrfToken: string, role: Role): string {
  const { t } = texts(locale);
  const home = homePageOf(role);
  const onwards = home ? `<p><a id="home-page" href="${home.path}">${t(home.title)}</a></p>` : `<p class="note">${t('forbiddenNoPage')}</p>`;
  return layout(locale, files, t('forbiddenTitle'), `<p class="note" id="forbidden">${t('forbiddenText')}</p>\n${onwards}`, { csrfToken, signedIn: true });
}
