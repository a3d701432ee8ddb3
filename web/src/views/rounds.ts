// View 8 — Rounds (docs/rounds.md): the single negotiating text circulated in rounds.
// Mediator: open a round on a version, see every party's answers, close it (summary and the
// engine's suggestions), adopt suggestions into a draft next version, publish it, open the next
// round; the convergence chart over rounds. Party: its own answer form (PUT). Observer: who has
// answered, never what. Everyone: the word-level redline of any two versions. What each role
// receives is cut by the server; this view only shows it.
import { ApiError, explain } from '../api';
import { chart, PALETTE, STANCE_COLOURS } from '../charts';
import { h, note, select, table } from '../dom';
import type { ScenarioDoc } from '../model';
import { versionsOf } from '../model';
import {
  adoptable, ANSWERS, answeredStatus, answerRows, convergenceSeries, initialForm, issueChoices, nextVersionId, pointIssues,
  publishBody, redlineLines, responsesBody, type CloseSummary, type FormAnswer, type RedlinePoint, type RoundDoc, type RoundHead,
} from '../shape/rounds';
import { isMediator, type ViewContext } from './context';

interface RoundsList { revision: number; rounds: RoundHead[] }

const ANSWER_COLOURS: Record<string, string> = { ...STANCE_COLOURS, no_answer: STANCE_COLOURS.unknown };

export async function roundsView(ctx: ViewContext, root: HTMLElement): Promise<void> {
  const sid = encodeURIComponent(ctx.scenario.id);
  const base = `/api/scenarios/${sid}/rounds`;
  const status = h('p', { class: 'message info', role: 'status', id: 'rounds-status', 'aria-live': 'polite' });
  const rerender = async (message?: string) => {
    // The scenario again: a published version is new text the view must know.
    const s = await ctx.api.get<{ id: string; revision: number; scenario: ScenarioDoc }>(`/api/scenarios/${sid}`);
    ctx.scenario = { id: s.id, revision: s.revision, doc: s.scenario };
    root.replaceChildren();
    await roundsView(ctx, root);
    if (message) root.querySelector('#rounds-status')!.textContent = message;
  };
  // Every write: report a refusal in the status line rather than losing the view.
  const act = async (what: () => Promise<string>) => {
    try { await rerender(await what()); } catch (e) { status.textContent = e instanceof ApiError ? explain(e) : String(e instanceof Error ? e.message : e); }
  };
  const list = await ctx.api.get<RoundsList>(base);
  const rounds = [...list.rounds].sort((a, b) => a.round - b.round);
  root.append(status);

  if (isMediator(ctx)) {
    root.append(openControls(ctx, list.revision, (version) => act(async () => {
      const r = await ctx.api.request<{ round: number }>('POST', base, { version, revision: list.revision });
      ctx.state.round = String(r.round);
      return `Round ${r.round} opened on ${version}.`;
    })));
    convergenceSection(root, rounds);
  }
  if (rounds.length === 0) {
    root.append(note('No round has been opened yet.'));
    redlineSection(ctx, root);
    return;
  }
  const chosen = rounds.find((r) => String(r.round) === ctx.state.round) ?? rounds[rounds.length - 1];
  root.append(h('div', { class: 'controls' }, select('Round', 'round-select',
    rounds.map((r) => ({ value: String(r.round), text: `Round ${r.round}: ${r.version} (${r.status})` })), String(chosen.round),
    (v) => { ctx.state.round = v; void rerender(); })));
  const doc = await ctx.api.get<RoundDoc>(`${base}/${chosen.round}`);
  const section = h('section', { id: 'round-detail', 'data-round': String(doc.round), 'data-status': doc.status });
  root.append(section);
  section.append(h('h3', {}, `Round ${doc.round}: ${doc.version}, ${doc.status}${doc.published_version ? `, published as ${doc.published_version}` : ''}`));
  section.append(answeredList(doc));

  if (isMediator(ctx)) mediatorRound(ctx, section, doc, base, act);
  else if (ctx.caller.role === 'party' && ctx.caller.party && doc.parties.includes(ctx.caller.party)) partyForm(ctx, section, doc, base, act);
  else section.append(note(ctx.caller.role === 'observer'
    ? 'An observer sees who has answered, never what.' : 'This round is not addressed to you.'));
  redlineSection(ctx, root, doc.version);
}

