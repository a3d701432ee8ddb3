// The dashboard shell: log in with a token, pick a scenario, switch between the seven views,
// log out. Every request carries the token; the API decides what the caller may see.
import './style.css';
import { Api, ApiError, explain } from './api';
import { disposeCharts } from './charts';
import { h, select } from './dom';
import type { Caller, ScenarioDoc } from './model';
import { forgetToken, loadToken, saveToken } from './session';
import { bargainView } from './views/bargain';
import type { View, ViewContext } from './views/context';
import { forecastView } from './views/forecast';
import { frameworkView } from './views/framework';
import { graphView } from './views/graph';
import { stabilityView } from './views/stability';
import { stancesView } from './views/stances';
import { timelineView } from './views/timeline';
import { utilitiesView } from './views/utilities';

const VIEWS: { id: string; title: string; view: View }[] = [
  { id: 'framework', title: 'Framework', view: frameworkView },
  { id: 'stances', title: 'Stance matrix', view: stancesView },
  { id: 'utilities', title: 'Utilities', view: utilitiesView },
  { id: 'bargaining', title: 'Bargaining', view: bargainView },
  { id: 'forecast', title: 'Forecast', view: forecastView },
  { id: 'stability', title: 'Stability', view: stabilityView },
  { id: 'graph', title: 'Graph', view: graphView },
  { id: 'timeline', title: 'Timeline', view: timelineView },
  { id: 'rounds', title: 'Rounds', view: (ctx, root) => import('./views/rounds').then((m) => m.roundsView(ctx, root)) },
  { id: 'editor', title: 'Edit', view: (c, r) => import('./views/editor').then((m) => m.editorView(c, r)) },
];

const app = document.getElementById('app')!;

function message(text: string, kind: 'error' | 'info' = 'error'): HTMLElement {
  return h('p', { class: `message ${kind}`, role: kind === 'error' ? 'alert' : 'status' }, text);
}

function showLogin(problem?: string): void {
  disposeCharts();
  const input = h('input', { id: 'token', name: 'token', type: 'password', autocomplete: 'off', required: true, spellcheck: 'false',
    'aria-describedby': 'token-help' });
  const form = h('form', { class: 'login', 'aria-labelledby': 'login-title' },
    h('h1', { id: 'login-title' }, 'Accord dashboard'),
    h('label', { for: 'token' }, 'Access token'), input,
    h('p', { id: 'token-help', class: 'note' }, 'Paste the token your mediator gave you (made with `accord token create`). It is kept only in this tab and never put in the address bar.'),
    problem ? message(problem) : null,
    h('button', { type: 'submit' }, 'Log in'));
  form.addEventListener('submit', (e) => {
    e.preventDefault();
    const token = input.value.trim();
    if (token) void start(token);
  });
  app.replaceChildren(h('main', { id: 'main' }, form));
  input.focus();
}

function logout(): void {
  forgetToken();
  showLogin();
}

async function start(token: string): Promise<void> {
  const api = new Api(token);
  let who: { caller: Caller; scenarios: { id: string; title: string; revision: number }[] };
  try {
    who = await api.whoami();
  } catch (e) {
    forgetToken();
    showLogin(e instanceof ApiError && e.status === 401 ? 'That token was not accepted (401): check it, or ask the mediator for a new one.' : explain(e));
    return;
  }
  saveToken(token);
  const state: Record<string, string> = {};
  let scenarioId = who.scenarios[0]?.id;
  const header = h('header', { class: 'top' });
  const nav = h('nav', { 'aria-label': 'Views' });
  const main = h('main', { id: 'main', tabindex: '-1' });
  app.replaceChildren(header, nav, main);
  const role = who.caller.role + (who.caller.party ? ` ${who.caller.party}` : '');
  const renderHeader = () => header.replaceChildren(
    h('h1', {}, 'Accord'),
    who.scenarios.length > 1 ? select('Scenario', 'scenario', who.scenarios.map((s) => ({ value: s.id, text: s.title || s.id })), scenarioId!,
      (v) => { scenarioId = v; void show(current); }) : h('span', { class: 'scenario-title' }, who.scenarios[0]?.title ?? ''),
    h('span', { class: 'who', id: 'who' }, `${who.caller.name} (${role})`),
    h('button', { type: 'button', id: 'logout', onclick: logout }, 'Log out'));
  renderHeader();
  let current = VIEWS.find((v) => `#${v.id}` === location.hash)?.id ?? VIEWS[0].id;
  nav.replaceChildren(h('ul', {}, ...VIEWS.map((v) => h('li', {}, h('a', { href: `#${v.id}`, id: `tab-${v.id}`, 'data-view': v.id }, v.title)))));
  window.onhashchange = () => {
    const id = location.hash.slice(1);
    if (VIEWS.some((v) => v.id === id)) void show(id);
  };
  let seq = 0;
  async function show(id: string): Promise<void> {
    current = id;
    const mine = ++seq;
    disposeCharts();
    nav.querySelectorAll('a').forEach((a) => a.toggleAttribute('aria-current', a.dataset.view === id));
    const v = VIEWS.find((x) => x.id === id)!;
    const root = h('section', { class: 'view', id: `view-${id}`, 'aria-busy': 'true' });
    main.replaceChildren(h('h2', {}, v.title), root);
    if (!scenarioId && id !== 'editor') { root.append(message('No scenario is stored on this server yet (accord db import, or create one in Edit).', 'info')); return; }
    try {
      const s = scenarioId ? await api.get<{ id: string; revision: number; scenario: ScenarioDoc }>(`/api/scenarios/${encodeURIComponent(scenarioId)}`)
        : { id: '', revision: 0, scenario: { id: '' } };  // the editor starts from nothing
      if (mine !== seq) return;
      const ctx: ViewContext = { api, caller: who.caller, scenario: { id: s.id, revision: s.revision, doc: s.scenario }, state };
      await v.view(ctx, root);
    } catch (e) {
      if (mine !== seq) return;
      if (e instanceof ApiError && e.status === 401) { forgetToken(); showLogin('Your session is no longer valid (401); log in again.'); return; }
      root.append(message(explain(e)));
    } finally {
      root.removeAttribute('aria-busy');
      root.setAttribute('data-ready', 'true');
    }
  }
  await show(current);
}

const saved = loadToken();
if (saved) void start(saved);
else showLogin();
