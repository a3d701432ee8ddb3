// View 8 — Edit: build or change a scenario without writing YAML (docs/dashboard.md "Editing a
// scenario"). A mediator starts from the current scenario, a stored template (geneva-2025), a
// minimal template or nothing; edits parties, issues, versions, points and every party's
// preferences; sees the server's checks and results live; saves a new revision (PUT
// /api/scenarios/{id} with the revision it started from) and downloads the server's YAML.
// A party edits only its own preferences (PUT …/preferences/{party}).
import './editor.css';
import { ApiError, explain } from '../api';
import { h, note } from '../dom';
import type { PreferencesDoc, ScenarioDoc } from '../model';
import { copyDoc, type Doc, emptyDoc, fromTemplate, minimalDoc, withPreferences } from '../shape/editor';
import type { ViewContext } from './context';
import { checksPanel } from './editor_checks';
import { frameworkSection } from './editor_framework';
import { issuesSection } from './editor_issues';
import { headerSection, partiesSection } from './editor_parties';
import { preferencesEditor, preferencesSection } from './editor_prefs';
import { button, type Editor, redrawing } from './editor_state';

const TEMPLATE = 'geneva-2025';

// Saves the canonical YAML the server wrote as a file.
function download(yaml: string, id: string): void {
  const a = h('a', { href: URL.createObjectURL(new Blob([yaml], { type: 'application/yaml' })), download: `${id}.yaml`, hidden: true });
  document.body.append(a);
  a.click();
  setTimeout(() => { URL.revokeObjectURL(a.href); a.remove(); }, 1000);
}

function saveMessage(e: unknown): string {
  if (e instanceof ApiError && e.status === 409)
    return `Not saved: ${e.message}. Someone saved after the revision you started from; start again from the current scenario and redo your change.`;
  return `Not saved: ${explain(e)}`;
}

// The editing form with its checks, save and download. `save` stores the document and
// returns the line to show.
function mount(ed: Editor, root: HTMLElement, sections: () => HTMLElement[], save: () => Promise<string>): void {
  const form = h('div', { class: 'ed-form', id: 'ed-form' });
  const checks = checksPanel(ed, () => form);
  const saved = h('p', { id: 'ed-saved', role: 'status' });
  const draw = () => {
    const next = sections();
    redrawing.now = true;
    try { form.replaceChildren(...next); } finally { redrawing.now = false; }
  };
  ed.edited = () => checks.schedule(current());
  ed.restructured = () => { draw(); ed.edited(); };
  const current = (): ScenarioDoc => (ed.party ? withPreferences(ed.doc, ed.party, ed.doc.preferences?.[ed.party] ?? {}) : ed.doc);
  const actions = h('div', { class: 'buttons' },
    button(ed.party ? 'Save my preferences' : 'Save as a new revision', 'ed-save', async () => {
      saved.textContent = 'Saving…';
      try { saved.textContent = await save(); } catch (e) { saved.textContent = saveMessage(e); }
      saved.setAttribute('data-done', 'true');
    }),
    ed.party ? null : button('Download YAML', 'ed-download', async () => {
      const v = await checks.now(current());
      if (!v.valid || !v.canonical) { saved.textContent = 'Fix the errors first: only a valid scenario is written as YAML.'; return; }
      download(v.canonical, ed.doc.id);
    }));
  draw();
  root.replaceChildren(h('div', { class: 'ed-layout' }, form, h('div', { class: 'ed-side' }, actions, saved, checks.el)));
  ed.edited();
}

function mediatorEditor(ctx: ViewContext, root: HTMLElement, doc: Doc, base: number): void {
  const ed: Editor = { api: ctx.api, doc, base, party: null, edited: () => undefined, restructured: () => undefined };
  mount(ed, root, () => [headerSection(ed), partiesSection(ed), issuesSection(ed), preferencesSection(ed, ctx.state), frameworkSection(ed)],
    async () => {
      const r = await ctx.api.request<{ revision: number; unchanged: boolean; created: boolean }>('PUT',
        `/api/scenarios/${encodeURIComponent(ed.doc.id)}`, { revision: ed.base, scenario: ed.doc });
      const was = ed.base;
      ed.base = r.revision;
      if (r.unchanged) return `Nothing changed: revision ${r.revision} kept.`;
      return r.created ? `Saved: scenario ${ed.doc.id} created at revision ${r.revision} (reload to see it in the scenario list).`
        : `Saved as revision ${r.revision} (was ${was}).`;
    });
}