function answeredList(doc: RoundHead): HTMLElement {
  return h('ul', { class: 'answered', id: 'answered-list', 'aria-label': 'Who has answered' },
    ...answeredStatus(doc).map((a) => h('li', { 'data-party': a.party, 'data-answered': String(a.answered) },
      h('b', {}, a.party), a.answered ? ': answered' : ': not answered')));
}

function openControls(ctx: ViewContext, revision: number, open: (version: string) => void): HTMLElement {
  const versions = versionsOf(ctx.scenario.doc);
  let version = ctx.state.openVersion ?? versions[versions.length - 1]?.id ?? '';
  return h('div', { class: 'controls', id: 'open-round' },
    select('Circulate version', 'open-version', versions.map((v) => ({ value: v.id, text: `${v.id} — ${v.label ?? ''}` })), version,
      (v) => { version = v; ctx.state.openVersion = v; }),
    h('button', { type: 'button', id: 'open-round-button', 'data-revision': String(revision), onclick: () => open(version) }, 'Open a round'));
}

// --- mediator -------------------------------------------------------------------------------

function mediatorRound(ctx: ViewContext, section: HTMLElement, doc: RoundDoc, base: string,
                       act: (what: () => Promise<string>) => Promise<void>): void {
  const rows = answerRows(ctx.scenario.doc, doc);
  const parties = doc.parties;
  const cell = (a: ReturnType<typeof answerRows>[number]['answers'][string]) => {
    if (!a) return h('span', { class: 'answer none' }, '—');
    return h('span', { class: `answer ${a.stance}`, style: `border-left:4px solid ${ANSWER_COLOURS[a.stance] ?? '#ccc'};padding-left:4px` },
      h('b', {}, a.stance.replace('_', ' ')), a.note ? ` — ${a.note}` : '', a.amendment ? h('em', {}, ` Amendment: ${a.amendment}`) : null);
  };
  section.append(table(['point', 'text', ...parties], rows.map((r) => [String(r.number), r.text, ...parties.map((p) => cell(r.answers[p] ?? null))]),
    `The circulated text (${doc.version}) with each party's answers`, 'answers'));
  if (doc.status === 'open') {
    section.append(h('div', { class: 'buttons' }, h('button', { type: 'button', id: 'close-round', onclick: () => act(async () => {
      await ctx.api.request('POST', `${base}/${doc.round}/close`, { revision: doc.revision });
      return `Round ${doc.round} closed.`;
    }) }, `Close round ${doc.round}`)));
    return;
  }
  if (doc.summary) summarySection(ctx, section, doc, doc.summary, base, act);
  if (doc.published_version) {
    const published = doc.published_version;
    section.append(h('div', { class: 'buttons' }, h('button', { type: 'button', id: 'open-next-round', onclick: () => act(async () => {
      const r = await ctx.api.request<{ round: number }>('POST', base, { version: published, revision: doc.revision });
      ctx.state.round = String(r.round);
      return `Round ${r.round} opened on ${published}.`;
    }) }, `Open the next round on ${published}`)));
  }
}

