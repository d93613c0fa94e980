import { existsSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import ExcelJS from 'exceljs';
import { Browser, chromium } from 'playwright-core';
import { campaignDefinition, firstRelease, HttpClient, likertAnswer, RunningPlatform, seedPlatform, startPlatform, storeResponses } from '@app/testing';

const PASSWORD = 'dashboard-browser-password';
const CHROMIUM = '/usr/bin/chromium';

/** A Commission member signs in, opens a published judges' survey, sees its charts, downloads its workbook and moderates a flagged comment. */
describe('the dashboard in a browser', () => {
  let platform: RunningPlatform;
  let browser: Browser;
  let campaignId: string;

  beforeAll(async () => {
    if (!existsSync(CHROMIUM)) throw new Error(`${CHROMIUM} is missing: npm test installs it (scripts/platform.mjs ensureChromium)`);
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
    const comment = (i: number) => (i === 1 ? 'Позвоните мне: +7 701 123 45 67' : i % 10 === 2 ? `Нужно больше обучения (${i})` : undefined);
    await storeResponses(owner, campaignId, (p, i) =>
      i % 3 === 0 ? null : { ...Object.fromEntries(ratings.map((q, j) => [q.name, likertAnswer(i, j, p.gender === 'f' ? 0.6 : 0)])), ...(comment(i) ? { suggestions: comment(i) } : {}) },
    );
    expect((await commission.post(`/api/campaigns/${campaignId}/close`)).status).toBe(200);
    await firstRelease(commission, campaignId);
    expect((await commission.post(`/api/campaigns/${campaignId}/results/publish`)).status).toBe(200);

    browser = await chromium.launch({
      executablePath: CHROMIUM,
      args: ['--headless', '--no-sandbox', '--disable-gpu', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
    });
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

    // Moderation: the flagged comment waits; approving it moves it out of the queue.
    await page.click('a[href*="/comments"]');
    await page.waitForSelector('li.comment.pending');
    expect(await page.locator('li.comment.pending blockquote').textContent()).toBe('Позвоните мне: +7 701 123 45 67');
    await Promise.all([page.waitForEvent('load'), page.click('li.comment.pending button.approve')]);
    expect(await page.locator('li.comment.pending').count()).toBe(0);
    expect(await page.locator('li.comment.approved blockquote').textContent()).toBe('Позвоните мне: +7 701 123 45 67');
    expect(errors).toEqual([]);
    await context.close();
  }, 240_000);
});
