// <yz-ballot>: the council member's side of the secret ballot (D8), RFC 9474 RSABSSA-SHA384-PSS-Randomized
// with a maintained implementation (@cloudflare/blindrsa-ts) and the browser's WebCrypto.
//
// Phase 1 (the box is ISSUING): the device makes a random 32-byte token, prepares it (32-byte random prefix),
// blinds it with the box's public key and sends only the blinded message, signed in: the box learns WHO took a
// credential. It finalizes the blind signature (which also verifies it) and keeps (preparedMsg, signature) on
// this device only.
// Phase 2 (CASTING): after the member chooses, the ballot goes to /ballots after a random delay, with
// credentials 'omit' and no header that could identify the member: the box cannot learn WHICH member cast it.
// The receipt stays on the device, to check in the public tally once the vote closes.
import { LitElement, html } from 'lit';
import { RSABSSA } from '@cloudflare/blindrsa-ts';

const suite = RSABSSA.SHA384.PSS.Randomized();

const b64url = (bytes) => btoa(String.fromCharCode(...bytes)).replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '');
const fromB64 = (text) => {
  const s = text.replace(/-/g, '+').replace(/_/g, '/');
  const padded = s + '='.repeat((4 - (s.length % 4)) % 4);
  return Uint8Array.from(atob(padded), (c) => c.charCodeAt(0));
};

async function problemText(response) {
  try {
    const p = await response.json();
    return p.detail || p.title || String(response.status);
  } catch (e) {
    return String(response.status);
  }
}

class YzBallot extends LitElement {
  static properties = {
    motion: { type: String },
    phase: { type: String },
    strings: { type: Object },
    state: { state: true },
    message: { state: true },
    choice: { state: true },
  };

  // light DOM: the page's stylesheet applies, and screen readers see one document
  createRenderRoot() {
    return this;
  }

  constructor() {
    super();
    this.state = 'idle';
    this.message = '';
    this.choice = '';
  }

  get storeKey() {
    return `yz-ballot:${this.motion}`;
  }

  get kept() {
    try {
      return JSON.parse(localStorage.getItem(this.storeKey) || 'null');
    } catch (e) {
      return null;
    }
  }

  keep(value) {
    localStorage.setItem(this.storeKey, JSON.stringify({ ...(this.kept || {}), ...value }));
  }

  t(key) {
    return (this.strings && this.strings[key]) || key;
  }

  connectedCallback() {
    super.connectedCallback();
    const kept = this.kept;
    if (kept && kept.receipt) {
      this.state = 'done';
    } else if (kept && kept.signature) {
      this.state = 'holding';
    }
    this.poll();
    this.timer = setInterval(() => this.poll(), 3000);
  }

  disconnectedCallback() {
    clearInterval(this.timer);
    super.disconnectedCallback();
  }

  async box() {
    const r = await fetch(`/council/motions/${this.motion}/ballot-box`, { headers: { Accept: 'application/json' } });
    if (!r.ok) {
      throw new Error(await problemText(r));
    }
    return r.json();
  }

  async poll() {
    try {
      const box = await this.box();
      this.phase = box.status;
      this.publicKeySpki = box.publicKeySpki;
      if (this.phase === 'ISSUING' && this.state === 'idle') {
        await this.takeCredential();
      }
    } catch (e) {
      this.message = `${this.t('failed')} ${e.message}`;
    }
  }

  async publicKey() {
    return crypto.subtle.importKey('spki', fromB64(this.publicKeySpki), { name: 'RSA-PSS', hash: 'SHA-384' }, true, ['verify']);
  }

  async takeCredential() {
    this.state = 'taking';
    try {
      const key = await this.publicKey();
      const token = crypto.getRandomValues(new Uint8Array(32));
      const preparedMsg = suite.prepare(token);
      const { blindedMsg, inv } = await suite.blind(key, preparedMsg);
      const r = await fetch(`/council/motions/${this.motion}/credentials`, {
        method: 'POST',
        headers: { 'Content-Type': 'application/json', Accept: 'application/json' },
        body: JSON.stringify({ blindedMsg: b64url(blindedMsg) }),
      });
      if (!r.ok) {
        throw new Error(await problemText(r));
      }
      const { blindSig } = await r.json();
      // finalize verifies the signature with the box's key: a wrong answer is refused here
      const signature = await suite.finalize(key, preparedMsg, fromB64(blindSig), inv);
      this.keep({ preparedMsg: b64url(preparedMsg), signature: b64url(signature) });
      this.state = 'holding';
      this.message = '';
    } catch (e) {
      this.state = 'idle';
      this.message = `${this.t('failed')} ${e.message}`;
      clearInterval(this.timer); // one attempt per page view: a refusal (D6, D8) is not retried in a loop
    }
  }

  async cast(event) {
    event.preventDefault();
    if (!this.choice) {
      return;
    }
    const kept = this.kept;
    this.state = 'casting';
    // a random delay, so the moment of a cast does not match the moment a member acted on the page
    await new Promise((resolve) => setTimeout(resolve, 500 + Math.random() * 2500));
    try {
      const r = await fetch('/ballots', {
        method: 'POST',
        credentials: 'omit',
        cache: 'no-store',
        referrerPolicy: 'no-referrer',
        headers: { 'Content-Type': 'application/json' },
        body: JSON.stringify({ motionId: this.motion, preparedMsg: kept.preparedMsg, signature: kept.signature, choice: this.choice }),
      });
      if (!r.ok) {
        throw new Error(await problemText(r));
      }
      const answer = await r.json();
      this.keep({ receipt: answer.receipt, ballotId: answer.ballotId });
      this.state = 'done';
      this.message = '';
    } catch (e) {
      this.state = 'holding';
      this.message = `${this.t('failed')} ${e.message}`;
    }
  }

  render() {
    const kept = this.kept || {};
    if (this.state === 'done') {
      return html`<p class="notice" role="status">${this.t('cast_done')} <code class="receipt">${kept.receipt}</code></p>
        <p>${this.t('keep')} <a href="/public/motions/${this.motion}/ballots?receipt=${encodeURIComponent(kept.receipt || '')}">↗</a></p>`;
    }
    const canCast = this.state === 'holding' && this.phase === 'CASTING';
    return html`
      ${this.message ? html`<p class="refusal" role="alert">${this.message}</p>` : ''}
      <p role="status" class="meta">${this.state === 'taking' ? this.t('taking')
        : this.state === 'casting' ? this.t('casting')
        : this.state === 'holding' && this.phase === 'ISSUING' ? this.t('taken') + ' ' + this.t('waiting')
        : this.state === 'idle' && this.phase === 'ISSUING' ? this.t('taking') : ''}</p>
      <form @submit=${(e) => this.cast(e)}>
        <fieldset class="choices" ?disabled=${!canCast}>
          <legend>${this.t('choose')}</legend>
          ${['YES', 'NO', 'ABSTAIN'].map((c) => html`<label><input type="radio" name="choice" value=${c}
              .checked=${this.choice === c} @change=${() => { this.choice = c; }}> ${this.t(c.toLowerCase())}</label>`)}
        </fieldset>
        <button type="submit" ?disabled=${!canCast || !this.choice}>${this.t('cast')}</button>
      </form>`;
  }
}

customElements.define('yz-ballot', YzBallot);
