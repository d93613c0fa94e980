import { escapeHtml, LANGUAGE_NAMES, Locale, LOCALES } from '@app/core';
import { RESPOND_TEXTS, RespondTextKey } from './respond-page.texts';

export interface RespondPageView {
  locale: Locale;
  /** Stylesheets, then scripts, in load order (versioned URLs from this origin). */
  styles: string[];
  scripts: string[];
}

/**
 * JSON inside a `<script type="application/json">` data block: `<` is escaped so that no
 * text can close the element. A data block is never executed, so the CSP (`script-src
 * 'self'`, no inline scripts) is untouched.
 */
function jsonDataBlock(value: unknown): string {
  return JSON.stringify(value).replace(/</g, '\\u003c').replace(/\u2028/g, '\\u2028').replace(/\u2029/g, '\\u2029');
}

/**
 * The respondent page: a static shell in the request's language. Everything that depends
 * on the invitation (campaign, questions, colleagues) is filled in by respond.js after it
 * has exchanged the token from the URL fragment, which the server never sees.
 */
export function renderRespondPage(view: RespondPageView): string {
  const { locale } = view;
  const t = (key: RespondTextKey) => escapeHtml(RESPOND_TEXTS[key][locale]);
  const text = (tag: string, key: RespondTextKey, attributes = '') => `<${tag}${attributes} data-jqc-text="${key}">${t(key)}</${tag}>`;
  const languages = LOCALES.map(
    (code) =>
      `<li><button type="button" class="lang" data-lang="${code}" lang="${code}" aria-pressed="${code === locale}">${escapeHtml(LANGUAGE_NAMES[code])}</button></li>`,
  ).join('');
  return `<!doctype html>
<html lang="${locale}" dir="ltr">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="referrer" content="no-referrer">
<meta name="robots" content="noindex, nofollow">
<meta name="color-scheme" content="light">
<link rel="icon" href="data:,">
${text('title', 'documentTitle')}
${view.styles.map((href) => `<link rel="stylesheet" href="${escapeHtml(href)}">`).join('\n')}
<script type="application/json" id="jqc-texts">${jsonDataBlock(RESPOND_TEXTS)}</script>
${view.scripts.map((src) => `<script src="${escapeHtml(src)}" defer></script>`).join('\n')}
</head>
<body>
${text('a', 'skipToForm', ' class="skip-link" href="#main"')}
<header class="masthead">
<div class="masthead-inner">
${text('p', 'brand', ' class="brand"')}
<nav class="languages" aria-label="${t('languageSwitch')}" data-jqc-label="languageSwitch"><ul>${languages}</ul></nav>
</div>
</header>
<main id="main" class="page" tabindex="-1">
${text('h1', 'documentTitle', ' id="campaign-title"')}
<p id="deadline" class="deadline" hidden></p>
<details class="privacy" open>
<summary>${text('h2', 'privacyHeading', ' id="privacy-heading"')}</summary>
<ul>
${text('li', 'privacyStored')}
<li id="privacy-threshold" hidden></li>
<li id="privacy-peer" hidden></li>
${text('li', 'privacyDraft')}
${text('li', 'privacyLink')}
</ul>
</details>
<div id="status" class="status" role="status" aria-live="polite">${t('loading')}</div>
<div id="alert" class="alert" role="alert" hidden><p id="alert-text"></p><ul id="alert-problems"></ul>${text('button', 'retry', ' type="button" id="retry" class="button" hidden')}</div>
<section id="peer" class="peer" aria-labelledby="peer-heading" hidden>
${text('h2', 'peerHeading', ' id="peer-heading"')}
${text('p', 'peerIntro')}
<p id="peer-progress" class="peer-progress"></p>
<ul id="peer-list" class="peer-list"></ul>
${text('button', 'peerSubmitAll', ' type="button" id="peer-submit" class="button primary"')}
</section>
<section id="form-area" class="form-area" aria-labelledby="campaign-title" hidden>
<div id="peer-header" class="peer-header" hidden>${text('button', 'peerBack', ' type="button" id="peer-back" class="button link"')}<h2 id="peer-reviewing" tabindex="-1"></h2></div>
<div id="survey"></div>
</section>
<section id="done" class="done" aria-labelledby="done-heading" tabindex="-1" hidden>
${text('h2', 'doneHeading', ' id="done-heading"')}
${text('p', 'doneDetail')}
</section>
<noscript>${text('p', 'noScript', ' class="alert"')}</noscript>
</main>
</body>
</html>
`;
}
