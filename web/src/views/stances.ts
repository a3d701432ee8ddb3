// View 2 — Stance matrix: parties × points for a chosen version, blocking points highlighted,
// readiness ("near-final": yes/no and what stands between).
import { explain } from '../api';
import { chart, STANCE_COLOURS } from '../charts';
import { h, note, select } from '../dom';
import type { EvaluateResult } from '../model';
import { versionsOf } from '../model';
import { cellLabel, INFERRED_MARK, inferredCount, KINDS, stanceMatrix, type StancesResponse } from '../shape/stances';
import { isMediator, type ViewContext } from './context';

export async function stancesView(ctx: ViewContext, root: HTMLElement): Promise<void> {
  const versions = versionsOf(ctx.scenario.doc);
  if (versions.length === 0) { root.append(note('The scenario has no framework versions.')); return; }
  const version = ctx.state.version ?? versions[versions.length - 1].id;
  const rerender = () => { root.replaceChildren(); void stancesView(ctx, root); };
  root.append(h('div', { class: 'controls' }, select('Version', 'stance-version',
    versions.map((v) => ({ value: v.id, text: `${v.id} — ${v.label ?? ''}` })), version, (v) => { ctx.state.version = v; rerender(); })));
  const sid = encodeURIComponent(ctx.scenario.id);
  const res = await ctx.api.get<{ stances: StancesResponse }>(`/api/scenarios/${sid}/versions/${encodeURIComponent(version)}/stances`);
  const m = stanceMatrix(ctx.scenario.doc, version, res.stances);
  const blockedIds = new Set(Object.keys(m.blocked));
  const el = h('div', { class: 'chart', style: `height:${Math.max(220, 60 + m.parties.length * 44)}px` });
  root.append(el);
  chart(el, {
    grid: { left: 10, right: 10, top: 30, bottom: 40, containLabel: true },
    tooltip: {
      formatter: (p: { data: [number, number, number] }) => {
        const [x, y, k] = p.data;
        const pt = m.points[x], party = m.parties[y];
        const n = m.notes[`${party}/${pt.id}`];
        const inferred = m.inferred[`${party}/${pt.id}`] ? ' (inferred: estimate)' : '';
        return `${party} on ${pt.number}. ${escapeText(pt.text)}<br><b>${KINDS[k]}</b>${inferred}${n ? ' — ' + escapeText(n) : ''}`;
      },
    },
    xAxis: {
      type: 'category', data: m.points.map((p) => String(p.number)), name: 'point', nameLocation: 'middle', nameGap: 26,
      axisLabel: { interval: 0, formatter: (v: string, i: number) => (blockedIds.has(m.points[i].id) ? `{b|${v}}` : v),
        rich: { b: { color: '#fff', backgroundColor: '#cf222e', padding: [2, 3], borderRadius: 3, fontWeight: 'bold' } } },
    },
    yAxis: { type: 'category', data: m.parties, inverse: true },
    visualMap: { type: 'piecewise', orient: 'horizontal', top: 0, left: 'center', dimension: 2,
      pieces: KINDS.map((k, i) => ({ value: i, label: k, color: STANCE_COLOURS[k] })) },
    series: [{ type: 'heatmap', data: m.cells, itemStyle: { borderColor: '#fff', borderWidth: 1 },
      label: { show: true, formatter: (p: { data: number[] }) => cellLabel(m, p.data[0], p.data[1], p.data[2]) } }],
  }, `Stances of ${m.parties.join(', ')} on the ${m.points.length} points of ${version}; blocked points marked red; ` +
    `${INFERRED_MARK} marks an inferred stance`);
  root.append(h('p', { class: 'legend', id: 'stance-legend' },
    `R reject, C conditional, ? unknown, A accept. ${INFERRED_MARK} after a letter: the stance is inferred from the ` +
    `party's research position (estimate: true), not reported — ${inferredCount(m)} of ${m.cells.length} here.`));
  const blockedRows = m.points.filter((p) => blockedIds.has(p.id));
  root.append(h('h3', {}, 'Blocking points'),
    blockedRows.length === 0 ? note(`No signatory rejects a point of ${version}.`)
      : h('ul', { class: 'blocked-list' }, ...blockedRows.map((p) =>
        h('li', {}, h('b', {}, `${p.number}. `), p.text, h('span', { class: 'who' }, ` — rejected by ${m.blocked[p.id].join(', ')}`)))));
  root.append(h('h3', {}, 'Readiness'));
  if (ctx.caller.role === 'observer') {
    root.append(note('Readiness is computed from private preferences; an observer is not shown analysis results.'));
    return;
  }
  try {
    const run = await ctx.api.latestRun<EvaluateResult>(ctx.scenario.id, 'evaluate', ctx.scenario.revision, { version }, isMediator(ctx));
    if (!run?.result.readiness) { root.append(note('No evaluation of this version has been run yet; the mediator can run one.')); return; }
    const r = run.result.readiness;
    const between = r.standing_between ?? r.open_points;
    const label = (id: string) => { const p = m.points.find((x) => x.id === id); return p ? `${p.number}. ${p.text}` : id; };
    root.append(h('div', { class: `readiness ${r.near_final ? 'ok' : 'no'}`, id: 'readiness' },
      h('p', {}, h('b', {}, `Near-final: ${r.near_final ? 'yes' : 'no'}`), r.reason ? `. ${r.reason}` : ''),
      between.length ? h('p', {}, 'Standing between the text and near-final:') : null,
      between.length ? h('ul', {}, ...between.map((id) => h('li', {}, label(id)))) : null));
  } catch (e) {
    root.append(note(explain(e), 'error'));
  }
}

function escapeText(t: string): string {
  return t.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]!);
}
