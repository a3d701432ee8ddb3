// View 1 — Framework: two versions side by side with the diff and its counts, as the server's
// `GET /api/scenarios/{id}/diff` (`accord diff --json`) gives them.
import { chart } from '../charts';
import { h, note, select } from '../dom';
import type { PointDoc } from '../model';
import { CHANGES, versionsOf } from '../model';
import type { ViewContext } from './context';

const COLOURS: Record<string, string> = {
  kept: '#8c959f', amended: '#0969da', merged: '#8250df', split: '#bf3989', dropped: '#cf222e', added: '#1a7f37',
};

export async function frameworkView(ctx: ViewContext, root: HTMLElement): Promise<void> {
  const versions = versionsOf(ctx.scenario.doc);
  if (versions.length < 2) {
    root.append(note('The scenario has fewer than two framework versions: nothing to compare.'));
    return;
  }
  const from = ctx.state.diffFrom ?? versions[0].id;
  const to = ctx.state.diffTo ?? versions[versions.length - 1].id;
  const opts = versions.map((v) => ({ value: v.id, text: `${v.id} — ${v.label ?? ''} (${v.points?.length ?? 0} points)` }));
  const rerender = () => { root.replaceChildren(); void frameworkView(ctx, root); };
  root.append(h('div', { class: 'controls' },
    select('From', 'diff-from', opts, from, (v) => { ctx.state.diffFrom = v; rerender(); }),
    select('To', 'diff-to', opts, to, (v) => { ctx.state.diffTo = v; rerender(); })));
  const d = await ctx.api.diff(ctx.scenario.id, from, to);
  // The diff names points by id; their number and text come from the versions.
  const points = (id: string) => new Map((versions.find((v) => v.id === id)?.points ?? []).map((p) => [p.id, p]));
  const fromPoints = points(from), toPoints = points(to);
  const lookup = (ids: string[], where: Map<string, PointDoc>) => ids.map((id) => where.get(id) ?? { id });
  root.append(h('ul', { class: 'counts', 'aria-label': 'Counts' },
    ...CHANGES.map((c) => h('li', { class: `chip chg-${c}` }, `${c}: `, h('b', {}, String(d.counts[c]))))));
  const el = h('div', { class: 'chart short' });
  root.append(el);
  chart(el, {
    grid: { left: 10, right: 10, top: 10, bottom: 20, containLabel: true },
    xAxis: { type: 'value', max: 'dataMax' }, yAxis: { type: 'category', data: [`${from} → ${to}`], show: false },
    tooltip: { trigger: 'item' },
    series: CHANGES.map((c) => ({ name: c, type: 'bar', stack: 'all', data: [d.counts[c]], itemStyle: { color: COLOURS[c] },
      label: { show: d.counts[c] > 0, formatter: `${c} {c}`, color: '#fff' } })),
  }, `Counts of points ${CHANGES.join(', ')} from ${from} to ${to}`);
  const cell = (pts: { id: string; number?: number; text?: string }[]) =>
    pts.length === 0 ? '—' : h('div', {}, ...pts.map((p) => h('div', { class: 'pt-line' }, h('b', {}, p.id), ` ${p.number ?? ''}. ${p.text ?? ''}`)));
  root.append(h('div', { class: 'scroll' }, h('table', { class: 'diff' },
    h('caption', {}, `${from} (left) and ${to} (right), matched ${d.entries.some((e) => e.matched_by_text) ? 'by text similarity' : "by the points' from: links"}`),
    h('thead', {}, h('tr', {}, h('th', { scope: 'col' }, 'change'), h('th', { scope: 'col' }, from), h('th', { scope: 'col' }, to))),
    h('tbody', {}, ...d.entries.map((e) => h('tr', { class: `row-${e.change}` },
      h('td', {}, h('span', { class: `chip chg-${e.change}` }, e.change)),
      h('td', {}, cell(lookup(e.from, fromPoints))), h('td', {}, cell(lookup(e.to, toPoints)))))))));
}
