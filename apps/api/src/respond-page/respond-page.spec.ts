import { runInNewContext } from 'node:vm';
import { Model, Serializer } from 'survey-core';
import { escapeHtml, LOCALES } from '@app/core';
import { BUILTIN_INSTRUMENTS } from '@app/instruments';
import { ASSET_ORDER, loadPageAssets, reportingPropertiesScript } from './respond-page.assets';
import { RESPOND_TEXTS } from './respond-page.texts';
import { renderRespondPage } from './respond-page.view';

describe('respondent page', () => {
  const view = { locale: 'ru' as const, styles: ['/respond/assets/a.css?v=1'], scripts: ['/respond/assets/respond.js?v=2', '/respond/assets/b.js?v=3'] };

  it('renders in the chosen language, with the language switch showing it', () => {
    const html = renderRespondPage(view);
    expect(html).toMatch(/^<!doctype html>\n<html lang="ru" dir="ltr">/);
    expect(html).toContain('<meta name="viewport" content="width=device-width, initial-scale=1">');
    expect(html).toContain(`<h1 id="campaign-title" data-jqc-text="documentTitle">${RESPOND_TEXTS.documentTitle.ru}</h1>`);
    expect(html).toContain('data-lang="ru" lang="ru" aria-pressed="true"');
    expect(html).toContain('data-lang="kk" lang="kk" aria-pressed="false"');
    expect(renderRespondPage({ ...view, locale: 'kk' })).toContain(RESPOND_TEXTS.privacyStored.kk);
  });

  it('has no inline script: scripts by src, in order, deferred; the texts are a JSON data block that cannot close itself', () => {
    const html = renderRespondPage(view);
    const scripts = [...html.matchAll(/<script([^>]*)>([\s\S]*?)<\/script>/g)];
    expect(scripts.map((m) => m[1])).toEqual([' type="application/json" id="jqc-texts"', ' src="/respond/assets/respond.js?v=2" defer', ' src="/respond/assets/b.js?v=3" defer']);
    expect(scripts[0][2]).not.toContain('<');
    expect(JSON.parse(scripts[0][2])).toEqual(RESPOND_TEXTS);
    expect(html).not.toMatch(/\son[a-z]+=/i);
  });

  it('escapes what it writes into HTML', () => {
    expect(escapeHtml(`<a href="x">'&'</a>`)).toBe('&lt;a href=&quot;x&quot;&gt;&#39;&amp;&#39;&lt;/a&gt;');
  });

  it('has every text in kk, ru and en, with the same placeholders, and Kazakh that is not Russian', () => {
    for (const [key, text] of Object.entries(RESPOND_TEXTS)) {
      for (const locale of LOCALES) expect({ key, locale, empty: text[locale].trim() === '' }).toEqual({ key, locale, empty: false });
      const placeholders = (s: string) => [...s.matchAll(/\{(\w+)\}/g)].map((m) => m[1]).sort();
      expect({ key, kk: placeholders(text.kk), en: placeholders(text.en) }).toEqual({ key, kk: placeholders(text.ru), en: placeholders(text.ru) });
      if (text.kk.length > 20) expect({ key, sameAsRussian: text.kk === text.ru }).toEqual({ key, sameAsRussian: false });
    }
  });

  it('serves its files from this package: SurveyJS 2.5.38 bundles, the fontless stylesheet, respond.js first among the scripts', () => {
    const assets = loadPageAssets();
    expect([...assets.keys()]).toEqual([...ASSET_ORDER]);
    expect(ASSET_ORDER.filter((name) => name.endsWith('.js'))[0]).toBe('respond.js');
    for (const asset of assets.values()) {
      expect(asset.body.length).toBeGreaterThan(500);
      expect(asset.version).toMatch(/^[0-9a-f]{16}$/);
      expect(asset.contentType).toBe(asset.name.endsWith('.css') ? 'text/css; charset=utf-8' : 'text/javascript; charset=utf-8');
    }
    expect(assets.get('survey.core.min.js')!.body.toString('utf8', 0, 200)).toContain('v2.5.38');
    expect(assets.get('survey-js-ui.min.js')!.body.toString('utf8', 0, 200)).toContain('v2.5.38');
    // The full stylesheet would load Open Sans from Google: refused by the CSP, and a third party told who opened the form.
    expect(/url\(\s*["']?(https?:)?\/\//.test(assets.get('survey-core.fontless.min.css')!.body.toString())).toBe(false);
    expect(/@import/.test(assets.get('survey-core.fontless.min.css')!.body.toString())).toBe(false);
    expect(assets.get('survey.i18n.min.js')!.body.toString()).toContain('localeCode:"kk"');
  });

  it('generates a browser script that registers the reporting properties, so survey-core accepts the built-in definitions', () => {
    expect(Serializer.findProperty('question', 'dimension')).toBeFalsy();
    const sandbox: { self: { jqcRegisterReportingProperties?: (serializer: unknown) => void } } = { self: {} };
    runInNewContext(reportingPropertiesScript(), sandbox);
    sandbox.self.jqcRegisterReportingProperties!(Serializer);
    sandbox.self.jqcRegisterReportingProperties!(Serializer);
    for (const builtin of BUILTIN_INSTRUMENTS) {
      const model = new Model(builtin.definition);
      expect({ code: builtin.code, errors: (model.jsonErrors ?? []).map((e) => e.message) }).toEqual({ code: builtin.code, errors: [] });
    }
    expect(Serializer.findProperty('question', 'reverse')?.type).toBe('boolean');
  });
});
