/*
 * The respondent page (docs/campaigns.md, "Respondent page"). Plain browser JavaScript,
 * served from this origin; the CSP allows no inline script.
 *
 * 1. The invitation token arrives in the URL fragment, which browsers never send to a
 *    server. It is read and removed from the address bar before anything else happens,
 *    then exchanged once for a short-lived session cookie (POST /api/respond/session).
 *    A reload has no fragment and asks for the session again (GET /api/respond/session).
 * 2. The questionnaire is the campaign's SurveyJS definition, rendered by SurveyJS.
 * 3. Unfinished answers are kept in sessionStorage only: nothing is sent before the final
 *    submit. The submission id (a random UUID) is kept in localStorage before the submit,
 *    so a retry after a lost response repeats the same submission instead of a second one.
 *
 * This script runs first (deferred, before the SurveyJS bundles) so the token leaves the
 * address bar at once; the form is built on DOMContentLoaded, after the bundles have run.
 */
(function () {
  'use strict';

  var LOCALES = ['kk', 'ru', 'en'];
  var INTL_LOCALES = { kk: 'kk-KZ', ru: 'ru-RU', en: 'en-GB' };
  var KAZAKH_MONTHS = ['қаңтар', 'ақпан', 'наурыз', 'сәуір', 'мамыр', 'маусым', 'шілде', 'тамыз', 'қыркүйек', 'қазан', 'қараша', 'желтоқсан'];
  var TOKEN_PATTERN = /^[A-Za-z0-9_-]{43}$/;
  var STORAGE = { draft: 'jqc.respond.draft.', submission: 'jqc.respond.submission.', lang: 'jqc_lang' };
  /** Errors after which this form can no longer be sent. */
  var FINAL_ERRORS = ['responses.token-invalid', 'responses.already-answered', 'responses.campaign-closed', 'responses.session-expired'];

  // ---- 1. the token: out of the address bar first ---------------------------------------

  var token = null;
  var fragment = location.hash.replace(/^#/, '');
  if (fragment !== '') {
    history.replaceState(history.state, '', location.pathname + location.search);
    token = fragment;
  }
  // Starts at once, in parallel with the SurveyJS bundles still loading.
  var sessionRequest = token === null ? request('GET', '/api/respond/session') : TOKEN_PATTERN.test(token) ? exchange() : null;

  function exchange() {
    var pending = request('POST', '/api/respond/session', { token: token });
    // The token is kept in memory only, for a retry when the exchange did not get through.
    pending.then(function (response) {
      if (response.status !== 0 && response.status < 500 && response.status !== 429) token = null;
    });
    return pending;
  }

  // ---- state ------------------------------------------------------------------------------

  var texts = null;
  var state = {
    locale: document.documentElement.lang,
    session: null,
    fingerprint: '',
    /** One SurveyJS model, or one per colleague under review. */
    models: [],
    /** Peer review: the colleague whose form is open, or -1 for the list. */
    open: -1,
    saved: {},
    status: 'loading',
    sending: false,
    finished: false,
  };

  // ---- small helpers ----------------------------------------------------------------------

  function $(id) {
    return document.getElementById(id);
  }

  function t(key, params) {
    var entry = texts[key];
    var template = entry ? entry[state.locale] || entry.kk : key;
    return template.replace(/\{(\w+)\}/g, function (whole, name) {
      return params && name in params ? String(params[name]) : whole;
    });
  }

  function localized(value) {
    if (value === null || value === undefined) return '';
    if (typeof value === 'string') return value;
    return value[state.locale] || value.default || value.kk || value.ru || value.en || '';
  }

  function storageGet(storage, key) {
    try {
      return JSON.parse(storage.getItem(key));
    } catch {
      return null;
    }
  }

  function storageSet(storage, key, value) {
    try {
      storage.setItem(key, JSON.stringify(value));
    } catch {
      // Storage may be full or switched off; the form still works, it just forgets on reload.
    }
  }

  function storageRemove(storage, key) {
    try {
      storage.removeItem(key);
    } catch {
      // as above
    }
  }

  /** A short, stable name for this questionnaire, so a draft never lands in another campaign's form. */
  function fingerprint(text) {
    var hash = 0x811c9dc5;
    for (var i = 0; i < text.length; i++) {
      hash ^= text.charCodeAt(i);
      hash = Math.imul(hash, 0x01000193) >>> 0;
    }
    return hash.toString(16);
  }

  function randomUuid() {
    if (typeof crypto.randomUUID === 'function') return crypto.randomUUID();
    // Outside a secure context (plain http on a LAN) randomUUID is missing; build a v4 UUID.
    var bytes = crypto.getRandomValues(new Uint8Array(16));
    bytes[6] = (bytes[6] & 0x0f) | 0x40;
    bytes[8] = (bytes[8] & 0x3f) | 0x80;
    var hex = Array.prototype.map.call(bytes, function (b) {
      return (b + 0x100).toString(16).slice(1);
    }).join('');
    return hex.slice(0, 8) + '-' + hex.slice(8, 12) + '-' + hex.slice(12, 16) + '-' + hex.slice(16, 20) + '-' + hex.slice(20);
  }

  /** Resolves with { status, body }; status 0 when the network failed. Never rejects. */
  function request(method, path, body) {
    var init = {
      method: method,
      credentials: 'same-origin',
      cache: 'no-store',
      headers: { Accept: 'application/json', 'Accept-Language': state ? state.locale : document.documentElement.lang },
    };
    if (body !== undefined) {
      init.headers['Content-Type'] = 'application/json';
      init.body = JSON.stringify(body);
    }
    return fetch(path, init).then(
      function (response) {
        return response.text().then(function (text) {
          try {
            return { status: response.status, body: text ? JSON.parse(text) : null };
          } catch {
            return { status: response.status, body: null };
          }
        });
      },
      function () {
        return { status: 0, body: null };
      },
    );
  }

  // ---- language ---------------------------------------------------------------------------

  function availableLocales() {
    var languages = state.session && state.session.campaign && state.session.campaign.languages;
    var allowed = Array.isArray(languages) ? LOCALES.filter(function (code) {
          return languages.indexOf(code) >= 0;
        }) : [];
    return allowed.length > 0 ? allowed : LOCALES;
  }

  function setLocale(locale, remember) {
    if (LOCALES.indexOf(locale) < 0) return;
    state.locale = locale;
    document.documentElement.lang = locale;
    if (remember) {
      // Read by the server for the page and for its error messages; not a secret.
      document.cookie = 'jqc_lang=' + locale + '; path=/; max-age=31536000; SameSite=Lax' + (location.protocol === 'https:' ? '; Secure' : '');
      try {
        localStorage.setItem(STORAGE.lang, locale);
      } catch {
        // ignore
      }
    }
    renderTexts();
    state.models.forEach(function (model) {
      model.locale = locale;
    });
  }

  function renderTexts() {
    document.querySelectorAll('[data-jqc-text]').forEach(function (element) {
      element.textContent = t(element.getAttribute('data-jqc-text'));
    });
    document.querySelectorAll('[data-jqc-label]').forEach(function (element) {
      element.setAttribute('aria-label', t(element.getAttribute('data-jqc-label')));
    });
    $('status').textContent = state.status ? t(state.status) : '';
    var allowed = availableLocales();
    document.querySelectorAll('button.lang').forEach(function (button) {
      var code = button.getAttribute('data-lang');
      button.setAttribute('aria-pressed', String(code === state.locale));
      button.parentElement.hidden = allowed.indexOf(code) < 0;
    });
    renderCampaign();
    renderPeerList();
    renderPeerHeader();
  }

  function renderCampaign() {
    var session = state.session;
    if (!session) return;
    var campaign = session.campaign || {};
    var title = localized(campaign.title);
    if (title) {
      $('campaign-title').textContent = title;
      document.title = title;
    }
    if (campaign.deadline) {
      var date = new Date(campaign.deadline);
      if (!isNaN(date.getTime())) {
        $('deadline').textContent = t('deadline', { date: formatDate(date) });
        $('deadline').hidden = false;
      }
    }
    var thresholds = campaign.thresholds || {};
    if (thresholds.count) {
      $('privacy-threshold').textContent = t('privacyThreshold', { count: thresholds.count, freeText: thresholds.freeText || thresholds.count });
      $('privacy-threshold').hidden = false;
    }
    if (campaign.kind === 'peer-review' && thresholds.peer) {
      $('privacy-peer').textContent = t('privacyPeer', { peer: thresholds.peer });
      $('privacy-peer').hidden = false;
    }
  }

  /** In Kazakhstan's time. Browsers' Kazakh date data is often incomplete, so kk is spelled out here. */
  function formatDate(date) {
    var zone = { timeZone: 'Asia/Almaty' };
    if (state.locale !== 'kk') {
      return new Intl.DateTimeFormat(INTL_LOCALES[state.locale], Object.assign({ dateStyle: 'long', timeStyle: 'short' }, zone)).format(date);
    }
    var parts = {};
    new Intl.DateTimeFormat('en-GB', Object.assign({ year: 'numeric', month: 'numeric', day: 'numeric', hour: '2-digit', minute: '2-digit', hourCycle: 'h23' }, zone))
      .formatToParts(date)
      .forEach(function (part) {
        parts[part.type] = part.value;
      });
    return parts.year + ' жылғы ' + Number(parts.day) + ' ' + KAZAKH_MONTHS[Number(parts.month) - 1] + ', ' + parts.hour + ':' + parts.minute;
  }

  // ---- messages ---------------------------------------------------------------------------

  /** The polite status line: a text key (kept, so a language switch rewords it) or null. */
  function setStatus(key) {
    state.status = key;
    $('status').textContent = key ? t(key) : '';
  }

  function clearAlert() {
    $('alert').hidden = true;
    $('alert-text').textContent = '';
    $('alert-problems').textContent = '';
    $('retry').hidden = true;
    $('retry').onclick = null;
  }

  function showAlert(message, problems, retry) {
    $('alert-text').textContent = message;
    var list = $('alert-problems');
    list.textContent = '';
    (problems || []).forEach(function (problem) {
      var item = document.createElement('li');
      item.textContent = problem;
      list.appendChild(item);
    });
    $('retry').hidden = !retry;
    $('retry').onclick = retry
      ? function () {
          clearAlert();
          retry();
        }
      : null;
    $('alert').hidden = false;
  }

  /** The server's own, already localised message; our words only when there is none. */
  function messageOf(response) {
    if (response.status === 0) return t('networkError');
    return (response.body && response.body.message) || t('networkError');
  }

  /** Worth another try with the same submission id: no answer, too many requests, a server hiccup, or another submit of ours still being recorded. */
  function isRetryable(response) {
    var code = response.body && response.body.code;
    return response.status === 0 || response.status === 429 || response.status >= 500 || code === 'responses.submission-in-progress';
  }

  function stopForm(response) {
    state.finished = true;
    $('form-area').hidden = true;
    $('peer').hidden = true;
    setStatus(null);
    showAlert(messageOf(response));
  }

  // ---- loading the session ----------------------------------------------------------------

  function start() {
    texts = JSON.parse($('jqc-texts').textContent);
    var remembered;
    try {
      remembered = localStorage.getItem(STORAGE.lang);
    } catch {
      remembered = null;
    }
    // The cookie picked this page's language; without one, the choice kept in this browser wins.
    if (!/(?:^|;\s*)jqc_lang=/.test(document.cookie) && LOCALES.indexOf(remembered) >= 0 && remembered !== state.locale) setLocale(remembered, true);
    document.querySelectorAll('button.lang').forEach(function (button) {
      button.addEventListener('click', function () {
        setLocale(button.getAttribute('data-lang'), true);
      });
    });
    $('peer-back').addEventListener('click', closeReview);
    $('peer-submit').addEventListener('click', submitReviews);

    if (sessionRequest === null) {
      setStatus(null);
      showAlert(t('noToken'));
      return;
    }
    receiveSession(sessionRequest);
  }

  function receiveSession(pending) {
    setStatus('loading');
    pending.then(function (response) {
      if (response.status === 200 && response.body && response.body.definition) return begin(response.body);
      setStatus(null);
      if (isRetryable(response)) {
        showAlert(messageOf(response), null, function () {
          receiveSession(token !== null ? exchange() : request('GET', '/api/respond/session'));
        });
        return;
      }
      stopForm(response);
    });
  }

  function begin(session) {
    state.session = session;
    state.fingerprint = fingerprint(JSON.stringify(session.definition) + '|' + JSON.stringify(session.campaign || {}));
    if (availableLocales().indexOf(state.locale) < 0) setLocale(availableLocales()[0], false);
    // survey-core must know the custom reporting properties before it reads a definition.
    self.jqcRegisterReportingProperties(self.Survey.Serializer);
    var draft = storageGet(sessionStorage, STORAGE.draft + state.fingerprint) || {};
    var reviewees = Array.isArray(session.reviewees) ? session.reviewees : [];
    if (session.campaign && session.campaign.kind === 'peer-review') {
      state.saved = draft.saved || {};
      state.models = reviewees.map(function (reviewee) {
        return createModel(session.definition, draft.reviews && draft.reviews[reviewee.key], true);
      });
      setStatus(null);
      renderTexts();
      $('peer').hidden = false;
    } else {
      state.models = [createModel(session.definition, draft.answers, false)];
      if (typeof draft.page === 'number' && draft.page < state.models[0].visiblePageCount) state.models[0].currentPageNo = draft.page;
      setStatus(null);
      renderTexts();
      $('form-area').hidden = false;
      state.models[0].render($('survey'));
    }
  }

  function createModel(definition, answers, peer) {
    var model = new self.Survey.Model(definition);
    model.locale = state.locale;
    model.showProgressBar = true;
    model.progressBarLocation = 'top';
    var narrow = self.matchMedia('(max-width: 600px)').matches;
    model.getAllQuestions().forEach(function (question) {
      if (question.getType() !== 'rating') return;
      if (question.rateValues.length === 0 && question.visibleRateValues.length <= 7) {
        // A numeric scale of up to 7 points fits a phone as buttons, with its anchor texts above
        // and below; SurveyJS would otherwise fold it into a pick list that cuts the anchors off.
        question.displayMode = 'buttons';
        if (question.rateDescriptionLocation === 'leftRight') question.rateDescriptionLocation = 'topBottom';
      } else if (narrow) {
        // Worded scales do not fit a phone as buttons: a pick list from the start, rather than
        // buttons that SurveyJS swaps for one once it has measured them.
        question.displayMode = 'dropdown';
      }
    });
    // Our own button text when the questionnaire has none: "Submit", or "Save this review".
    if (!definition.completeText) {
      LOCALES.forEach(function (code) {
        model.locCompleteText.setLocaleText(code, texts[peer ? 'peerSave' : 'submit'][code]);
      });
    }
    if (answers && typeof answers === 'object') {
      var known = {};
      Object.keys(answers).forEach(function (name) {
        if (model.getQuestionByName(name)) known[name] = answers[name];
      });
      model.data = known;
    }
    model.onValueChanged.add(saveDraft);
    model.onCurrentPageChanged.add(saveDraft);
    model.onCompleting.add(function (sender, options) {
      // Completing never ends the survey by itself: the answers go to the server first.
      options.allow = false;
      if (state.sending || state.finished) return;
      if (!sender.validate(true, true)) return;
      if (peer) saveReview();
      else submitAnswers();
    });
    return model;
  }

  /** The answers of the questions a respondent can see: hidden questions' values are not answers. */
  function answersOf(model) {
    var answers = {};
    model.getAllQuestions(true).forEach(function (question) {
      if (question.page && !question.page.isVisible) return;
      if (!question.isEmpty()) answers[question.name] = question.value;
    });
    return answers;
  }

  function saveDraft() {
    if (!state.session || state.finished) return;
    var draft = { saved: state.saved };
    if (state.session.campaign.kind === 'peer-review') {
      draft.reviews = {};
      state.session.reviewees.forEach(function (reviewee, index) {
        draft.reviews[reviewee.key] = state.models[index].data;
      });
    } else {
      draft.answers = state.models[0].data;
      draft.page = state.models[0].currentPageNo;
    }
    storageSet(sessionStorage, STORAGE.draft + state.fingerprint, draft);
  }

  // ---- submitting -------------------------------------------------------------------------

  function submissionId() {
    var key = STORAGE.submission + state.fingerprint;
    var id = storageGet(localStorage, key);
    if (typeof id !== 'string') {
      id = randomUuid();
      // Kept before the request leaves, so a retry after a lost response sends the same id.
      storageSet(localStorage, key, id);
    }
    return id;
  }

  function forget() {
    storageRemove(sessionStorage, STORAGE.draft + state.fingerprint);
    storageRemove(localStorage, STORAGE.submission + state.fingerprint);
  }

  function submitAnswers() {
    send({ submissionId: submissionId(), answers: answersOf(state.models[0]) });
  }

  function submitReviews() {
    clearAlert();
    var missing = state.session.reviewees.filter(function (reviewee) {
      return !state.saved[reviewee.key];
    });
    if (missing.length > 0) {
      showAlert(
        t('peerIncomplete'),
        missing.map(function (reviewee) {
          return reviewee.name;
        }),
      );
      return;
    }
    send({
      submissionId: submissionId(),
      reviews: state.session.reviewees.map(function (reviewee, index) {
        return { key: reviewee.key, answers: answersOf(state.models[index]) };
      }),
    });
  }

  function send(body) {
    state.sending = true;
    clearAlert();
    setStatus('sending');
    $('peer-submit').disabled = true;
    request('POST', '/api/respond/submit', body).then(function (response) {
      state.sending = false;
      $('peer-submit').disabled = false;
      setStatus(null);
      if (response.status === 200 || response.status === 201) return finish();
      if (response.status === 400 && response.body && response.body.code === 'responses.invalid-answers') {
        // Nothing was recorded: the corrected answers go out as a new submission.
        storageRemove(localStorage, STORAGE.submission + state.fingerprint);
        return showProblems(response.body);
      }
      if (isRetryable(response)) {
        showAlert(messageOf(response), null, function () {
          send(body);
        });
        return;
      }
      if (response.body && FINAL_ERRORS.indexOf(response.body.code) >= 0) {
        if (response.body.code !== 'responses.session-expired') forget();
        stopForm(response);
        return;
      }
      showAlert(messageOf(response));
    });
  }

  function finish() {
    forget();
    state.finished = true;
    $('form-area').hidden = true;
    $('peer').hidden = true;
    $('done').hidden = false;
    $('done').focus();
  }

  /**
   * 400 responses.invalid-answers: each problem names a question (for peer review possibly
   * with the review's position or key in front). The reason is shown at the question and
   * listed in the alert; the first such question gets the focus.
   */
  function showProblems(body) {
    var problems = Array.isArray(body.problems) ? body.problems : [];
    var located = problems.map(locateProblem);
    var first = located.filter(function (entry) {
      return entry.question;
    })[0];
    if (state.open < 0 && first && first.index >= 0 && state.session.campaign.kind === 'peer-review') {
      state.saved[state.session.reviewees[first.index].key] = false;
      openReview(first.index);
    }
    located.forEach(function (entry) {
      if (entry.question && entry.index === Math.max(state.open, 0)) entry.question.addError(entry.problem.reason);
    });
    showAlert(
      body.message || t('fixAnswers'),
      located.map(function (entry) {
        var title = entry.question ? entry.question.processedTitle || entry.question.title : entry.problem.field;
        var who = entry.index >= 0 && state.open < 0 && state.session.reviewees[entry.index] ? state.session.reviewees[entry.index].name + ' — ' : '';
        return who + title + ' — ' + entry.problem.reason;
      }),
    );
    if (first && first.index === Math.max(state.open, 0)) {
      var model = state.models[first.index];
      if (first.question.page && model.currentPage !== first.question.page) model.currentPage = first.question.page;
      // After SurveyJS has drawn the page; focusing may re-validate, so the server's reason is added again if gone.
      setTimeout(function () {
        model.focusQuestion(first.question.name);
        if (first.question.errors.length === 0) first.question.addError(first.problem.reason);
      }, 0);
    }
    renderPeerList();
  }

  function locateProblem(problem) {
    var field = String(problem.field || '');
    var index = state.models.length === 1 ? 0 : -1;
    var position = /^reviews\[(\d+)\]/.exec(field);
    if (position) index = Number(position[1]);
    if (state.session.campaign.kind === 'peer-review') {
      state.session.reviewees.forEach(function (reviewee, i) {
        if (field.indexOf(reviewee.key) >= 0) index = i;
      });
    }
    var segments = field.split(/[.[\]]+/).filter(Boolean);
    var model = state.models[index];
    var question = null;
    for (var i = segments.length - 1; model && i >= 0 && !question; i--) question = model.getQuestionByName(segments[i]);
    return { problem: problem, index: index, question: question };
  }

  // ---- peer review ------------------------------------------------------------------------

  function renderPeerList() {
    var session = state.session;
    if (!session || session.campaign.kind !== 'peer-review') return;
    var list = $('peer-list');
    list.textContent = '';
    var done = 0;
    session.reviewees.forEach(function (reviewee, index) {
      var saved = Boolean(state.saved[reviewee.key]);
      if (saved) done++;
      var item = document.createElement('li');
      var who = document.createElement('div');
      var name = document.createElement('span');
      name.className = 'peer-name';
      name.textContent = reviewee.name;
      var badge = document.createElement('span');
      badge.className = 'peer-state' + (saved ? ' is-done' : '');
      badge.textContent = t(saved ? 'peerDone' : 'peerTodo');
      var court = document.createElement('span');
      court.className = 'peer-court';
      court.textContent = localized(reviewee.court);
      who.appendChild(name);
      who.appendChild(badge);
      who.appendChild(court);
      var button = document.createElement('button');
      button.type = 'button';
      button.className = 'button';
      button.id = 'peer-open-' + index;
      button.textContent = t(saved ? 'peerEdit' : 'peerOpen');
      button.setAttribute('aria-label', t(saved ? 'peerEdit' : 'peerOpen') + ': ' + reviewee.name);
      button.addEventListener('click', function () {
        openReview(index);
      });
      item.appendChild(who);
      item.appendChild(button);
      list.appendChild(item);
    });
    $('peer-progress').textContent = t('peerProgress', { done: done, total: session.reviewees.length });
  }

  function renderPeerHeader() {
    var reviewee = state.open >= 0 && state.session ? state.session.reviewees[state.open] : null;
    $('peer-header').hidden = !reviewee;
    if (reviewee) $('peer-reviewing').textContent = t('peerReviewing', { name: reviewee.name });
  }

  function openReview(index) {
    clearAlert();
    state.open = index;
    $('peer').hidden = true;
    $('form-area').hidden = false;
    renderPeerHeader();
    state.models[index].render($('survey'));
    $('peer-reviewing').focus();
  }

  function closeReview() {
    var index = state.open;
    state.open = -1;
    saveDraft();
    $('form-area').hidden = true;
    $('peer').hidden = false;
    renderPeerList();
    renderPeerHeader();
    var next = $('peer-open-' + index);
    if (next) next.focus();
  }

  function saveReview() {
    var key = state.session.reviewees[state.open].key;
    state.saved[key] = true;
    saveDraft();
    var index = state.open;
    closeReview();
    // Straight on to the next colleague still to do, or to the submit button.
    var pending = state.session.reviewees.findIndex(function (reviewee) {
      return !state.saved[reviewee.key];
    });
    var target = pending >= 0 ? $('peer-open-' + pending) : $('peer-submit');
    if (target && pending !== index) target.focus();
  }

  // Deferred scripts run before DOMContentLoaded, so by then the SurveyJS bundles have run too.
  document.addEventListener('DOMContentLoaded', start);
})();
