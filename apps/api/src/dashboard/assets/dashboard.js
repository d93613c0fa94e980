// The pages' only script: sign-in, the Commission/HR dashboard and a judge's own feedback (served from this origin; the CSP allows no inline code).
'use strict';

(function () {
  const csrf = () => document.querySelector('meta[name="csrf-token"]')?.getAttribute('content') ?? '';
  const post = (url, body) =>
    fetch(url, {
      method: 'POST',
      credentials: 'same-origin',
      headers: { 'content-type': 'application/json', 'x-csrf-token': csrf() },
      body: JSON.stringify(body ?? {}),
    });

  // Where a person goes after signing in when the page names no `next`: their role's own page.
  async function homePage() {
    const me = await fetch('/api/auth/me', { credentials: 'same-origin' });
    const role = me.ok ? (await me.json()).role : null;
    return role === 'judge' ? '/feedback' : '/dashboard';
  }

  function signIn(form) {
    form.addEventListener('submit', async (event) => {
      event.preventDefault();
      const data = new FormData(form);
      const response = await post('/api/auth/login', { login: data.get('login'), password: data.get('password') });
      if (response.ok) {
        // The server puts only a path on this site here (dashboard.view.ts localPath), or nothing.
        location.assign(form.dataset.next || (await homePage()));
      } else {
        document.getElementById('login-error').hidden = false;
      }
    });
  }

  // Survey workbooks and a judge's own feedback alike: the button names the export request's URL.
  async function exportWorkbook(button, status) {
    status.textContent = status.dataset.preparing;
    const response = await post(button.dataset.url, { locale: button.dataset.locale });
    if (!response.ok) {
      status.textContent = status.dataset.failed;
      return;
    }
    const { id } = await response.json();
    for (;;) {
      await new Promise((resolve) => setTimeout(resolve, 1000));
      const state = await (await fetch(`/api/exports/${id}`, { credentials: 'same-origin' })).json();
      if (state.status === 'done') {
        status.textContent = '';
        location.assign(`/api/exports/${id}/download`);
        return;
      }
      if (state.status === 'failed' || state.statusCode) {
        status.textContent = status.dataset.failed;
        return;
      }
    }
  }

  function moderate(status) {
    const decide = async (ref, body) => {
      const response = await post(`/api/campaigns/${status.dataset.campaign}/comments/${encodeURIComponent(ref)}`, body);
      if (response.ok) location.reload();
      else status.textContent = status.dataset.failed;
    };
    for (const button of document.querySelectorAll('button.approve')) button.addEventListener('click', () => decide(button.dataset.ref, { action: 'approve' }));
    for (const button of document.querySelectorAll('button.redact')) {
      button.addEventListener('click', () => {
        const text = document.querySelector(`textarea[data-ref="${CSS.escape(button.dataset.ref)}"]`).value;
        decide(button.dataset.ref, { action: 'redact', text });
      });
    }
  }

  document.addEventListener('DOMContentLoaded', () => {
    const moderation = document.getElementById('moderation-status');
    if (moderation) moderate(moderation);
    const login = document.getElementById('login');
    if (login) signIn(login);
    document.getElementById('sign-out')?.addEventListener('click', async () => {
      await post('/api/auth/logout');
      location.assign('/login');
    });
    const status = document.getElementById('export-status');
    for (const button of document.querySelectorAll('button.export')) button.addEventListener('click', () => exportWorkbook(button, status));
  });
})();