async function partyEditor(ctx: ViewContext, root: HTMLElement, party: string): Promise<void> {
  const id = encodeURIComponent(ctx.scenario.id);
  const got = await ctx.api.get<{ revision: number; preferences: PreferencesDoc | null }>(`/api/scenarios/${id}/preferences/${encodeURIComponent(party)}`);
  const doc = copyDoc(ctx.scenario.doc) as Doc;
  doc.preferences = { ...(doc.preferences ?? {}), ...(got.preferences ? { [party]: got.preferences } : {}) };
  const ed: Editor = { api: ctx.api, doc, base: got.revision, party, edited: () => undefined, restructured: () => undefined };
  root.append(note(`Your preferences (${party}) in ${ctx.scenario.id}: only you and the mediator see them. The rest of the scenario is the mediator's to edit.`));
  const box = h('div', {});
  root.append(box);
  mount(ed, box, () => [h('fieldset', { class: 'ed-block' }, h('legend', {}, `Preferences of ${party}`), preferencesEditor(ed, party))],
    async () => {
      const r = await ctx.api.request<{ revision: number }>('PUT', `/api/scenarios/${id}/preferences/${encodeURIComponent(party)}`,
        { revision: ed.base, preferences: ed.doc.preferences?.[party] ?? {} });
      ed.base = r.revision;
      return `Saved as revision ${r.revision}.`;
    });
}

// The mediator's first step: what to start from and under which id.
function startPanel(ctx: ViewContext, root: HTMLElement): void {
  const cur = ctx.scenario.id;
  const sources = [  // on a server with no scenario yet, `cur` is ''
    ...(cur ? [{ value: 'current', text: `the current scenario (${cur}), saved as its next revision` }] : []),
    ...(cur !== TEMPLATE ? [{ value: 'template', text: `a copy of ${TEMPLATE} (if stored on this server), under a new id` }] : []),
    { value: 'minimal', text: 'a minimal template: two parties, a mediator, one issue, one draft' },
    { value: 'empty', text: 'nothing (from scratch)' },
  ];
  const sel = h('select', { id: 'ed-source' }, ...sources.map((s) => h('option', { value: s.value }, s.text)));
  const idInput = h('input', { id: 'ed-new-id', type: 'text', value: '', placeholder: 'my-scenario', spellcheck: 'false', pattern: '[A-Za-z0-9_.-]+' });
  const problem = h('p', { role: 'alert', class: 'note' });
  const start = button('Start editing', 'ed-start', async () => {
    const source = sel.value;
    const newId = idInput.value.trim();
    if (source !== 'current' && !/^[A-Za-z0-9_.-]+$/.test(newId)) { problem.textContent = 'Choose a new scenario id: letters, digits, _ . - only.'; return; }
    try {
      if (source === 'current') { mediatorEditor(ctx, root, copyDoc(ctx.scenario.doc) as Doc, ctx.scenario.revision); return; }
      if (source === 'template') {
        const t = await ctx.api.get<{ scenario: ScenarioDoc }>(`/api/scenarios/${TEMPLATE}`);
        mediatorEditor(ctx, root, fromTemplate(t.scenario, newId), 0);
        return;
      }
      mediatorEditor(ctx, root, source === 'minimal' ? minimalDoc(newId) : emptyDoc(newId), 0);
    } catch (e) { problem.textContent = explain(e); }
  });
  root.append(
    note('Build or change a scenario here; the server checks it as you type (the same checks as `accord validate`) and, once it is valid, evaluates and bargains on it. Nothing is stored until you save.'),
    h('div', { class: 'controls' },
      h('label', { class: 'field', for: 'ed-source' }, 'Start from ', sel),
      h('label', { class: 'field', for: 'ed-new-id' }, 'New scenario id ', idInput), start),
    problem);
}

export async function editorView(ctx: ViewContext, root: HTMLElement): Promise<void> {
  if (ctx.caller.role === 'observer') { root.append(note('An observer reads the record; only the mediator and the parties edit.')); return; }
  if (ctx.caller.role === 'party') {
    const party = ctx.caller.party;
    if (!party || !(ctx.scenario.doc.parties ?? []).some((p) => p.id === party)) {
      root.append(note('Your token speaks for a party that is not in this scenario: there is nothing of yours to edit here.'));
      return;
    }
    await partyEditor(ctx, root, party);
    return;
  }
  startPanel(ctx, root);
}