function summarySection(ctx: ViewContext, section: HTMLElement, doc: RoundDoc, sum: CloseSummary, base: string,
                        act: (what: () => Promise<string>) => Promise<void>): void {
  const c = sum.convergence;
  section.append(h('h4', {}, 'Summary at close'));
  if (c) section.append(h('p', { id: 'close-summary' }, `${c.accepted_by_all} of ${c.points} points accepted by every signatory; ` +
    `${c.answered} of ${c.addressed} addressed parties answered; ${c.near_final ? 'near-final' : 'not near-final'}` +
    (c.shortfall ? `; ${shortfallText(c.shortfall)}` : '') + '.'));
  if (sum.readiness?.reason) section.append(note(`Readiness: ${sum.readiness.reason}`));
  const suggestions = sum.suggestions?.suggestions ?? [];
  section.append(h('h4', {}, 'The engine\'s suggestions for the next text'));
  if (suggestions.length === 0) { section.append(note('The engine has no suggestion for this text.')); return; }
  const key = `adopt-${doc.round}`;
  const adopted = new Set((ctx.state[key] ?? '').split(',').filter((x) => x !== '').map(Number));
  const draft = h('div', { class: 'draft', id: 'draft' });
  const renderDraft = () => {
    ctx.state[key] = [...adopted].join(',');
    if (doc.published_version) { draft.replaceChildren(); return; }
    const id = h('input', { id: 'draft-version', name: 'draft-version', value: ctx.state[`${key}-id`] ?? nextVersionId(ctx.scenario.doc, doc.version) });
    id.addEventListener('input', () => { ctx.state[`${key}-id`] = id.value; });
    draft.replaceChildren(h('h4', {}, 'Draft next version'),
      adopted.size ? h('ul', {}, ...[...adopted].sort((a, b) => a - b).map((i) => h('li', {}, suggestions[i].sentence)))
        : note('No suggestion adopted yet: the draft is the circulated text.'),
      h('label', { class: 'field', for: 'draft-version' }, 'New version id ', id),
      h('button', { type: 'button', id: 'publish', onclick: () => act(async () => {
        const out = await ctx.api.request<{ version: { id: string } }>('POST', `${base}/${doc.round}/publish`,
          publishBody(doc.revision, id.value.trim(), adopted));
        return `Published ${out.version.id} from round ${doc.round}.`;
      }) }, 'Publish'));
  };
  section.append(h('ol', { class: 'suggestions', id: 'suggestions', start: '0' }, ...suggestions.map((s, i) => {
    const li = h('li', { 'data-kind': s.kind, 'data-index': String(i) }, h('span', { class: 'kind' }, s.kind.replace(/_/g, ' ') + ': '), s.sentence);
    if (adoptable(s) && !doc.published_version) {
      const b = h('button', { type: 'button', class: 'adopt', 'aria-pressed': String(adopted.has(i)) }, adopted.has(i) ? 'Adopted' : 'Adopt');
      b.addEventListener('click', () => {
        if (adopted.has(i)) adopted.delete(i); else adopted.add(i);
        b.setAttribute('aria-pressed', String(adopted.has(i)));
        b.textContent = adopted.has(i) ? 'Adopted' : 'Adopt';
        renderDraft();
      });
      li.append(' ', b);
    }
    return li;
  })));
  section.append(draft);
  renderDraft();
}

function shortfallText(s: NonNullable<NonNullable<CloseSummary['convergence']>['shortfall']>): string {
  const out = s.sum === null ? 'no shortfall sum (docs/rounds.md)'
    : `shortfall sum ${s.exact ? '' : 'at most '}${s.sum.toFixed(3)} (${s.parties.join(', ')})`;
  return s.red_line_crossed.length ? `${out}, the text crosses a red line of ${s.red_line_crossed.join(', ')}` : out;
}

