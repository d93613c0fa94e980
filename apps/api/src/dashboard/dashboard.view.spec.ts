import fc from 'fast-check';
import { LocalizedText } from '@app/core';
import { CampaignRow, localPath, renderCampaignList, renderCampaignPage, renderModerationPage } from './dashboard.view';

const FILES = { style: '/dashboard/assets/dashboard.css?v=1', script: '/dashboard/assets/dashboard.js?v=1' };
const CAMPAIGN_ID = '6f1c1f55-8d0e-4a51-9d2c-6a7f3f0f1a10';

/** Text anyone could have typed: campaign titles (HR, Commission), question titles (instrument designers), comments (respondents). */
const typedText = fc.oneof(
  fc.string(),
  fc.constantFrom('<script>alert(1)</script>', '"><img src=x onerror=alert(1)>', "' onmouseover='alert(1)", '</textarea><script>x()</script>', '&lt;b&gt;', '<!--', ']]>'),
);
const title = (text: string): LocalizedText => ({ kk: text, ru: text, en: text });

function row(text: string): CampaignRow {
  return { id: CAMPAIGN_ID, title: title(text), kind: 'staff-survey', status: 'open', deadline: new Date('2026-12-01T00:00:00Z'), rate: { invited: 10, responded: 4, rate: 0.4 } };
}

/** Every page that shows typed text, rendered with the given text in every such place. */
function pages(text: string): string[] {
  const comments = [{ question: 'q1', title: title(text), comments: [{ ref: 'r1', text, status: 'pending' as const, flags: ['email' as const] }, { ref: 'r2', text, status: 'approved' as const, flags: [] }] }];
  return (['kk', 'ru', 'en'] as const).flatMap((locale) => [
    renderCampaignList(locale, FILES, 'csrf', [row(text), row(text)]),
    renderCampaignPage(locale, FILES, 'csrf', { campaign: row(text), snapshot: null, peerSummary: null, charts: [], questionTitles: { q1: title(text) } }),
    renderModerationPage(locale, FILES, 'csrf', row(text), comments),
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
  ])('sends %s to the dashboard instead', (_case, next) => {
    expect(localPath(next)).toBe('/dashboard');
  });

  it('is always a page of this site, whatever the query said', () => {
    const site = 'https://courts.example.kz';
    fc.assert(
      fc.property(fc.oneof(fc.string(), fc.webUrl(), fc.webPath(), fc.webPath().map((path) => `/.${path}`)), (next) => {
        expect(new URL(localPath(next), site).origin).toBe(site);
      }),
      { numRuns: 1000 },
    );
  });
});
