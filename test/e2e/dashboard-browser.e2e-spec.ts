import { readFile } from 'node:fs/promises';
import ExcelJS from 'exceljs';
import { Browser, BrowserContext, Page } from 'playwright-core';
import type { PeerReviewSnapshot } from '@app/aggregation';
import { reportingSchema } from '@app/instruments';
import {
  campaignDefinition,
  firstRelease,
  HttpClient,
  launchChromium,
  likertAnswer,
  requireChromium,
  RunningPlatform,
  seedPlatform,
  startPlatform,
  storePeerReviews,
  storeResponses,
} from '@app/testing';
import { DASHBOARD_TEXTS } from '../../apps/api/src/dashboard/dashboard.texts';

const PASSWORD = 'dashboard-browser-password';

/** Markup, a formula and a vertical tab (Word's line break) as a respondent might type or paste them. */
const HOSTILE_COMMENT = '<img src=x onerror="document.title=1"><script>document.title=2</script> =HYPERLINK("http://evil.example","x")\u000bend';

const PEER_TITLE = { kk: 'Әріптестік бағалау 2026', ru: 'Взаимная оценка 2026', en: 'Peer review 2026' };

/** The account of a judge linked to a registry judge; the demo `judge` account is linked to none. */
const LINKED_JUDGE = 'judge.linked';

/** Signs in on the sign-in page the browser shows, then waits for the page it is sent on to. */
async function signIn(page: Page, login: string, landing: RegExp): Promise<void> {
  await page.fill('input[name=login]', login);
  await page.fill('input[name=password]', PASSWORD);
  await page.click('button[type=submit]');
  await page.waitForURL(landing);
}

/**
 * A Commission member signs in, opens a published judges' survey, sees its charts, downloads its
 * workbook and moderates a flagged comment. A judge signs in to their own peer-review feedback.
 */