function convergenceSection(root: HTMLElement, rounds: RoundHead[]): void {
  const c = convergenceSeries(rounds);
  if (c.labels.length === 0) return;
  root.append(h('h3', {}, 'Convergence over rounds'));
  const el = h('div', { class: 'chart', id: 'convergence-chart' });
  root.append(el);
  const parties = Object.keys(c.blockedBy);
  chart(el, {
    grid: { left: 10, right: 10, top: 40, bottom: 20, containLabel: true }, legend: { top: 0 }, tooltip: { trigger: 'axis' },
    xAxis: { type: 'category', data: c.labels.map((l, i) => (c.nearFinal[i] ? `${l} ✓` : l)) },
    yAxis: [{ type: 'value', minInterval: 1, name: 'points' }, { type: 'value', name: 'shortfall sum', min: 0 }],
    series: [
      { name: 'accepted by all', type: 'line', data: c.acceptedByAll, itemStyle: { color: STANCE_COLOURS.accept } },
      ...parties.map((p, i) => ({ name: `blocked by ${p}`, type: 'bar', data: c.blockedBy[p], itemStyle: { color: PALETTE[(i + 1) % PALETTE.length] } })),
      { name: 'shortfall sum', type: 'line', yAxisIndex: 1, data: c.shortfall, connectNulls: false, lineStyle: { type: 'dashed' }, itemStyle: { color: '#24292f' } },
    ],
  }, 'Convergence over rounds: points accepted by all, points blocked by each party, shortfall sum; ✓ marks a near-final text');
  root.append(table(['round', 'points', 'accepted by all', ...parties.map((p) => `${p} rejects`), 'shortfall sum', 'near-final'],
    c.labels.map((l, i) => [l, String(c.points[i]), String(c.acceptedByAll[i]), ...parties.map((p) => String(c.blockedBy[p][i])),
      (c.shortfall[i] === null ? '—' : c.shortfall[i]!.toFixed(3)) + (c.redLineCrossed[i].length ? ` (red line crossed: ${c.redLineCrossed[i].join(', ')})` : ''),
      c.nearFinal[i] ? 'yes' : 'no']), 'Convergence (docs/rounds.md): the shortfall sum leaves out a party whose red line the text crosses', 'convergence'));
}

// --- party -----------------------------------------------------------------------------------

function partyForm(ctx: ViewContext, section: HTMLElement, doc: RoundDoc, base: string,
                   act: (what: () => Promise<string>) => Promise<void>): void {
  const party = ctx.caller.party!;
  const version = versionsOf(ctx.scenario.doc).find((v) => v.id === doc.version);
  if (!version) { section.append(note(`Version ${doc.version} is not in the scenario.`)); return; }
  const points = (version.points ?? []).map((p) => p.id);
  const form: Record<string, FormAnswer> = initialForm(points, doc.responses?.[party]);
  const closed = doc.status !== 'open';
  section.append(note(closed ? 'The round is closed: your answers can no longer change.'
    : 'Your answers are private: the mediator sees them, no other party does.'));
  const el = h('form', { id: 'answer-form', class: 'answer-form', 'aria-label': `${party}'s answers` });
  (version.points ?? []).forEach((p, k) => {
    const a = form[p.id];
    const fs = h('fieldset', { 'data-point': p.id, disabled: closed });
    fs.append(h('legend', {}, `${p.number ?? k + 1}. ${p.text ?? ''}`));
    const stance = h('select', { name: `stance-${p.id}`, id: `stance-${p.id}`, 'aria-label': `Answer to ${p.id}` },
      ...ANSWERS.map((x) => h('option', { value: x, selected: a.stance === x }, x.replace('_', ' '))));
    stance.addEventListener('change', () => { a.stance = stance.value as FormAnswer['stance']; });
    const noteIn = h('input', { name: `note-${p.id}`, value: a.note, 'aria-label': `Note on ${p.id}` });
    noteIn.addEventListener('input', () => { a.note = noteIn.value; });
    const amend = h('input', { name: `amendment-${p.id}`, value: a.amendment, 'aria-label': `Amendment to ${p.id}` });
    amend.addEventListener('input', () => { a.amendment = amend.value; });
    fs.append(stance, h('label', {}, ' Note ', noteIn), h('label', {}, ' Amendment ', amend));
    for (const issue of pointIssues(ctx.scenario.doc, version, p.id)) {
      const name = `acceptable-${p.id}-${issue.id}`;
      if (issue.range) {
        const inp = h('input', { name, value: a.acceptable[issue.id] ?? '', placeholder: 'e.g. 800, 850',
          'aria-label': `Acceptable ${issue.id} values on ${p.id}` });
        inp.addEventListener('input', () => { a.acceptable[issue.id] = inp.value; });
        fs.append(h('label', {}, ` Acceptable ${issue.title ?? issue.id} `, inp));
      } else {
        const chosen = new Set((a.acceptable[issue.id] ?? '').split(',').map((x) => x.trim()).filter((x) => x));
        const boxes = issueChoices(issue).map((o) => {
          const cb = h('input', { type: 'checkbox', name, value: o, checked: chosen.has(o) });
          cb.addEventListener('change', () => {
            if ((cb as HTMLInputElement).checked) chosen.add(o); else chosen.delete(o);
            a.acceptable[issue.id] = [...chosen].join(', ');
          });
          return h('label', {}, cb, ` ${o} `);
        });
        fs.append(h('span', { class: 'acceptable' }, ` Acceptable ${issue.title ?? issue.id}: `, ...boxes));
      }
    }
    el.append(fs);
  });
  if (!closed) el.append(h('button', { type: 'submit', id: 'save-answers' }, 'Save my answers'));
  el.addEventListener('submit', (e) => {
    e.preventDefault();
    void act(async () => {
      const body = responsesBody(ctx.scenario.doc, form, doc.revision);
      const out = await ctx.api.request<{ written: number }>('PUT', `${base}/${doc.round}/responses/${encodeURIComponent(party)}`, body);
      return `Saved: ${out.written} answers of ${party} in round ${doc.round}.`;
    });
  });
  section.append(el);
}

