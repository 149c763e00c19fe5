// The agents' workspace: queue, conversation, reply box with the live policy check, canned replies, presence, live updates.
import { LitElement, html, nothing } from 'lit';
import { t, language, setLanguage } from './i18n.js';

class VigieApp extends LitElement {
  static properties = {
    me: { state: true }, conversations: { state: true }, mine: { state: true }, selected: { state: true },
    detail: { state: true }, canned: { state: true }, draft: { state: true }, verdict: { state: true },
    override: { state: true }, toasts: { state: true }, presence: { state: true }, live: { state: true },
    error: { state: true }, help: { state: true },
  };

  constructor() {
    super();
    this.conversations = [];
    this.mine = false;
    this.toasts = [];
    this.draft = '';
    this.override = '';
    this.presence = 'offline';
    this.live = false;
    this.help = false;
  }

  // Light DOM: the page's stylesheet applies and tests find elements without piercing shadow roots.
  createRenderRoot() {
    this.replaceChildren();
    return this;
  }

  async start(keycloak) {
    this.kc = keycloak;
    this.me = await this.api('GET', '/api/me');
    // A community expert (without agent or supervisor role) works only through the expert endpoints.
    this.expert = this.me.roles.includes('expert') && !this.me.roles.includes('agent') && !this.me.roles.includes('supervisor');
    this.base = this.expert ? '/api/expert/conversations' : '/api/conversations';
    document.addEventListener('keydown', (e) => this.onKey(e));
    await this.loadQueue();
    this.stream();
  }

  async api(method, path, body) {
    await this.kc.updateToken(30);
    const res = await fetch(path, {
      method,
      headers: { Authorization: 'Bearer ' + this.kc.token, ...(body !== undefined ? { 'Content-Type': 'application/json' } : {}) },
      body: body !== undefined ? JSON.stringify(body) : undefined,
    });
    const text = await res.text();
    const data = text ? JSON.parse(text) : null;
    if (!res.ok) {
      const err = new Error((data && (data.detail || data.title)) || res.statusText);
      err.status = res.status;
      err.problem = data;
      throw err;
    }
    return data;
  }

  async run(action) {
    try {
      this.error = null;
      return await action();
    } catch (e) {
      this.error = e.message;
      return null;
    }
  }

  async loadQueue() {
    await this.run(async () => {
      this.conversations = await this.api('GET', this.base + '?limit=200' + (this.mine && !this.expert ? '&mine=true' : ''));
    });
  }

  async select(id) {
    this.selected = id;
    this.draft = '';
    this.verdict = null;
    this.override = '';
    await this.loadDetail();
    if (!this.expert) {
      await this.run(async () => { this.canned = await this.api('GET', `/api/conversations/${encodeURIComponent(id)}/canned`); });
    }
  }

  async loadDetail() {
    if (!this.selected) return;
    await this.run(async () => { this.detail = await this.api('GET', `${this.base}/${encodeURIComponent(this.selected)}`); });
  }

  async act(action, body) {
    const id = encodeURIComponent(this.selected);
    await this.run(() => this.api('POST', `${this.base}/${id}/${action}`, body));
    await this.loadDetail();
    await this.loadQueue();
  }

  async transfer() {
    const target = prompt(t('transferTo'), '');
    if (!target) return;
    const [kind, value] = target.startsWith('centre:') ? ['toCentre', target.slice(7)] : ['toAgent', target];
    await this.act('transfer', { [kind]: value });
  }

  async removeLabel(label) {
    await this.run(() => this.api('DELETE', `/api/conversations/${encodeURIComponent(this.selected)}/labels/${encodeURIComponent(label)}`));
    await this.loadDetail();
  }

  async escalate() {
    const team = prompt(t('team') + ' (support, marketing, b2b)', 'support');
    if (!team) return;
    const context = prompt(t('context'), '') || '-';
    await this.act('escalate', { team, context });
  }

  onDraft(e) {
    this.draft = e.target.value;
    clearTimeout(this.checkTimer);
    this.checkTimer = setTimeout(() => this.check(), 250);
  }

  async check() {
    const text = this.draft;
    const verdict = await this.run(() => this.api('POST', '/api/policy/check', { conversationId: this.selected, text }));
    if (verdict && text === this.draft) this.verdict = verdict;
  }

  insertCanned(e) {
    const c = (this.canned || []).find((x) => String(x.id) === e.target.value);
    if (c) {
      this.draft = c.text;
      this.check();
    }
    e.target.value = '';
  }

