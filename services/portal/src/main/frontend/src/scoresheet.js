// The offline scoresheet (evaluator pages). Without this script the sheet is a plain form posted online.
// With it:
//  - the service worker /evaluator/sw.js (scope /evaluator/) keeps the pages, and the assignment list
//    downloads every sheet ahead, so a sheet opens and fills without a network;
//  - what is ticked is kept as a draft in IndexedDB (idb-keyval), per sheet;
//  - "Submit" puts the whole sheet in an outbox in IndexedDB with a client id chosen ONCE per sheet, then
//    sends it if online; the evaluation service answers a retry of the same client id with the sheet it already
//    has, so however often it is sent (flaky network, button pressed twice, two tabs) there is one submission;
//  - the "n not yet sent" count is read from IndexedDB, so it survives a reload and an expired session;
//  - the outbox is sent again on the `online` event, on the "Send now" button, and, while the browser is online
//    and a send failed, after 1, 2, 4 ... 30 s.
// Words come from the page (data-w-* attributes rendered from the bundle).
import { get, set, del, keys, createStore } from 'idb-keyval';

const store = createStore('yz-scoresheets', 'sheets');
const OUTBOX = 'outbox:';
const DRAFT = 'draft:';

function words(el) {
  const w = {};
  for (const [k, v] of Object.entries(el.dataset)) if (k.startsWith('w')) w[k.slice(1).toLowerCase()] = v;
  return w;
}

async function unsent() {
  const all = await keys(store);
  const out = [];
  for (const k of all) if (String(k).startsWith(OUTBOX)) out.push(await get(k, store));
  return out.filter((e) => e && e.state !== 'sent');
}

/** Sends every sheet of the outbox once; keeps what could not go. Returns what happened, for the status line. */
const RETRY_FIRST_MS = 1000;
const RETRY_MAX_MS = 30000;

let sending = null;
let retry = null;
let retryDelay = RETRY_FIRST_MS;
function sendAll() {
  if (!sending) sending = doSendAll().then(retryLater).finally(() => { sending = null; });
  return sending;
}

/**
 * The `online` event can come before the network carries requests again, and a service may answer 5xx for a
 * moment: while sheets wait and the browser says it is online, try again, waiting twice as long each time.
 */
function retryLater(result) {
  clearTimeout(retry);
  if (result.offline && navigator.onLine) {
    retry = setTimeout(() => sendAll(), retryDelay);
    retryDelay = Math.min(retryDelay * 2, RETRY_MAX_MS);
  } else {
    retryDelay = RETRY_FIRST_MS;
  }
  return result;
}

async function doSendAll() {
  const result = { sent: 0, refused: [], signin: false, offline: false };
  for (const entry of await unsent()) {
    if (!navigator.onLine) { result.offline = true; break; }
    let response;
    try {
      response = await fetch(entry.send, {
        method: 'POST', credentials: 'same-origin', redirect: 'manual',
        headers: { 'Content-Type': 'application/json', Accept: 'application/json', 'X-Requested-With': 'XMLHttpRequest' },
        body: JSON.stringify(entry.sheet),
      });
    } catch {
      result.offline = true;
      break;
    }
    if (response.ok) {
      await set(OUTBOX + entry.evaluation, { ...entry, state: 'sent', sentAt: new Date().toISOString() }, store);
      await del(DRAFT + entry.evaluation, store);
      result.sent++;
    } else if (response.type === 'opaqueredirect' || response.status === 401 || response.status === 499) {
      result.signin = true; // the session expired: the sheet stays on the device
      break;
    } else if (response.status >= 500) {
      result.offline = true;
      break;
    } else {
      let detail = '';
      try { detail = (await response.json()).detail || ''; } catch { /* not JSON */ }
      await set(OUTBOX + entry.evaluation, { ...entry, state: 'refused', detail }, store);
      result.refused.push(detail);
    }
  }
  document.dispatchEvent(new CustomEvent('yz-outbox-changed', { detail: result }));
  return result;
}

/** The count and the "Send now" button, on both the list and the sheet page. */
class Outbox extends HTMLElement {
  connectedCallback() {
    this.w = words(this);
    this.line = this.querySelector('[data-unsent]');
    this.button = this.querySelector('[data-sync]');
    if (this.button) {
      this.button.hidden = false;
      this.button.addEventListener('click', () => sendAll());
    }
    document.addEventListener('yz-outbox-changed', (e) => this.show(e.detail));
    window.addEventListener('online', () => sendAll());
    window.addEventListener('offline', () => this.show({ offline: true }));
    this.show({});
  }

  async show(result) {
    const waiting = await unsent();
    const n = waiting.length;
    let text = n === 0 ? this.w.allsent : this.w.unsent.replace('%n', String(n));
    if (result && result.signin) text += ' ' + this.w.signin;
    else if (result && result.offline && n > 0) text += ' ' + this.w.offline;
    const refused = waiting.filter((e) => e.state === 'refused');
    if (refused.length) text += ' ' + this.w.refused + ' ' + refused.map((e) => e.detail).join(' ');
    if (this.line) {
      this.line.textContent = text;
      this.line.dataset.count = String(n);
    }
    if (this.button) this.button.disabled = n === 0;
  }
}

