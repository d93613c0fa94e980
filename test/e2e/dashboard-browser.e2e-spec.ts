import { readFile } from 'node:fs/promises';
import ExcelJS from 'exceljs';
import { Browser } from 'playwright-core';
import { campaignDefinition, firstRelease, HttpClient, launchChromium, likertAnswer, requireChromium, RunningPlatform, seedPlatform, startPlatform, storeResponses } from '@app/testing';

const PASSWORD = 'dashboard-browser-password';

/** Markup, a formula and a vertical tab (Word's line break) as a respondent might type or paste them. */
const HOSTILE_COMMENT = '<img src=x onerror="document.title=1"><script>document.title=2</script> =HYPERLINK("http://evil.example","x")\u000bend';

/** A Commission member signs in, opens a published judges' survey, sees its charts, downloads its workbook and moderates a flagged comment. */
describe('the dashboard in a browser', () => {
  let platform: RunningPlatform;
  let browser: Browser;
  let campaignId: string;

  beforeAll(async () => {
    requireChromium();
    platform = await startPlatform();
    await seedPlatform(platform, { seed: 6, scale: 0.5, password: PASSWORD });
    const commission = new HttpClient(platform.baseUrl);
    await commission.signIn('commission', PASSWORD);
    const instruments = (await commission.get('/api/instruments')).body as { kind: string; latestVersion: { id: string } }[];
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
    await storeResponses(owner, campaignId, (p, i) =>
      i % 3 === 0 ? null : { ...Object.fromEntries(ratings.map((q, j) => [q.name, likertAnswer(i, j, p.gender === 'f' ? 0.6 : 0)])), ...(comment(i) ? { suggestions: comment(i) } : {}) },
    );
    expect((await commission.post(`/api/campaigns/${campaignId}/close`)).status).toBe(200);
    await firstRelease(commission, campaignId);
    expect((await commission.post(`/api/campaigns/${campaignId}/results/publish`)).status).toBe(200);

    browser = await launchChromium();
  }, 300_000);

  afterAll(async () => {
    await browser?.close();
    await platform?.stop();
  });

  it('signs in, shows the published campaign with its charts, downloads the workbook and approves a flagged comment', async () => {
    const context = await browser.newContext({ acceptDownloads: true, locale: 'ru-RU' });
    const page = await context.newPage();
    const errors: string[] = [];
    page.on('pageerror', (error) => errors.push(error.message));
    page.on('console', (message) => message.type() === 'error' && errors.push(message.text()));

    await page.goto(`${platform.baseUrl}/dashboard?lang=en`);
    expect(page.url()).toContain('/login?next=');
    await page.fill('input[name=login]', 'commission');
    await page.fill('input[name=password]', PASSWORD);
    await page.click('button[type=submit]');
    await page.waitForURL(/\/dashboard\?lang=en$/);
    await page.click(`a[href^="/dashboard/campaigns/${campaignId}"]`);
    await page.waitForSelector('section.charts figure svg');
    // At least the response-rate chart; the dimension chart appears when its gender cells are published.
    expect(await page.locator('section.charts figure svg').count()).toBeGreaterThanOrEqual(1);
    expect(await page.locator('section.charts figure svg text').allTextContents()).toContain('Response rate');
    expect(await page.locator('h1').textContent()).toBe('Judges’ survey 2026');
    expect(await page.locator('#means tbody tr, section[aria-labelledby=means] tbody tr').count()).toBeGreaterThan(0);

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
});