describe('the dashboard in a browser', () => {
  let platform: RunningPlatform;
  let browser: Browser;
  let campaignId: string;
  let peerRoundId: string;
  let reviewedJudgeId: string;
  /** The options of the judges' multiple-choice question. */
  let formats: (string | number | boolean)[];

  beforeAll(async () => {
    requireChromium();
    platform = await startPlatform();
    await seedPlatform(platform, { seed: 6, scale: 0.5, password: PASSWORD });
    const commission = new HttpClient(platform.baseUrl);
    await commission.signIn('commission', PASSWORD);
    const instruments = (await commission.get('/api/instruments')).body as { kind: string; latestVersion: { id: string } }[];
    // The peer-review round goes alongside the survey: its own jobs, its own campaign.
    const peerRound = publishedPeerRound(commission, instruments.find((i) => i.kind === 'peer-review')!.latestVersion.id);
    const created = await commission.post('/api/campaigns', {
      kind: 'judges-survey',
      title: { kk: 'Судьялар сауалнамасы 2026', ru: 'Опрос судей 2026', en: 'Judges’ survey 2026' },
      instrumentVersionId: instruments.find((i) => i.kind === 'judges-survey')!.latestVersion.id,
      deadline: new Date(Date.now() + 7 * 24 * 3600_000).toISOString(),
      reminderDays: [],
    });
    campaignId = created.body.id;
    expect((await commission.post(`/api/campaigns/${campaignId}/launch`)).status).toBe(200);
    const owner = await platform.db.owner();
    const ratings = (await campaignDefinition(owner, campaignId)).pages.flatMap((p) => p.elements).filter((q) => q.type === 'rating');
    const comment = (i: number) => (i === 1 ? 'Позвоните мне: +7 701 123 45 67' : i === 2 ? HOSTILE_COMMENT : i % 10 === 2 ? `Нужно больше обучения (${i})` : undefined);
    formats = reportingSchema(await campaignDefinition(owner, campaignId)).find((q) => q.name === 'tn_preferred_formats')!.choices!.map((c) => c.value);
    await storeResponses(owner, campaignId, (p, i) =>
      i % 3 === 0
        ? null
        : {
            ...Object.fromEntries(ratings.map((q, j) => [q.name, likertAnswer(i, j, p.gender === 'f' ? 0.6 : 0)])),
            tn_preferred_formats: formats.filter((_, k) => (i + k) % 4 === 0),
            ...(comment(i) ? { suggestions: comment(i) } : {}),
          },
    );
    expect((await commission.post(`/api/campaigns/${campaignId}/close`)).status).toBe(200);
    await firstRelease(commission, campaignId);
    expect((await commission.post(`/api/campaigns/${campaignId}/results/publish`)).status).toBe(200);
    await peerRound;

    browser = await launchChromium();
  }, 300_000);

  /**
   * A peer-review round of the Supreme Court's judges taken to published, and a judge account
   * linked to one reviewed judge, whose colleagues rated them differently from everyone else.
   */
  async function publishedPeerRound(commission: HttpClient, instrumentVersionId: string): Promise<void> {
    const created = await commission.post('/api/campaigns', {
      kind: 'peer-review',
      title: PEER_TITLE,
      instrumentVersionId,
      deadline: new Date(Date.now() + 7 * 24 * 3600_000).toISOString(),
      reminderDays: [],
      // The Supreme Court's judges (its president is reviewed by no one of the same court): a small, quick round.
      population: { courtLevels: ['supreme'], roles: ['judge'] },
    });
    expect(created.status).toBe(201);
    peerRoundId = created.body.id;
    const launched = await commission.post(`/api/campaigns/${peerRoundId}/launch`);
    expect({ status: launched.status, text: launched.status === 200 ? '' : launched.text }).toEqual({ status: 200, text: '' });
    const owner = await platform.db.owner();
    const ratings = (await campaignDefinition(owner, peerRoundId)).pages.flatMap((p) => p.elements).filter((q) => q.type === 'rating');
    [{ id: reviewedJudgeId }] = await owner.query(`SELECT min(reviewee_judge_id::text) AS id FROM campaigns.peer_assignment WHERE campaign_id = $1`, [peerRoundId]);
    // Everyone else's five reviewers give 1..5 once each (mean 3); this judge's give 2..5 with one repeated.
    await storePeerReviews(owner, peerRoundId, (judge, i) =>
      Object.fromEntries(ratings.map((q, j) => [q.name, judge === reviewedJudgeId ? 2 + ((i + j) % 4) : 1 + ((i * 3 + j) % 5)])),
    );
    expect((await commission.post(`/api/campaigns/${peerRoundId}/close`)).status).toBe(200);
    await firstRelease(commission, peerRoundId);
    // An administrator makes the judge's account and links it by the personnel number the register holds.
    const admin = new HttpClient(platform.baseUrl);
    await admin.signIn('admin', PASSWORD);
    const account = await admin.post('/api/admin/users', { login: LINKED_JUDGE, displayName: 'Судья (демо, связан)', role: 'judge', password: PASSWORD, locale: 'ru' });
    expect(account.status).toBe(201);
    const [{ personnel_number: personnelNumber }] = await owner.query(`SELECT personnel_number FROM registry.judge WHERE id = $1`, [reviewedJudgeId]);
    const linked = await admin.request('PUT', `/api/admin/users/${account.body.id}/judge`, { personnelNumber });
    expect([linked.status, linked.body.judgeId]).toEqual([200, reviewedJudgeId]);
    // Released but not published: the judge's page lists nothing yet.
    const judge = new HttpClient(platform.baseUrl);
    await judge.signIn(LINKED_JUDGE, PASSWORD);
    const before = await judge.get('/feedback?lang=en');
    expect(before.status).toBe(200);
    expect(before.text).toContain(DASHBOARD_TEXTS.feedbackNone.en);
    expect(before.text).not.toContain(PEER_TITLE.en);
    expect((await commission.post(`/api/campaigns/${peerRoundId}/results/publish`)).status).toBe(200);
  }

  afterAll(async () => {
    await browser?.close();
    await platform?.stop();
  });

  /** A fresh browser context that accepts downloads, and the page errors and console errors it collects. */
  async function browserPage(locale: string): Promise<{ context: BrowserContext; page: Page; errors: string[] }> {
    const context = await browser.newContext({ acceptDownloads: true, locale });
    const page = await context.newPage();
    const errors: string[] = [];
    page.on('pageerror', (error) => errors.push(error.message));
    page.on('console', (message) => message.type() === 'error' && errors.push(message.text()));
    return { context, page, errors };
  }

  it('signs in, shows the published campaign with its charts, downloads the workbook and approves a flagged comment', async () => {
    const { context, page, errors } = await browserPage('ru-RU');

    await page.goto(`${platform.baseUrl}/dashboard?lang=en`);
    expect(page.url()).toContain('/login?next=');
    await signIn(page, 'commission', /\/dashboard\?lang=en$/);
    await page.click(`a[href^="/dashboard/campaigns/${campaignId}"]`);
    await page.waitForSelector('section.charts figure svg');
    // At least the response-rate chart; the dimension chart appears when its gender cells are published.
    expect(await page.locator('section.charts figure svg').count()).toBeGreaterThanOrEqual(1);
    expect(await page.locator('section.charts figure svg text').allTextContents()).toContain('Response rate');
    expect(await page.locator('h1').textContent()).toBe('Judges’ survey 2026');
    expect(await page.locator('#means tbody tr, section[aria-labelledby=means] tbody tr').count()).toBeGreaterThan(0);

    // The judges' multiple-choice question: each format's national share, several per judge.
    expect(await page.locator('table.choices caption').first().textContent()).toContain('format');
    expect(await page.locator('table.choices tbody tr').count()).toBe(formats.length);
    const nationalShares = await page.locator('table.choices tbody tr td:nth-child(2)').allTextContents();
    expect(nationalShares.filter((share) => /^\d+(\.\d)?%$/.test(share)).length).toBeGreaterThan(0);

    await page.click('a[href="?lang=kk"]');
    expect(await page.locator('h1').textContent()).toBe('Судьялар сауалнамасы 2026');

    const [download] = await Promise.all([page.waitForEvent('download', { timeout: 120_000 }), page.click('button.export[data-locale="ru"]')]);
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load((await readFile((await download.path())!)) as unknown as ExcelJS.Buffer);
    expect(workbook.worksheets[0].getRow(3).getCell(2).value).toBe('Опрос судей 2026');
    const cells = workbook.worksheets.flatMap((sheet) => sheet.getSheetValues().flatMap((row) => (Array.isArray(row) ? row : [])));
    expect(cells).toContain(HOSTILE_COMMENT.replace('\u000b', '\ufffd'));

    // Moderation: the flagged comment waits; approving it moves it out of the queue.
    await page.click('a[href*="/comments"]');
    await page.waitForSelector('li.comment.pending');
    expect(await page.locator('li.comment.pending blockquote').textContent()).toBe('Позвоните мне: +7 701 123 45 67');
    await Promise.all([page.waitForEvent('load'), page.click('li.comment.pending button.approve')]);
    expect(await page.locator('li.comment.pending').count()).toBe(0);
    expect(await page.locator('li.comment.approved blockquote').textContent()).toBe('Позвоните мне: +7 701 123 45 67');
    // A comment holding markup is shown as the text it is: no element, no script.
    expect(await page.locator('li.comment blockquote').allTextContents()).toContain(HOSTILE_COMMENT);
    expect(await page.locator('main img, main script').count()).toBe(0);
    expect(await page.title()).not.toMatch(/^[12]$/);
    expect(errors).toEqual([]);
    await context.close();
  }, 240_000);

  it('sends a linked judge to their own feedback and downloads their workbook; tells an unlinked judge why there is none', async () => {
    const { context, page, errors } = await browserPage('en-US');

    await page.goto(`${platform.baseUrl}/feedback`);
    expect(page.url()).toContain('/login?next=%2Ffeedback');
    await signIn(page, LINKED_JUDGE, /\/feedback$/);
    // In the account's language, the one published round, nothing else.
    expect(await page.locator('h1').textContent()).toBe(DASHBOARD_TEXTS.feedbackTitle.ru);
    expect(await page.locator('table.feedback tbody tr').count()).toBe(1);
    expect(await page.locator('table.feedback tbody td').first().textContent()).toBe(PEER_TITLE.ru);
    await page.click('a[href="?lang=en"]');
    expect(await page.locator('table.feedback tbody td').first().textContent()).toBe(PEER_TITLE.en);

    const preparing = page.waitForFunction((text) => document.getElementById('export-status')?.textContent === text, DASHBOARD_TEXTS.preparing.en);
    const [download] = await Promise.all([page.waitForEvent('download', { timeout: 120_000 }), page.click('button.export[data-locale="kk"]'), preparing]);
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load((await readFile((await download.path())!)) as unknown as ExcelJS.Buffer);
    const sheet = workbook.worksheets[0];
    expect(sheet.getRow(1).getCell(1).value).toBe(`Әріптестік бағалаудың жеке нәтижелері: ${PEER_TITLE.kk}`);
    // Theirs: the reviewers and means of this judge's entry in the published release, and no other judge's.
    const owner = await platform.db.owner();
    const [{ content }] = await owner.query(`SELECT content FROM aggregation.snapshot WHERE campaign_id = $1 ORDER BY release DESC LIMIT 1`, [peerRoundId]);
    const snapshot = JSON.parse(content) as PeerReviewSnapshot;
    const shown = (entry: PeerReviewSnapshot['judges'][number]) => entry.competencies.map((c) => [c.n ?? '·', c.mean ?? '·']);
    const own = snapshot.judges.find((j) => j.judgeId === reviewedJudgeId)!;
    expect(own.competencies.filter((c) => c.mean !== null).length).toBeGreaterThan(0);
    const inWorkbook = own.competencies.map((_c, k) => [sheet.getRow(4 + k).getCell(2).value, sheet.getRow(4 + k).getCell(3).value]);
    expect(inWorkbook).toEqual(shown(own));
    const others = snapshot.judges.filter((j) => j.judgeId !== reviewedJudgeId);
    expect(others.length).toBeGreaterThan(0);
    expect(others.filter((j) => JSON.stringify(shown(j)) === JSON.stringify(inWorkbook)).map((j) => j.judgeId)).toEqual([]);
    // The page names no judge at all, the judge's own id included.
    const html = await page.content();
    expect(snapshot.judges.filter((j) => html.includes(j.judgeId)).map((j) => j.judgeId)).toEqual([]);

    await Promise.all([page.waitForURL(/\/login$/), page.click('#sign-out')]);
    // The demo judge account belongs to no registry judge: signing in with no `next` leads to the same page, which says so.
    await signIn(page, 'judge', /\/feedback$/);
    expect(await page.locator('#feedback-explanation').textContent()).toBe(DASHBOARD_TEXTS.feedbackNotLinked.kk);
    expect(await page.locator('button.export').count()).toBe(0);
    expect(await page.locator('main').textContent()).not.toContain(PEER_TITLE.kk);

    // A judge following a link to the dashboard is told it is not for their role, and led to their own page.
    const refused = await page.goto(`${platform.baseUrl}/dashboard`);
    expect(refused?.status()).toBe(403);
    expect(errors.splice(0)).toEqual(['Failed to load resource: the server responded with a status of 403 (Forbidden)']);
    expect(await page.locator('h1').textContent()).toBe(DASHBOARD_TEXTS.forbiddenTitle.kk);
    await Promise.all([page.waitForURL(/\/feedback$/), page.click('#home-page')]);
    expect(await page.locator('h1').textContent()).toBe(DASHBOARD_TEXTS.feedbackTitle.kk);

    // The Commission, signing in with no `next`, still lands on the dashboard.
    await Promise.all([page.waitForURL(/\/login$/), page.click('#sign-out')]);
    await signIn(page, 'commission', /\/dashboard$/);
    expect(await page.locator('h1').textContent()).toBe(DASHBOARD_TEXTS.dashboardTitle.kk);
    expect(errors).toEqual([]);
    await context.close();
  }, 120_000);
});