  async send() {
    if (!this.draft.trim()) return;
    const body = { text: this.draft };
    if (this.override.trim()) body.override = this.override.trim();
    try {
      this.error = null;
      await this.api('POST', `${this.base}/${encodeURIComponent(this.selected)}/replies`, body);
      this.draft = '';
      this.override = '';
      this.verdict = null;
    } catch (e) {
      if (e.status === 422 && e.problem) {
        this.verdict = { allowed: false, violations: e.problem.violations || [], detectedLanguage: e.problem.detectedLanguage };
      } else {
        this.error = e.message;
      }
    }
    await this.loadDetail();
  }

  async setPresence(e) {
    const status = e.target.value;
    const ok = await this.run(() => this.api('PUT', '/api/presence', { status }));
    if (ok) this.presence = status;
  }

  async addNote(e) {
    e.preventDefault();
    const input = this.querySelector('#note-text');
    if (!input.value.trim()) return;
    await this.act('notes', { text: input.value });
    input.value = '';
  }

  async addLabel(e) {
    e.preventDefault();
    const input = this.querySelector('#label-text');
    if (!input.value.trim()) return;
    await this.act('labels', { label: input.value.trim() });
    input.value = '';
  }

  toast(kind, text) {
    const toast = { kind, text, at: Date.now() };
    this.toasts = [...this.toasts.slice(-4), toast];
    setTimeout(() => { this.toasts = this.toasts.filter((x) => x !== toast); }, 8000);
  }

  // Server-sent events read over fetch, so that the bearer token goes in a header and never in a URL.
  async stream() {
    for (;;) {
      try {
        await this.kc.updateToken(30);
        const res = await fetch('/api/stream', { headers: { Authorization: 'Bearer ' + this.kc.token, Accept: 'text/event-stream' } });
        if (!res.ok) throw new Error('stream ' + res.status);
        const reader = res.body.pipeThrough(new TextDecoderStream()).getReader();
        let buffer = '';
        for (;;) {
          const { value, done } = await reader.read();
          if (done) break;
          buffer += value.replace(/\r/g, '');
          let i;
          while ((i = buffer.indexOf('\n\n')) >= 0) {
            const chunk = buffer.slice(0, i);
            buffer = buffer.slice(i + 2);
            const data = chunk.split('\n').filter((l) => l.startsWith('data:')).map((l) => l.slice(5).trim()).join('\n');
            if (data) this.onEvent(JSON.parse(data));
          }
        }
      } catch (e) {
        console.warn('live updates interrupted', e);
      }
      this.live = false;
      await new Promise((r) => setTimeout(r, 3000));
    }
  }

  onEvent(e) {
    if (e.type === 'hello') { this.live = true; return; }
    if (e.type === 'heartbeat') return;
    const labels = { receipt: t('receipt'), sla_warning: t('slaWarning'), message: t('newMessage'), assignment: t('assignment') };
    if (labels[e.type]) this.toast(e.type, `${labels[e.type]} · ${e.conversationId}${e.detail ? ' · ' + e.detail : ''}`);
    this.loadQueue();
    if (e.conversationId && e.conversationId === this.selected) this.loadDetail();
  }

  onKey(e) {
    const typing = ['INPUT', 'TEXTAREA', 'SELECT'].includes(e.target.tagName);
    if (typing) {
      if (e.target.id === 'reply-text' && e.key === 'Enter' && (e.ctrlKey || e.metaKey)) { e.preventDefault(); this.send(); }
      if (e.key === 'Escape') e.target.blur();
      return;
    }
    const ids = this.conversations.map((c) => c.id);
    const at = ids.indexOf(this.selected);
    if (e.key === 'j' && ids.length) this.select(ids[Math.min(at + 1, ids.length - 1)]);
    else if (e.key === 'k' && ids.length) this.select(ids[Math.max(at - 1, 0)]);
    else if (e.key === 'c' && this.selected) this.act('claim');
    else if (e.key === 'e' && this.selected) this.act('resolve');
    else if (e.key === 'r' && this.selected) { e.preventDefault(); this.querySelector('#reply-text')?.focus(); }
    else if (e.key === '?') this.help = !this.help;
  }

  switchLanguage(l) {
    setLanguage(l);
    this.requestUpdate();
  }

