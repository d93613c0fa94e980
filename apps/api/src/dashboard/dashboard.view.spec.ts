import fc from 'fast-check';
import { buildCatalogue, catalogueCells, ChoiceStatistics, SURVEY_SNAPSHOT_FORMAT, SurveySnapshot } from '@app/aggregation';
import { Locale, LocalizedText } from '@app/core';
import { Role, ROLES } from '@app/auth';
import { ReportingChoice } from '@app/instruments';
import { CampaignRow, localPath, renderCampaignList, renderCampaignPage, renderFeedbackPage, renderForbiddenPage, renderLoginPage, renderModerationPage } from './dashboard.view';

const FILES = { style: '/dashboard/assets/dashboard.css?v=1', script: '/dashboard/assets/dashboard.js?v=1' };
const CAMPAIGN_ID = '6f1c1f55-8d0e-4a51-9d2c-6a7f3f0f1a10';

/** Text anyone could have typed: campaign and round titles (HR, Commission), question titles (instrument designers), comments (respondents). */
const typedText = fc.oneof(
  fc.string(),
  fc.constantFrom('<script>alert(1)</script>', '"><img src=x onerror=alert(1)>', "' onmouseover='alert(1)", '</textarea><script>x()</script>', '&lt;b&gt;', '<!--', ']]>'),
);
const title = (text: string): LocalizedText => ({ kk: text, ru: text, en: text });

function row(text: string): CampaignRow {
  return { id: CAMPAIGN_ID, title: title(text), kind: 'staff-survey', status: 'open', deadline: new Date('2026-12-01T00:00:00Z'), rate: { invited: 10, responded: 4, rate: 0.4 } };
}

function round(text: string) {
  return { campaignId: CAMPAIGN_ID, title: title(text), publishedAt: new Date('2026-12-15T09:30:00Z') };
}

const CATALOGUE = buildCatalogue([{ name: 'gender', categories: ['f', 'm'] }]);

/** The national, women's and men's statistics of a choice question; `null` is suppressed. */
function byGender(national: ChoiceStatistics, women: ChoiceStatistics, men: ChoiceStatistics | null) {
  const values: Record<string, ChoiceStatistics | null> = { national, 'gender=f': women, 'gender=m': men };
  return catalogueCells(CATALOGUE).map((cell) => ({ ...cell, value: values[cell.key] }));
}
const share = (count: number, n: number) => ({ count, share: Math.round((count / n) * 1e4) / 1e4, shareCi: null });

/** A closed survey with a multiple choice whose third option is suppressed everywhere, and a single choice whose men are suppressed. */
const SNAPSHOT: SurveySnapshot = {
  format: SURVEY_SNAPSHOT_FORMAT,
  campaign: { id: CAMPAIGN_ID, kind: 'judges-survey', release: 1 },
  thresholds: { count: 5, mean: 8, freeText: 10, peer: 5 },
  suppressionMarker: '·',
  catalogue: CATALOGUE,
  respondents: [],
  questions: [],
  dimensions: [],
  choices: [
    {
      name: 'formats',
      kind: 'multiple-choice',
      options: ['in-person', 'online', 'exchange'],
      cells: byGender(
        { n: 40, options: [share(20, 40), share(12, 40), null] },
        { n: 24, options: [share(12, 24), share(6, 24), null] },
        { n: 16, options: [share(8, 16), share(6, 16), null] },
      ),
    },
    {
      name: 'workload',
      kind: 'single-choice',
      options: [1, 2],
      cells: byGender({ n: 40, options: [share(10, 40), share(30, 40)] }, { n: 24, options: [share(6, 24), share(18, 24)] }, null),
    },
  ],
  genderGaps: { test: 'welch-t', correction: 'benjamini-hochberg', alpha: 0.05, gaps: [] },
  suppressed: { counts: [], questions: {}, dimensions: {}, choices: {} },
  summary: { publishedCells: 0, suppressedCells: 0, lpSolves: 0 },
};

