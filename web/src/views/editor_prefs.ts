// One party's preferences in the editor (docs/format.md "Preferences", "Choosing reservations
// and weights"): a weight slider per issue, normalised live so the weights sum to 1; a value
// slider per option (or a value curve for a range issue); red lines by clicking options; the
// reservation with a one-line explanation (the party's BATNA).
import { h } from '../dom';
import type { IssueDoc, PreferencesDoc } from '../model';
import { optionLabel, val } from '../model';
import {
  curveText, isRedLine, noteOf, normaliseWeights, optionIds, parseCurve, reservationWith, setOptionValue, setWeights,
  toggleRedLine, weightsOf, weightSum,
} from '../shape/editor';
import { type Editor, fmt, slider, textField } from './editor_state';

// The preferences being edited: the document's entry for `party` (created on first edit).
function prefsOf(ed: Editor, party: string): PreferencesDoc {
  const all = ed.doc.preferences ?? (ed.doc.preferences = {});
  return all[party] ?? (all[party] = { reservation: { value: 0.5, estimate: true }, issues: {} });
}

function issueBlock(ed: Editor, party: string, issue: IssueDoc): HTMLElement {
  const at = `preferences.${party}.issues.${issue.id}`;
  const pref = () => ed.doc.preferences?.[party]?.issues?.[issue.id];  // reading creates nothing
  const write = (next: NonNullable<PreferencesDoc['issues']>[string]) => {
    const p = prefsOf(ed, party);
    p.issues = { ...(p.issues ?? {}), [issue.id]: next };
    ed.edited();
  };
  if (issue.range) {
    return h('div', { class: 'ed-pref-issue' },
      textField(`Value curve of ${issue.id} (x:value, …)`, `curve-${issue.id}`, curveText(pref()?.curve), (v) => {
        const curve = parseCurve(v);
        if (curve) write({ ...(pref() ?? {}), curve });
      }, undefined, `${at}.curve`));
  }
  const options = issue.options ?? [];
  const rows = options.map((o, j) => {
    const id = optionIds(issue)[j];
    const red = isRedLine(pref(), id);
    const s = slider(`${optionLabel(o)}`, `value-${issue.id}-${id}`, val(pref()?.values?.[id], 0),
      (v) => write(setOptionValue(pref(), id, v)), `${at}.values.${id}`);
    const toggle = h('button', { type: 'button', id: `red-${issue.id}-${id}`, class: red ? 'red-line on' : 'red-line',
      'aria-pressed': red ? 'true' : 'false', title: 'A red line: rejected whatever else is offered' },
      red ? 'red line' : 'acceptable');
    toggle.addEventListener('click', () => {
      write(toggleRedLine(pref(), id));
      const on = isRedLine(pref(), id);
      toggle.setAttribute('aria-pressed', on ? 'true' : 'false');
      toggle.className = on ? 'red-line on' : 'red-line';
      toggle.textContent = on ? 'red line' : 'acceptable';
    });
    return h('div', { class: 'ed-row' }, s.el, toggle);
  });
  return h('div', { class: 'ed-pref-issue' }, h('p', { class: 'note' }, `Values of ${issue.id}'s options (1 = the party's best, 0 = its worst); click to mark a red line.`), ...rows);
}

export function preferencesEditor(ed: Editor, party: string): HTMLElement {
  const issues = ed.doc.issues ?? [];
  // Read without creating: looking at a party does not give it preferences.
  const prefs: PreferencesDoc = ed.doc.preferences?.[party] ?? {};
  const at = `preferences.${party}`;
  const sum = h('p', { class: 'note', id: 'weight-sum' });
  const showSum = (w: Record<string, number>) => { sum.textContent = `Weights sum to ${fmt(weightSum(w))} (normalised as you move a slider).`; };
  const sliders: Record<string, { set(v: number): void }> = {};
  const weightRows = issues.map((issue) => {
    const s = slider(`Weight of ${issue.title || issue.id}`, `weight-${issue.id}`, weightsOf(prefs, issues)[issue.id], (v) => {
      const p = prefsOf(ed, party);
      const next = normaliseWeights(weightsOf(p, issues), issue.id, v);
      Object.assign(p, setWeights(p, next));
      for (const [id, w] of Object.entries(next)) if (id !== issue.id) sliders[id]?.set(w);
      showSum(next);
      ed.edited();
    }, `${at}.issues.${issue.id}.weight`);
    sliders[issue.id] = s;
    return s.el;
  });
  showSum(weightsOf(prefs, issues));
  const res = prefs.reservation;
  let note = noteOf(res);
  let value = val(res, 0.5);
  const resSlider = slider('Reservation (utility of no agreement)', 'reservation', value, (v) => {
    value = v;
    prefsOf(ed, party).reservation = reservationWith(prefsOf(ed, party).reservation, value, note);
    ed.edited();
  }, `${at}.reservation`);
  return h('div', { class: 'ed-prefs', id: `prefs-${party}`, 'data-path': at },
    ed.doc.preferences?.[party] ? null : h('p', { class: 'note' }, `${party} has no preferences yet: it does not bargain until you set some.`),
    h('h4', {}, 'Weights (swing weighting)'),
    h('p', { class: 'note' }, 'How much moving each issue from the party\'s worst to its best option matters, compared with the others.'),
    ...weightRows, sum,
    h('h4', {}, 'Option values and red lines'),
    ...issues.map((i) => issueBlock(ed, party, i)),
    h('h4', {}, 'Reservation (from the BATNA)'),
    resSlider.el,
    textField('Why (the BATNA in one sentence)', 'reservation-note', note, (v) => {
      note = v;
      prefsOf(ed, party).reservation = reservationWith(prefsOf(ed, party).reservation, value, note);
      ed.edited();
    }, undefined, `${at}.reservation.note`));
}

// The mediator picks whose preferences to edit.
export function preferencesSection(ed: Editor, state: Record<string, string>): HTMLElement {
  const parties = (ed.doc.parties ?? []).map((p) => p.id);
  const box = h('fieldset', { class: 'ed-block', id: 'ed-preferences', 'data-path': 'preferences' }, h('legend', {}, 'Preferences'));
  if (parties.length === 0 || (ed.doc.issues ?? []).length === 0) {
    box.append(h('p', { class: 'note' }, 'Add parties and issues first.'));
    return box;
  }
  const chosen = parties.includes(state.editorParty) ? state.editorParty : parties[0];
  const sel = h('select', { id: 'pref-party' }, ...parties.map((p) => h('option', { value: p, selected: p === chosen }, p)));
  const body = h('div', {}, preferencesEditor(ed, chosen));
  sel.addEventListener('change', () => { state.editorParty = sel.value; body.replaceChildren(preferencesEditor(ed, sel.value)); });
  box.append(h('label', { class: 'field', for: 'pref-party' }, 'Party ', sel), body);
  return box;
}