  render() {
    if (!this.me) return html`<p class="boot">Vigie…</p>`;
    return html`
      <header>
        <strong>Vigie</strong>
        <span id="who">${this.me.name} · ${this.me.centre}</span>
        <span class="live ${this.live ? 'on' : ''}" id="live">● ${t('live')}</span>
        ${this.expert ? html`<span class="expert-badge">★ ${t('expert')}</span>` : html`<label>${t('presence')}
          <select id="presence" @change=${(e) => this.setPresence(e)} .value=${this.presence}>
            ${['online', 'away', 'offline'].map((s) => html`<option value=${s} ?selected=${s === this.presence}>${t(s)}</option>`)}
          </select>
        </label>`}
        <span class="langs">
          <button id="lang-en" class=${language() === 'en' ? 'on' : ''} @click=${() => this.switchLanguage('en')}>EN</button>
          <button id="lang-fr" class=${language() === 'fr' ? 'on' : ''} @click=${() => this.switchLanguage('fr')}>FR</button>
        </span>
        <button id="logout" @click=${() => this.kc.logout({ redirectUri: location.origin + '/' })}>${t('logout')}</button>
      </header>
      ${this.error ? html`<div class="error" id="error">${this.error}</div>` : nothing}
      ${this.help ? html`<div class="help">${t('shortcuts')}</div>` : nothing}
      <main>
        <nav id="queue">
          <h2>${t('queue')}
            ${this.expert ? nothing : html`<button id="filter-all" class=${this.mine ? '' : 'on'} @click=${() => { this.mine = false; this.loadQueue(); }}>${t('all')}</button>
            <button id="filter-mine" class=${this.mine ? 'on' : ''} @click=${() => { this.mine = true; this.loadQueue(); }}>${t('mine')}</button>`}
          </h2>
          <ul>
            ${this.conversations.map((c) => html`
              <li class="conv ${c.id === this.selected ? 'selected' : ''} ${c.sentiment || ''}" data-id=${c.id} @click=${() => this.select(c.id)}>
                <div><b>${c.authorHandle || c.id}</b> <span class="state">${c.state}</span> <span class="prio">P${c.priority}</span></div>
                <div class="snippet">${c.lastText || ''}</div>
                <div class="meta">${c.network} · ${c.language} · ${c.queue}${c.assignee ? ' · ' + c.assignee : ''}</div>
              </li>`)}
          </ul>
        </nav>
        <section id="conversation">${this.detail && this.detail.conversation.id === this.selected ? this.renderDetail() : html`<p class="empty">${t('noConversation')}</p>`}</section>
      </main>
      <div class="toasts">${this.toasts.map((x) => html`<div class="toast ${x.kind}">${x.text}</div>`)}</div>
      <footer>${t('shortcuts')}</footer>`;
  }

