import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Browser, Page, Request } from 'playwright-core';
import { HttpClient, launchChromium, launchStaffSurvey, requireChromium, RunningPlatform, seedPlatform, startPlatform } from '@app/testing';

/**
 * The respondent page in a real browser (Debian's Chromium, headless), against the real
 * api, worker and SMTP catcher: an invitation e-mail's link is opened on a phone-sized
 * screen, answered in Kazakh and submitted; the database then holds exactly one response
 * and the token is refused.
 */
const PASSWORD = 'respondent-browser-password';
const PHONE = { viewport: { width: 390, height: 844 }, deviceScaleFactor: 2, isMobile: true, hasTouch: true };
const COMMENT = 'Ұжым жақсы, бірақ жүктеме көп.';
const SCREENSHOT = join(tmpdir(), 'jqc-respondent-page.png');

describe('the respondent page in a browser', () => {
  let platform: RunningPlatform;
  let browser: Browser;
  let campaignId: string;
  let links: string[];
  let commission: HttpClient;

  beforeAll(async () => {
    requireChromium();
    platform = await startPlatform();
    const hr = await seedPlatform(platform, { seed: 4, scale: 0.02, password: PASSWORD });
    const launched = await launchStaffSurvey(hr, { title: { kk: 'Қызметкерлер сауалнамасы', ru: 'Опрос сотрудников', en: 'Staff survey' } });
    campaignId = launched.campaignId;
    const invited = launched.participants;
    const deadline = Date.now() + 60_000;
    let mails = await platform.mails();
    while (mails.length < invited && Date.now() < deadline) {
      await new Promise((resolve) => setTimeout(resolve, 500));
      mails = await platform.mails();
    }
    expect(mails).toHaveLength(invited);
    links = mails.map((mail) => /http:\/\/\S+\/respond#[A-Za-z0-9_-]{43}/.exec(mail.text)![0]);

    commission = new HttpClient(platform.baseUrl);
    await commission.signIn('commission', PASSWORD);

    browser = await launchChromium();
  });

  afterAll(async () => {
    await browser?.close();
    await platform?.stop();
  });

  async function storedResponses(): Promise<number> {
    const owner = await platform.db.owner();
    const [{ n }] = await owner.query(
      `SELECT (SELECT count(*) FROM responses.response WHERE campaign_id = $1) + (SELECT count(*) FROM responses.mix_buffer WHERE campaign_id = $1) AS n`,
      [campaignId],
    );
    return Number(n);
  }

  /** Answers every question on the form's current page: the fourth point of each scale, and the comment. */
  async function answerPage(page: Page): Promise<number> {
    const questions = page.locator('#survey .sd-question');
    const count = await questions.count();
    for (let i = 0; i < count; i++) {
      const question = questions.nth(i);
      if (await question.getByRole('combobox').count()) {
        // On a phone SurveyJS folds a labelled scale into a pick list.
        await question.getByRole('combobox').click();
        await page.locator('.sv-popup:visible [role="option"]').nth(3).click();
      } else if (await question.locator('label.sd-rating__item').count()) {
        await question.locator('label.sd-rating__item').nth(3).click();
      } else if (await question.locator('textarea').count()) {
        await question.locator('textarea').fill(COMMENT);
      }
    }
    return count;
  }

  it('takes an invitation link on a phone: token out of the address bar, Kazakh, a draft that survives a reload, one stored response, the link refused afterwards', async () => {
    const link = links[0];
    const token = link.split('#')[1];
    const context = await browser.newContext({ ...PHONE, locale: 'ru-RU' });
    const page = await context.newPage();
    const problems: string[] = [];
    page.on('console', (message) => {
      if (message.type() === 'error' || message.type() === 'warning') problems.push(`${message.type()}: ${message.text()}`);
    });
    page.on('pageerror', (error) => problems.push(`pageerror: ${error.message}`));
    page.on('response', (response) => {
      if (response.status() >= 400) problems.push(`${response.status()} ${response.request().method()} ${new URL(response.url()).pathname}`);
    });
    const requests: Request[] = [];
    page.on('request', (request) => requests.push(request));

    await page.goto(link);
    // The token leaves the address bar before anything else; only the exchange carries it, in its body.
    expect(page.url()).toBe(`${platform.baseUrl}/respond`);
    await expect(page.locator('html').getAttribute('lang')).resolves.toBe('ru');
    await page.locator('#survey .sd-question').first().waitFor();
    expect(await page.evaluate(() => location.hash)).toBe('');

    // The privacy statement names the campaign's threshold.
    await expect(page.locator('#privacy-threshold').innerText()).resolves.toContain('не менее 5 человек');

    // Kazakh: the page, SurveyJS and the remembered choice.
    await page.getByRole('button', { name: 'Қазақша' }).click();
    await expect(page.locator('html').getAttribute('lang')).resolves.toBe('kk');
    await expect(page.getByRole('button', { name: 'Қазақша' }).getAttribute('aria-pressed')).resolves.toBe('true');
    await expect(page.locator('#campaign-title').innerText()).resolves.toBe('Қызметкерлер сауалнамасы');
    await expect(page.locator('#survey').innerText()).resolves.toContain('Уәждеме');
    expect(await page.evaluate(() => localStorage.getItem('jqc_lang'))).toBe('kk');
    expect((await context.cookies()).find((cookie) => cookie.name === 'jqc_lang')?.value).toBe('kk');
    const respondentCookie = (await context.cookies()).find((cookie) => cookie.name === 'jqc_respondent');
    expect(respondentCookie).toMatchObject({ httpOnly: true, sameSite: 'Strict', path: '/api/respond' });

    // First page answered, on to the second; a reload (no fragment now) resumes there from the draft.
    expect(await answerPage(page)).toBeGreaterThan(0);
    await page.locator('.sd-navigation__next-btn').click();
    await expect(page.locator('#survey').innerText()).resolves.toContain('Қарым-қатынас');
    const draft = await page.evaluate(() => Object.keys(sessionStorage).map((key) => [key, sessionStorage.getItem(key)]));
    expect(draft).toHaveLength(1);
    expect(draft[0][1]).toContain('"mo_meaningful_work":4');
    await page.reload();
    await page.locator('#survey .sd-question').first().waitFor();
    await expect(page.locator('html').getAttribute('lang')).resolves.toBe('kk');
    await expect(page.locator('#survey').innerText()).resolves.toContain('Қарым-қатынас');

    for (let pages = 0; pages < 20; pages++) {
      await answerPage(page);
      const submit = page.getByRole('button', { name: 'Жіберу', exact: true });
      if (await submit.isVisible()) break;
      await page.locator('.sd-navigation__next-btn').click();
    }
    await page.screenshot({ path: SCREENSHOT, fullPage: false });
    await page.getByRole('button', { name: 'Жіберу', exact: true }).click();
    await page.locator('#done').waitFor();
    await expect(page.locator('#done').innerText()).resolves.toContain('Рахмет! Жауаптарыңыз қабылданды.');
    await expect(page.evaluate(() => document.activeElement?.id)).resolves.toBe('done');
    // Nothing of the answers is left in the browser.
    expect(await page.evaluate(() => [Object.keys(sessionStorage), Object.keys(localStorage).filter((key) => key !== 'jqc_lang')])).toEqual([[], []]);

    // Exactly one response (in the mix buffer until a batch is full), holding the answers given.
    expect(await storedResponses()).toBe(1);
    const owner = await platform.db.owner();
    const [stored] = await owner.query(
      `SELECT answers FROM responses.mix_buffer WHERE campaign_id = $1 UNION ALL SELECT answers FROM responses.response WHERE campaign_id = $1`,
      [campaignId],
    );
    expect(stored.answers).toMatchObject({ mo_meaningful_work: 4, co_tasks_clear: 4, pd_equal_opportunities: 4, suggestions: COMMENT });
    expect(Object.keys(stored.answers)).toHaveLength(30);

    // Every request stayed on this origin; only the exchange carried the token, and only in its body.
    const origin = new URL(platform.baseUrl).origin;
    expect(requests.filter((request) => new URL(request.url()).origin !== origin).map((request) => request.url())).toEqual([]);
    expect(requests.filter((request) => request.url().includes(token))).toEqual([]);
    expect(requests.filter((request) => (request.postData() ?? '').includes(token)).map((request) => `${request.method()} ${new URL(request.url()).pathname}`)).toEqual([
      'POST /api/respond/session',
    ]);
    // No CSP violation, script error or SurveyJS warning on the way.
    expect(problems).toEqual([]);

    // The link is spent.
    const again = await fetch(`${platform.baseUrl}/api/respond/session`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'accept-language': 'kk' },
      body: JSON.stringify({ token }),
    });
    expect(again.status).toBe(409);
    expect(await again.json()).toMatchObject({ code: 'responses.already-answered', message: 'Бұл шақыру бойынша жауап қабылданып қойған' });
    await context.close();
  });

  it('retries a submit whose response was lost with the same submission id, and stores one response', async () => {
    const before = await storedResponses();
    const context = await browser.newContext({ ...PHONE, locale: 'kk-KZ' });
    const page = await context.newPage();
    const submits: { submissionId: string }[] = [];
    page.on('request', (request) => {
      if (request.url().endsWith('/api/respond/submit')) submits.push(JSON.parse(request.postData()!));
    });
    // The first submit reaches the server and is recorded, but its reply never reaches the browser.
    // (Sent from here rather than by route.fetch(), which would apply the reply's cookies to the browser.)
    await page.route(
      '**/api/respond/submit',
      async (route) => {
        const cookie = (await context.cookies(platform.baseUrl + '/api/respond/submit')).map((c) => `${c.name}=${c.value}`).join('; ');
        const reply = await fetch(route.request().url(), { method: 'POST', headers: { 'content-type': 'application/json', cookie }, body: route.request().postData() });
        expect(reply.status).toBe(201);
        await route.abort('connectionreset');
      },
      { times: 1 },
    );
    await page.goto(links[1]);
    await page.locator('#survey .sd-question').first().waitFor();
    for (let pages = 0; pages < 20; pages++) {
      await answerPage(page);
      if (await page.getByRole('button', { name: 'Жіберу', exact: true }).isVisible()) break;
      await page.locator('.sd-navigation__next-btn').click();
    }
    await page.getByRole('button', { name: 'Жіберу', exact: true }).click();
    await page.getByRole('button', { name: 'Қайталау' }).waitFor();
    await expect(page.locator('#alert-text').innerText()).resolves.toContain('Серверге қосылу мүмкін болмады');
    expect(await storedResponses()).toBe(before + 1);

    await page.getByRole('button', { name: 'Қайталау' }).click();
    await page.locator('#done:visible, #alert:visible').first().waitFor();
    expect((await page.locator('#alert').isVisible()) ? await page.locator('#alert-text').innerText() : 'confirmed').toBe('confirmed');
    expect(submits).toHaveLength(2);
    expect(submits[1].submissionId).toBe(submits[0].submissionId);
    expect(await storedResponses()).toBe(before + 1);
    await context.close();
  });

  it('lets a judge review each assigned colleague in one form per colleague and submits all reviews together', async () => {
    const instruments = (await commission.get('/api/instruments')).body as { kind: string; latestVersion: { id: string } }[];
    const created = await commission.post('/api/campaigns', {
      kind: 'peer-review',
      title: { kk: 'Әріптестік бағалау', ru: 'Взаимная оценка', en: 'Peer review' },
      instrumentVersionId: instruments.find((i) => i.kind === 'peer-review')!.latestVersion.id,
      deadline: new Date(Date.now() + 7 * 24 * 3600_000).toISOString(),
      // A small synthetic register has one or two district judges per region: peers from the whole level.
      population: { courtLevels: ['district'] },
      peer: { rule: 'same-level', minReviewers: 5, maxReviewers: 5 },
    });
    expect(created.status).toBe(201);
    const peerCampaign: string = created.body.id;
    const launched = await commission.post(`/api/campaigns/${peerCampaign}/launch`);
    expect({ status: launched.status, code: launched.body.code }).toEqual({ status: 200, code: undefined });
    const isPeerMail = (subject: string) => /Әріптестік бағалау|Взаимная оценка|Peer review/.test(subject);
    const deadline = Date.now() + 60_000;
    let mails = (await platform.mails()).filter((mail) => isPeerMail(mail.subject));
    while (mails.length < launched.body.participants && Date.now() < deadline) {
      await new Promise((resolve) => setTimeout(resolve, 500));
      mails = (await platform.mails()).filter((mail) => isPeerMail(mail.subject));
    }
    const link = /http:\/\/\S+\/respond#[A-Za-z0-9_-]{43}/.exec(mails[0].text)![0];

    const context = await browser.newContext({ ...PHONE, locale: 'en-GB' });
    const page = await context.newPage();
    await page.goto(link);
    await page.locator('#peer-list li').first().waitFor();
    await expect(page.locator('#privacy-peer').innerText()).resolves.toContain('at least 5 judges');
    const colleagues = await page.locator('#peer-list li').count();
    expect(colleagues).toBeGreaterThan(0);
    await expect(page.locator('#peer-progress').innerText()).resolves.toBe(`0 of ${colleagues} reviewed`);

    // Submitting before every form is saved names who is still to do.
    await page.getByRole('button', { name: 'Submit all reviews' }).click();
    await expect(page.locator('#alert-text').innerText()).resolves.toBe('Save the form for every colleague first.');

    for (let index = 0; index < colleagues; index++) {
      await page.locator(`#peer-open-${index}`).click();
      await expect(page.locator('#peer-reviewing').innerText()).resolves.toMatch(/^You are reviewing: \S/);
      // Items are optional: one answer (the colleague's position + 1 on the first scale), then through the pages.
      await page.locator('#survey .sd-question').first().locator('label.sd-rating__item').nth(index % 5).click();
      for (let pages = 0; pages < 20; pages++) {
        const save = page.getByRole('button', { name: 'Save this review' });
        if (await save.isVisible()) {
          await save.click();
          break;
        }
        await page.locator('.sd-navigation__next-btn').click();
      }
      await page.locator('#peer-list').waitFor();
    }
    await expect(page.locator('#peer-progress').innerText()).resolves.toBe(`${colleagues} of ${colleagues} reviewed`);
    await page.getByRole('button', { name: 'Submit all reviews' }).click();
    await page.locator('#done').waitFor();
    await expect(page.locator('#done').innerText()).resolves.toContain('Thank you! Your answers have been recorded.');

    const owner = await platform.db.owner();
    const rows: { reviewee_judge_id: string; answers: Record<string, number>; gender: string | null }[] = await owner.query(
      `SELECT reviewee_judge_id, answers, gender FROM responses.mix_buffer WHERE campaign_id = $1
       UNION ALL SELECT reviewee_judge_id, answers, gender FROM responses.response WHERE campaign_id = $1`,
      [peerCampaign],
    );
    expect(rows).toHaveLength(colleagues);
    expect(new Set(rows.map((row) => row.reviewee_judge_id)).size).toBe(colleagues);
    expect(rows.map((row) => Object.values(row.answers)[0]).sort()).toEqual(Array.from({ length: colleagues }, (_, i) => (i % 5) + 1).sort());
    expect(rows.every((row) => row.gender === null)).toBe(true);
    await context.close();
  });

  it('shows the server’s refusal of a spent link in the chosen language, and the page and its files follow the CSP', async () => {
    const context = await browser.newContext({ ...PHONE, locale: 'en-GB' });
    const page = await context.newPage();
    await page.goto(links[0]);
    await page.locator('#alert').waitFor();
    await expect(page.locator('#alert-text').innerText()).resolves.toBe('An answer has already been recorded for this invitation');
    await expect(page.locator('#form-area').isHidden()).resolves.toBe(true);
    expect(page.url()).toBe(`${platform.baseUrl}/respond`);

    const html = await fetch(`${platform.baseUrl}/respond`, { headers: { cookie: 'jqc_lang=ru' } });
    expect(html.headers.get('content-security-policy')).toContain("script-src 'self'");
    expect(html.headers.get('cache-control')).toBe('no-store');
    const body = await html.text();
    expect(body).toMatch(/^<!doctype html>\n<html lang="ru"/);
    // Scripts only by src from this origin; the one inline block is JSON data, which is never run.
    expect([...body.matchAll(/<script([^>]*)>/g)].map((m) => m[1]).filter((attributes) => !/ src="\/respond\/assets\//.test(attributes))).toEqual([
      ' type="application/json" id="jqc-texts"',
    ]);
    const script = /src="(\/respond\/assets\/survey\.core\.min\.js\?v=\w+)"/.exec(body)![1];
    const asset = await fetch(`${platform.baseUrl}${script}`, { headers: { 'accept-encoding': 'gzip' } });
    expect(asset.status).toBe(200);
    expect(asset.headers.get('content-type')).toBe('text/javascript; charset=utf-8');
    expect(asset.headers.get('cache-control')).toBe('public, max-age=31536000, immutable');
    // (fetch would add `Cache-Control: no-cache` to a conditional request; a browser revalidating does not.)
    const revalidated = await fetch(`${platform.baseUrl}${script}`, {
      headers: { 'accept-encoding': 'gzip', 'if-none-match': asset.headers.get('etag')!, 'cache-control': 'max-age=0' },
    });
    expect(revalidated.status).toBe(304);
    expect((await fetch(`${platform.baseUrl}/respond/assets/..%2Fpackage.json`)).status).toBe(404);
    await context.close();
  });
});