/** The campaign page of {@link SNAPSHOT}; `text` gives the campaign's and each question's title and each option's label, by name or value. */
function choicesPage(locale: Locale, text: (nameOrValue: string) => string): string {
  const labels = (options: readonly (string | number | boolean)[]): ReportingChoice[] => options.map((value) => ({ value, text: title(text(String(value))) }));
  return renderCampaignPage(locale, FILES, 'csrf', {
    campaign: { ...row(text('campaign')), status: 'closed' },
    snapshot: SNAPSHOT,
    peerSummary: null,
    charts: [],
    questionTitles: Object.fromEntries(SNAPSHOT.choices.map((q) => [q.name, title(text(q.name))])),
    choiceLabels: Object.fromEntries(SNAPSHOT.choices.map((q) => [q.name, labels(q.options)])),
  });
}

/** Every page that shows typed text, rendered with the given text in every such place. */
function pages(text: string): string[] {
  const comments = [{ question: 'q1', title: title(text), comments: [{ ref: 'r1', text, status: 'pending' as const, flags: ['email' as const] }, { ref: 'r2', text, status: 'approved' as const, flags: [] }] }];
  return (['kk', 'ru', 'en'] as const).flatMap((locale) => [
    renderCampaignList(locale, FILES, 'csrf', [row(text), row(text)]),
    renderCampaignPage(locale, FILES, 'csrf', { campaign: row(text), snapshot: null, peerSummary: null, charts: [], questionTitles: { q1: title(text) }, choiceLabels: {} }),
    choicesPage(locale, () => text),
    renderModerationPage(locale, FILES, 'csrf', row(text), comments),
    renderFeedbackPage(locale, FILES, 'csrf', { linked: true, rounds: [round(text), round(text)] }),
  ]);
}