// --- redline (public text: every role) -------------------------------------------------------

function redlineSection(ctx: ViewContext, root: HTMLElement, around?: string): void {
  const versions = versionsOf(ctx.scenario.doc).map((v) => v.id);
  if (versions.length < 2) return;
  const at = around ? versions.indexOf(around) : -1;
  let from = ctx.state.redlineFrom ?? versions[Math.max(0, (at > 0 ? at : versions.length - 1) - 1)];
  let to = ctx.state.redlineTo ?? versions[at > 0 ? at : versions.length - 1];
  const out = h('div', { id: 'redline', 'aria-live': 'polite' });
  const opts = versions.map((v) => ({ value: v, text: v }));
  const show = async () => {
    ctx.state.redlineFrom = from; ctx.state.redlineTo = to;
    try {
      const q = `from=${encodeURIComponent(from)}&to=${encodeURIComponent(to)}&redline=1`;
      const res = await ctx.api.get<{ diff: { redline?: { points: RedlinePoint[] } } }>(`/api/scenarios/${encodeURIComponent(ctx.scenario.id)}/diff?${q}`);
      const lines = redlineLines(res.diff.redline?.points ?? []);
      out.replaceChildren(lines.length === 0 ? note(`No amended or split point of ${to} changed its text against ${from}.`)
        : h('ul', { class: 'redline' }, ...lines.map((l) => h('li', {}, h('b', {}, l.label + ': '),
          ...l.segments.flatMap((s, i) => [i ? ' ' : '', s.op === 'delete' ? h('del', {}, s.text) : s.op === 'insert' ? h('ins', {}, s.text) : s.text]),
          h('span', { class: 'who' }, ` (${l.counts})`)))));
    } catch (e) { out.replaceChildren(note(explain(e), 'error')); }
  };
  root.append(h('h3', {}, 'Redline of two versions'), h('div', { class: 'controls' },
    select('From', 'redline-from', opts, from, (v) => { from = v; void show(); }),
    select('To', 'redline-to', opts, to, (v) => { to = v; void show(); })), out);
  void show();
}