/** The list page: registers the worker and downloads each sheet ahead. */
class OutboxList extends Outbox {
  connectedCallback() {
    super.connectedCallback();
    registerWorker().then(() => prefetch([...document.querySelectorAll('a[data-sheet]')].map((a) => a.getAttribute('href'))));
    if (navigator.onLine) sendAll();
  }
}

/** The sheet page: keeps the draft, and turns "Submit" into outbox-then-send. */
class Sheet extends Outbox {
  connectedCallback() {
    super.connectedCallback();
    registerWorker();
    this.evaluation = this.dataset.evaluation;
    this.form = this.querySelector('form[data-sheet-form]');
    if (!this.form || this.dataset.submitted === 'true') return;
    this.restore();
    this.form.addEventListener('change', () => this.keepDraft());
    this.form.addEventListener('submit', (e) => {
      if (e.submitter && e.submitter.value === 'submit') {
        e.preventDefault();
        this.queue();
      } else if (!navigator.onLine) {
        e.preventDefault();
        this.keepDraft().then(() => this.say(this.w.draft));
      }
    });
    if (navigator.onLine) sendAll();
  }

  say(text) {
    let p = this.querySelector('[data-island-status]');
    if (!p) {
      p = document.createElement('p');
      p.className = 'notice';
      p.setAttribute('role', 'status');
      p.dataset.islandStatus = '';
      this.form.before(p);
    }
    p.textContent = text;
  }

  read() {
    const levels = [];
    const now = new Date().toISOString();
    for (const fs of this.form.querySelectorAll('fieldset[data-indicator]')) {
      const ticked = fs.querySelector('input[type=radio]:checked');
      if (ticked) levels.push({ indicatorId: fs.dataset.indicator, level: Number(ticked.value), recordedAt: now });
    }
    return {
      levels,
      feedback: this.form.elements.feedback ? this.form.elements.feedback.value : '',
      baseRevision: Number(this.form.elements.baseRevision.value || 0),
    };
  }

  async draft() {
    return (await get(DRAFT + this.evaluation, store)) || {
      clientId: this.form.elements.clientId.value || crypto.randomUUID(),
      clientStartedAt: new Date().toISOString(),
    };
  }

  async keepDraft() {
    const d = await this.draft();
    await set(DRAFT + this.evaluation, { ...d, ...this.read() }, store);
  }

  async restore() {
    const d = await get(DRAFT + this.evaluation, store);
    if (!d) return;
    for (const l of d.levels || []) {
      const input = this.form.querySelector(`fieldset[data-indicator="${CSS.escape(l.indicatorId)}"] input[value="${l.level}"]`);
      if (input) input.checked = true;
    }
    if (d.feedback && this.form.elements.feedback && !this.form.elements.feedback.value) this.form.elements.feedback.value = d.feedback;
  }

  async queue() {
    const existing = await get(OUTBOX + this.evaluation, store);
    const d = await this.draft();
    const sheet = {
      ...this.read(),
      // the same client id on every send of this sheet: the service's idempotency
      clientId: existing && existing.sheet ? existing.sheet.clientId : d.clientId,
      clientStartedAt: d.clientStartedAt,
      clientSubmittedAt: new Date().toISOString(),
    };
    await set(OUTBOX + this.evaluation, { evaluation: this.evaluation, send: this.dataset.send, sheet, state: 'queued' }, store);
    await set(DRAFT + this.evaluation, { ...d, ...sheet }, store);
    this.say(this.w.queued);
    await this.show({ offline: !navigator.onLine });
    const result = await sendAll();
    if (result.sent > 0) this.say(this.w.sent);
  }
}

async function registerWorker() {
  if (!('serviceWorker' in navigator)) return;
  try {
    await navigator.serviceWorker.register('/evaluator/sw.js', { scope: '/evaluator' });
    await navigator.serviceWorker.ready;
    if (!navigator.serviceWorker.controller) {
      await new Promise((resolve) => {
        navigator.serviceWorker.addEventListener('controllerchange', resolve, { once: true });
        setTimeout(resolve, 3000);
      });
    }
  } catch { /* no worker: the pages still work online */ }
}

/** Downloads the sheets (and what they need) through the worker, which keeps them. */
async function prefetch(urls) {
  if (!navigator.onLine) return;
  const all = [...urls, '/evaluator', '/assets/scoresheet.js', '/portal.css'];
  await Promise.all(all.map((u) => fetch(u, { credentials: 'same-origin' }).catch(() => null)));
  document.documentElement.dataset.sheetsDownloaded = String(urls.length);
}

customElements.define('yz-scoresheet-outbox', OutboxList);
customElements.define('yz-scoresheet', Sheet);