  renderDetail() {
    const { conversation: c, messages } = this.detail;
    const notes = this.detail.notes || [];
    const labels = this.detail.labels || [];
    const history = this.detail.history || [];
    const blocked = this.verdict && !this.verdict.allowed;
    const supervisor = this.me.roles.includes('supervisor');
    return html`
      <div class="conv-head">
        <h2>${c.authorHandle} <small>${c.id}</small></h2>
        <div class="facts">
          <span>${t('state')}: <b id="conv-state">${c.state}</b></span>
          <span>${t('assignee')}: <b id="conv-assignee">${c.assignee || '—'}</b></span>
          <span>${c.network} · ${c.space} · ${c.language} · ${c.topic || ''}</span>
          ${c.escalatedTo ? html`<span id="escalation">${t('escalate')}: <b>${c.escalatedTo}</b> — ${c.escalationContext}</span>` : nothing}
          ${c.slaDueAt ? html`<span>SLA ${new Date(c.slaDueAt).toLocaleTimeString(language())}</span>` : nothing}
          ${c.closingSentiment ? html`<span id="sentiment-arc">${t('sentiment')}: ${c.openingSentiment} (${t('opening')}) → ${c.closingSentiment} (${t('closing')}), Δ ${c.sentimentDelta}${c.restatedPublicly ? ' · ' + t('restated') : ''}</span>` : nothing}
        </div>
        ${this.expert ? nothing : html`<div class="actions">
          <button id="claim" @click=${() => this.act('claim')}>${t('claim')} (c)</button>
          <button id="release" @click=${() => this.act('release')}>${t('release')}</button>
          ${c.state === 'escalated'
            ? html`<button id="take-back" @click=${() => this.act('take-back', {})}>${t('takeBack')}</button>`
            : html`<button id="escalate" @click=${() => this.escalate()}>${t('escalate')}</button>`}
          <button id="resolve" @click=${() => this.act('resolve')}>${t('resolve')} (e)</button>
          <button id="close" @click=${() => this.act('close')}>${t('close')}</button>
          <button id="transfer" @click=${() => this.transfer()}>${t('transfer')}</button>
        </div>`}
        <details><summary>${t('routing')}</summary><pre>${c.routingReasons}</pre></details>
      </div>
      <ol class="messages" id="messages">
        ${messages.map((m) => html`
          <li class="msg ${m.direction} ${m.hidden ? 'hidden' : ''}" data-key=${m.mentionKey}>
            <div class="by">${m.direction === 'inbound' ? m.authorHandle : (m.agentId + (m.expert ? ' ★' : ''))}
              ${m.sentiment ? html`<span class="sent ${m.sentiment}">${m.sentiment}</span>` : nothing}
              ${m.direction === 'inbound' && m.urgency != null ? html`<span class="scores">${m.topic || ''} · ${t('urgency')} ${m.urgency.toFixed(2)} · ${t('influence')} ${(m.influence || 0).toFixed(2)}${m.signals ? ' · ' + m.signals : ''}</span>` : nothing}</div>
            <div class="text">${m.text}</div>
            ${m.direction === 'outbound' ? html`<div class="delivery" data-status=${m.deliveryStatus}>${t('delivery')}: ${t(m.deliveryStatus)}${m.deliveryReason ? ' — ' + m.deliveryReason : ''}</div>` : nothing}
            ${m.deliveryStatus === 'review' && !this.expert ? html`<button @click=${() => this.act('messages/' + encodeURIComponent(m.mentionKey) + '/approve')}>✓</button>
              <button @click=${() => this.act('messages/' + encodeURIComponent(m.mentionKey) + '/reject')}>✗</button>` : nothing}
            ${this.expert ? html`<button class="accept" @click=${() => this.act('messages/' + encodeURIComponent(m.mentionKey) + '/accept')}>${m.accepted ? '✔ ' + t('accepted') : t('accept')}</button>
              ${m.direction === 'inbound' ? html`<button class="hide" @click=${() => this.act('messages/' + encodeURIComponent(m.mentionKey) + '/hide')}>${t('hideSpam')}</button>` : nothing}` : (m.accepted ? html`<span class="accepted">✔ ${t('accepted')}</span>` : nothing)}
          </li>`)}
      </ol>
      <div class="reply">
        <h3>${t('reply')}</h3>
        ${this.expert ? nothing : html`<select id="canned" @change=${(e) => this.insertCanned(e)}>
          <option value="">${t('chooseCanned')}</option>
          ${(this.canned || []).map((x) => html`<option value=${String(x.id)}>${x.title}</option>`)}
        </select>`}
        <textarea id="reply-text" rows="4" .value=${this.draft} @input=${(e) => this.onDraft(e)}></textarea>
        <div id="policy-status" class=${this.verdict ? (blocked ? 'blocked' : 'ok') : ''}>
          ${this.verdict ? (blocked ? t('policyBlocked') : t('policyOk')) : ''}
          ${blocked ? html`<ul id="violations">${this.verdict.violations.map((v) => html`<li data-rule=${v.rule}>${t('rule_' + v.rule)}${v.excerpt ? html` : <mark>${v.excerpt}</mark>` : nothing}</li>`)}</ul>` : nothing}
        </div>
        ${supervisor && blocked ? html`<input id="override" placeholder=${t('override')} .value=${this.override} @input=${(e) => { this.override = e.target.value; }}>` : nothing}
        <button id="send-button" ?disabled=${blocked && !(supervisor && this.override.trim().length >= 5)} @click=${() => this.send()}>${t('send')} (Ctrl+Enter)</button>
      </div>
      ${this.expert ? nothing : html`<div class="side">
        <h3>${t('labels')}</h3>
        <div class="labels">${labels.map((l) => html`<span class="chip">${l} <a href="#" @click=${(e) => { e.preventDefault(); this.removeLabel(l); }}>×</a></span>`)}</div>
        <form @submit=${(e) => this.addLabel(e)}><input id="label-text" placeholder=${t('addLabel')}></form>
        <h3>${t('notes')}</h3>
        <ul class="notes">${notes.map((n) => html`<li><b>${n.author}</b> ${n.text}</li>`)}</ul>
        <form @submit=${(e) => this.addNote(e)}><input id="note-text" placeholder=${t('addNote')}></form>
        <details><summary>${t('history')}</summary>
          <ul class="history">${history.map((h) => html`<li>${new Date(h.at).toLocaleString(language())} · ${h.actor} · ${h.action}${h.override ? ' ⚠' : ''}${h.detail ? ' · ' + h.detail : ''}</li>`)}</ul>
        </details>
      </div>`}`;
  }
}

customElements.define('vigie-app', VigieApp);