/** The characters that open or close markup: a page's count of them must not depend on what people typed. */
function markupShape(html: string): string {
  return html.replace(/[^<>"']/g, '');
}

describe('dashboard pages with typed text', () => {
  it('keep their markup whatever the titles and comments hold: typed text never opens a tag or leaves an attribute', () => {
    const plain = pages('plain').map(markupShape);
    fc.assert(
      fc.property(typedText, (text) => {
        expect(pages(text).map(markupShape)).toEqual(plain);
      }),
      { numRuns: 300 },
    );
  });

  it('show the typed text itself, escaped', () => {
    for (const html of pages('<script>alert(1)</script>')) {
      expect(html).not.toContain('<script>alert(1)</script>');
      expect(html).toContain('&lt;script&gt;alert(1)&lt;/script&gt;');
    }
  });
});

describe('the choice questions of a closed survey on its campaign page', () => {
  const TEXTS: Record<string, string> = { campaign: 'Survey', formats: 'Formats', workload: 'Workload', 'in-person': 'In person', online: 'Online courses', exchange: 'Exchange visits', 1: 'Low', 2: 'High' };
  const page = (locale: Locale) => choicesPage(locale, (nameOrValue) => TEXTS[nameOrValue]);

  it('shows each option with its national share and count and its share among women and among men, n in the headers, suppressed values as the marker', () => {
    const tables = [...page('en').matchAll(/<table class="choices">([\s\S]*?)<\/table>/g)].map((m) => m[1].replace(/\n/g, ''));
    expect(tables).toEqual([
      '<caption>Formats</caption><thead><tr><th>Option</th><th>Total (n = 40)</th><th>Count</th><th>Women (n = 24)</th><th>Men (n = 16)</th></tr></thead>' +
        '<tbody><tr><th scope="row">In person</th><td class="number">50.0%</td><td class="number">20</td><td class="number">50.0%</td><td class="number">50.0%</td></tr>' +
        '<tr><th scope="row">Online courses</th><td class="number">30.0%</td><td class="number">12</td><td class="number">25.0%</td><td class="number">37.5%</td></tr>' +
        '<tr><th scope="row">Exchange visits</th><td class="number">·</td><td class="number">·</td><td class="number">·</td><td class="number">·</td></tr></tbody>',
      '<caption>Workload</caption><thead><tr><th>Option</th><th>Total (n = 40)</th><th>Count</th><th>Women (n = 24)</th><th>Men (n = ·)</th></tr></thead>' +
        '<tbody><tr><th scope="row">Low</th><td class="number">25.0%</td><td class="number">10</td><td class="number">25.0%</td><td class="number">·</td></tr>' +
        '<tr><th scope="row">High</th><td class="number">75.0%</td><td class="number">30</td><td class="number">75.0%</td><td class="number">·</td></tr></tbody>',
    ]);
  });

  it('says under a multiple choice only that the shares can add up to more than 100%, in the page’s language', () => {
    const notes = { kk: 'сондықтан үлестердің қосындысы 100%-дан асуы мүмкін', ru: 'поэтому сумма долей может превышать 100%', en: 'so the shares can add up to more than 100%' };
    for (const locale of ['kk', 'ru', 'en'] as const) {
      const html = page(locale);
      expect(html.split(notes[locale])).toHaveLength(2);
      expect(html.indexOf(notes[locale])).toBeLessThan(html.indexOf('<caption>Workload</caption>'));
    }
    expect(page('ru')).toContain('<th>Вариант ответа</th><th>Всего (n = 40)</th><th>Число выбравших</th><th>Женщины (n = 24)</th>');
  });

  it('is left out when the survey has no choice questions', () => {
    const html = renderCampaignPage('en', FILES, 'csrf', { campaign: { ...row('x'), status: 'closed' }, snapshot: { ...SNAPSHOT, choices: [] }, peerSummary: null, charts: [], questionTitles: {}, choiceLabels: {} });
    expect(html).toContain('id="means"');
    expect(html).not.toContain('id="choices"');
  });
});

describe("a judge's own feedback page", () => {
  const rounds = [
    { campaignId: CAMPAIGN_ID, title: { kk: 'Бағалау 2026', ru: 'Оценка 2026', en: 'Review 2026' }, publishedAt: new Date('2026-12-15T09:30:00Z') },
    { campaignId: '0b7e9a52-3c1d-4f6e-8a9b-1c2d3e4f5a6b', title: { kk: 'Бағалау 2025', ru: 'Оценка 2025', en: 'Review 2025' }, publishedAt: new Date('2025-12-10T09:30:00Z') },
  ];

  it('lists each round in the page’s language, when it was published, and a download per language through the feedback export', () => {
    const html = renderFeedbackPage('ru', FILES, 'csrf', { linked: true, rounds });
    expect(html).toContain('<h1>Мои результаты взаимной оценки</h1>');
    expect(html).toContain('<td>Оценка 2026</td><td><time datetime="2026-12-15T09:30:00.000Z">2026-12-15</time></td>');
    expect(html).toContain('<td>Оценка 2025</td>');
    expect(html).not.toMatch(/Review 2026|Бағалау 2026/);
    const buttons = [...html.matchAll(/<button type="button" class="export" data-url="([^"]+)" data-locale="(\w+)">/g)].map((m) => `${m[1]} ${m[2]}`);
    expect(buttons).toEqual(rounds.flatMap((r) => ['kk', 'ru', 'en'].map((code) => `/api/peer-feedback/${r.campaignId}/exports ${code}`)));
    expect(html).toContain('id="export-status"');
    expect(html).toContain('<meta name="csrf-token" content="csrf">');
    expect(html).toContain('id="sign-out"');
    expect(html).not.toContain('feedback-explanation');
  });

  it.each([
    ['an account linked to no registry judge', { linked: false } as const, 'Эта учётная запись не связана ни с одним судьёй из реестра'],
    ['a judge with no published feedback', { linked: true, rounds: [] } as const, 'Опубликованных результатов взаимной оценки для вас пока нет'],
  ])('explains to %s why there is nothing, with no download', (_case, feedback, explanation) => {
    const html = renderFeedbackPage('ru', FILES, 'csrf', feedback);
    expect(html).toMatch(new RegExp(`<p class="note" id="feedback-explanation">${explanation}[^<]*</p>`));
    expect(html).not.toContain('button type="button" class="export"');
    expect(html).toContain('id="sign-out"');
  });

  it('says it in kk, ru and en, each in its own words', () => {
    for (const feedback of [{ linked: false } as const, { linked: true, rounds: [] } as const, { linked: true, rounds }]) {
      const pages = (['kk', 'ru', 'en'] as const).map((locale) => renderFeedbackPage(locale, FILES, 'csrf', feedback).replace(/<nav class="languages">.*?<\/nav>/, ''));
      expect(pages.map((html) => /<html lang="(\w+)">/.exec(html)?.[1])).toEqual(['kk', 'ru', 'en']);
      const bodies = pages.map((html) => /<main>([\s\S]*)<\/main>/.exec(html)![1]);
      expect(new Set(bodies).size).toBe(3);
    }
  });
});

describe('the page a role may not open', () => {
  const main = (html: string) => /<main>([\s\S]*)<\/main>/.exec(html)![1];

  it('leads a judge to their feedback and the Commission and HR to the dashboard; the API-only roles are told to sign out', () => {
    const links = ROLES.map((role) => [role, /<a id="home-page" href="([^"]+)">/.exec(main(renderForbiddenPage('en', FILES, 'csrf', role)))?.[1] ?? null]);
    expect(Object.fromEntries(links)).toEqual({ [Role.Judge]: '/feedback', [Role.Commission]: '/dashboard', [Role.Hr]: '/dashboard', [Role.Admin]: null, [Role.Jury]: null });
    expect(renderForbiddenPage('en', FILES, 'csrf', Role.Admin)).toContain('Sign out to sign in with another account.');
    expect(renderForbiddenPage('en', FILES, 'csrf', Role.Admin)).toContain('id="sign-out"');
  });

  it('says it in kk, ru and en, each in its own words', () => {
    for (const role of ROLES) {
      const bodies = (['kk', 'ru', 'en'] as const).map((locale) => main(renderForbiddenPage(locale, FILES, 'csrf', role)));
      expect(new Set(bodies).size).toBe(3);
    }
  });
});

describe('the sign-in page', () => {
  it('names where to go next only when `next` is a path on this site; otherwise the script sends a person to their role’s own page', () => {
    expect(renderLoginPage('en', FILES, '/feedback?lang=kk')).toContain('<form id="login" class="login" data-next="/feedback?lang=kk">');
    expect(renderLoginPage('en', FILES, localPath('//evil.example/'))).toContain('<form id="login" class="login">');
    expect(renderLoginPage('en', FILES, null)).not.toContain('data-next');
  });
});

describe('localPath (where the sign-in page sends a person afterwards)', () => {
  it('keeps a path on this site, with its query and fragment', () => {
    expect(localPath('/dashboard/campaigns/1f0c?lang=en#means')).toBe('/dashboard/campaigns/1f0c?lang=en#means');
    expect(localPath('/api/auth/me')).toBe('/api/auth/me');
  });

  it.each([
    ['a protocol-relative URL', '//evil.example/'],
    ['a backslash the URL parser reads as a slash', '/\\evil.example/'],
    ['a tab the URL parser drops', '/\t/evil.example/'],
    ['a newline the URL parser drops', '/\n/evil.example/'],
    ['a dot segment that leaves a double slash', '/.//evil.example/'],
    ['an absolute URL', 'https://evil.example/'],
    ['a script URL', 'javascript:alert(1)'],
    ['a host that does not parse', '//['],
    ['nothing', undefined],
    ['a repeated parameter', ['/a', '/b']],
  ])('names no place for %s (the person goes to their own page instead)', (_case, next) => {
    expect(localPath(next)).toBeNull();
  });

  it('is always a page of this site, whatever the query said', () => {
    const site = 'https://courts.example.kz';
    fc.assert(
      fc.property(fc.oneof(fc.string(), fc.webUrl(), fc.webPath(), fc.webPath().map((path) => `/.${path}`)), (next) => {
        expect(new URL(localPath(next) ?? '/', site).origin).toBe(site);
      }),
      { numRuns: 1000 },
    );
  });
});
