// View 4 — Bargaining: the Pareto frontier for two chosen parties with the current draft, the
// Nash, Kalai–Smorodinsky, egalitarian (and utilitarian) packages and the closest acceptable
// package; click a point (or use the buttons) to see its package. A party sees only its own
// utility of each package.
import { chart, PALETTE } from '../charts';
import { h, note, select } from '../dom';
import type { BargainFull, BargainParty, Count, OwnUtilities, PairMarker, ScenarioDoc } from '../model';
import { optionLabel, val, versionsOf } from '../model';
import { draftCompletions, packageMarkers } from '../shape/bargain';
import { isMediator, type ViewContext } from './context';

const NAMES: Record<string, string> = {
  nash: 'Nash', kalai_smorodinsky: 'Kalai–Smorodinsky', egalitarian: 'egalitarian', utilitarian: 'utilitarian',
};
const MARK_COLOURS: Record<string, string> = {
  nash: '#e69f00', kalai_smorodinsky: '#cc79a7', egalitarian: '#009e73', utilitarian: '#56b4e9', closest: '#d55e00', draft: '#24292f',
};

export function packageList(doc: ScenarioDoc, pkg: Record<string, unknown>): HTMLElement {
  const dl = h('dl', { class: 'package' });
  for (const issue of doc.issues ?? []) {
    const x = pkg[issue.id];
    let text = 'open';
    if (typeof x === 'number') text = `${x}${issue.range?.unit ? ' ' + issue.range.unit : ''}`;
    else if (typeof x === 'string') {
      const o = issue.options?.find((o) => (typeof o === 'string' ? o : o.id) === x);
      text = o ? `${optionLabel(o)} (${x})` : x;
    }
    dl.append(h('dt', {}, issue.title ?? issue.id), h('dd', {}, text));
  }
  return dl;
}

function showPackage(panel: HTMLElement, doc: ScenarioDoc, title: string, utilities: string, pkg: Record<string, unknown>): void {
  panel.replaceChildren(h('h4', {}, title), h('p', {}, utilities), packageList(doc, pkg));
}

// A count as the engine states it: exact decimal when it has one.
function countText(c: Count): string { return c.count_decimal ?? String(c.count); }

export async function bargainView(ctx: ViewContext, root: HTMLElement): Promise<void> {
  if (ctx.caller.role === 'observer') { root.append(note('Bargaining results come from private preferences; an observer does not see them.')); return; }
  const versions = versionsOf(ctx.scenario.doc);
  const draft = versions.length ? versions[versions.length - 1].id : undefined;
  // The pair shown: the server's default (the first two bargaining parties) until one is chosen.
  const chosen = ctx.state.bargainA && ctx.state.bargainB ? { pair: [ctx.state.bargainA, ctx.state.bargainB] } : {};
  const params = { ...(draft ? { version: draft } : {}), ...(isMediator(ctx) ? chosen : {}) };
  let run = await ctx.api.latestRun<BargainFull | BargainParty>(ctx.scenario.id, 'bargain', ctx.scenario.revision, params, isMediator(ctx));
  // A run stored by an Accord older than schema 1 has no two-party frontier: run it again.
  if (run && isMediator(ctx) && !('schema' in (run.result as object)))
    run = await ctx.api.run<BargainFull>(ctx.scenario.id, 'bargain', params);
  if (!run) { root.append(note('No bargaining analysis has been run yet; the mediator can run one.')); return; }
  const panel = h('div', { class: 'pkg-panel', 'aria-live': 'polite', id: 'package-panel' }, h('p', {}, 'Select a point to see its package.'));
  if (!isMediator(ctx)) return partyView(ctx, root, run.result as BargainParty, panel);
  const r = run.result as BargainFull;
  const zone = r.finding === 'zone_exists';
  root.append(h('p', { class: `finding ${zone ? 'ok' : 'no'}` }, h('b', {}, zone ? 'A zone of agreement exists' : 'There is no zone of agreement'),
    `: ${countText(r.zone)} of ${countText(r.space)} packages are acceptable to ${r.parties.join(', ')}.`));
  if (!r.pair) { root.append(note('Fewer than two bargaining parties.')); return; }
  const [a, b] = r.pair.parties;
  const rerender = (pa: string, pb: string) => {
    if (pa === pb) pb = r.parties.find((p) => p !== pa)!;
    ctx.state.bargainA = pa; ctx.state.bargainB = pb;
    root.replaceChildren(); void bargainView(ctx, root);
  };
  const opts = r.parties.map((p) => ({ value: p, text: p }));
  root.append(h('div', { class: 'controls' },
    select('Horizontal', 'bargain-a', opts, a, (v) => rerender(v, b)),
    select('Vertical', 'bargain-b', opts, b, (v) => rerender(a, v))));
  const frontier = r.pair.frontier.points;
  const packageOf = (key: PairMarker['key']): Record<string, unknown> => {
    if (key === 'closest') return r.closest?.package ?? {};
    if (key === 'draft') return r.draft?.package ?? {};
    return r.solutions[key]?.package ?? {};
  };
  const allUtilities = (key: PairMarker['key']): number[] | undefined => {
    if (key === 'closest') return r.closest?.utilities;
    if (key === 'draft') return undefined;  // a range, never one point: drawn below as its completions
    return r.solutions[key]?.utilities;
  };
  type Mark = PairMarker & { pkg: Record<string, unknown>; all?: number[] };
  const marks: Mark[] = packageMarkers(r).map((m) => ({ ...m, pkg: packageOf(m.key), all: allUtilities(m.key) }));
  const d = draftCompletions(r);
  const draftRange = r.draft ? r.parties.map((p, k) => `${p} ${r.draft!.utilities[k].min.toFixed(3)}–${r.draft!.utilities[k].max.toFixed(3)}`).join(', ') : '';
  const body = h('div', { class: 'pair-body' });
  const el = h('div', { class: 'chart square' });
  body.append(el, panel);
  root.append(body);
  const [ra, rb] = r.pair.reservations;
  const c = chart(el, {
    grid: { left: 36, right: 40, top: 30, bottom: 30, containLabel: true },
    tooltip: { trigger: 'item', formatter: (p: { seriesName: string; data: { value: number[] } }) =>
      `${p.seriesName}<br>${a} ${p.data.value[0].toFixed(3)}, ${b} ${p.data.value[1].toFixed(3)}` },
    legend: { top: 0 },
    xAxis: { type: 'value', min: 0, max: 1, name: `utility of ${a}`, nameLocation: 'middle', nameGap: 24 },
    yAxis: { type: 'value', min: 0, max: 1, name: `utility of ${b}`, nameLocation: 'middle', nameGap: 34 },
    series: [
      { name: 'Pareto frontier', type: 'line', symbolSize: 6, itemStyle: { color: PALETTE[0] },
        data: frontier.map((p, k) => ({ value: p.utilities, id: `f${k}` })),
        markLine: { symbol: 'none', silent: true, lineStyle: { color: '#cf222e', type: 'dashed' },
          data: [{ xAxis: ra, label: { formatter: `r(${a})` } }, { yAxis: rb, label: { formatter: `r(${b})` } }] },
        markArea: { silent: true, itemStyle: { color: 'rgba(45,164,78,0.08)' }, data: [[{ coord: [ra, rb] }, { coord: [1, 1] }]] } },
      ...marks.map((m) => ({ name: m.label, type: 'scatter', symbol: 'circle', symbolSize: 14,
        itemStyle: { color: MARK_COLOURS[m.key] ?? '#000', borderColor: '#24292f' }, label: { show: true, position: 'right', formatter: m.label },
        data: [{ value: m.utilities }] })),
      // The draft: its worst and best completions joined by a segment, never a midpoint.
      ...(d ? [{ name: d.label, type: 'line', symbol: 'rect', symbolSize: 12, itemStyle: { color: MARK_COLOURS.draft },
        lineStyle: { color: MARK_COLOURS.draft, width: 2 },
        label: { show: true, position: 'right', formatter: (p: { dataIndex: number }) => d.point ? d.label : `${d.label} ${p.dataIndex === 0 ? 'worst' : 'best'}` },
        data: d.point ? [{ value: d.worst }] : [{ value: d.worst }, { value: d.best }] }] : []),
    ],
  }, `Pareto frontier of ${a} and ${b} with the draft and the fair packages`);
  const util = (m: Mark) => m.all ? r.parties.map((p, k) => `${p} ${m.all![k].toFixed(3)}`).join(', ')
    : `${a} ${m.utilities[0].toFixed(3)}, ${b} ${m.utilities[1].toFixed(3)}`;
  c.on('click', (e: { seriesIndex?: number; dataIndex: number }) => {
    if (e.seriesIndex === 0) {
      const p = frontier[e.dataIndex];
      showPackage(panel, ctx.scenario.doc, 'Frontier point', `${a} ${p.utilities[0].toFixed(3)}, ${b} ${p.utilities[1].toFixed(3)}`, p.package);
    } else if (e.seriesIndex !== undefined && e.seriesIndex <= marks.length) {
      const m = marks[e.seriesIndex - 1];
      showPackage(panel, ctx.scenario.doc, m.label, util(m), m.pkg);
    } else if (d && r.draft) {
      showPackage(panel, ctx.scenario.doc, d.label, `${draftRange} (worst–best completion of its open issues)`, r.draft.package);
    }
  });
  root.append(h('div', { class: 'buttons', role: 'group', 'aria-label': 'Show a package' },
    ...marks.map((m) => h('button', { type: 'button', onclick: () => showPackage(panel, ctx.scenario.doc, m.label, util(m), m.pkg) }, m.label)),
    ...(d && r.draft ? [h('button', { type: 'button', onclick: () => showPackage(panel, ctx.scenario.doc, d.label,
      `${draftRange} (worst–best completion of its open issues)`, r.draft!.package) }, d.label)] : [])));
  if (d && !d.point) root.append(note(`${d.label}: the two squares are its completions — hollow end each party's worst, ` +
    `other end each party's best settlement of the issues it leaves open — joined by a segment; no package lies at its midpoint.`));
  const size = r.pair.frontier.size ?? frontier.length;
  root.append(note(`Line: the Pareto frontier of the whole package space for ${a} and ${b} (${size} points` +
    `${size > frontier.length ? `, the first ${frontier.length} drawn` : ''}, from the server's bargaining analysis). ` +
    `Shaded: both above their reservation. Markers use the ${r.parties.length}-party analysis.`));
  if (!zone) root.append(note('Without a zone of agreement the fair packages do not exist; "least shortfall" minimises the largest shortfall below any reservation.'));
}

// The reader's own utility in a party view's `utilities` (see BargainParty).
function ownUtility(u: OwnUtilities | undefined, parties: string[], party: string): number | null {
  if (!u) return null;
  const v = Array.isArray(u) ? u[parties.indexOf(party)] : u[party];
  return typeof v === 'number' ? v : null;
}

const PROPOSALS = ['nash', 'kalai_smorodinsky', 'egalitarian', 'utilitarian'];

function partyView(ctx: ViewContext, root: HTMLElement, r: BargainParty, panel: HTMLElement): void {
  const zone = r.zone?.exists ?? r.finding === 'zone_exists';
  root.append(h('p', { class: `finding ${zone ? 'ok' : 'no'}` }, h('b', {}, zone ? 'A zone of agreement exists' : 'There is no zone of agreement'),
    '. Your utility of each package the mediator may propose:'));
  const me = ctx.caller.party ?? '', parties = r.parties ?? [];
  const entries: [string, { package: Record<string, unknown>; own_utility: number | null }][] = [];
  for (const name of PROPOSALS) {
    const sol = r.solutions?.[name] as { package?: Record<string, unknown>; utilities?: OwnUtilities } | null | undefined;
    if (sol?.package) entries.push([name, { package: sol.package, own_utility: ownUtility(sol.utilities, parties, me) }]);
  }
  if (r.closest) entries.push([r.closest.zone_exists ? 'closest acceptable' : 'least shortfall',
    { package: r.closest.package, own_utility: ownUtility(r.closest.utilities, parties, me) }]);
  if (entries.length === 0) { root.append(note('No package to show.')); return; }
  const body = h('div', { class: 'pair-body' });
  const el = h('div', { class: 'chart', style: `height:${100 + entries.length * 44}px` });
  body.append(el, panel);
  root.append(body);
  const own = ctx.scenario.doc.preferences?.[ctx.caller.party ?? '']?.reservation;
  const reservation = own === undefined ? undefined : val(own, 0);
  const c = chart(el, {
    grid: { left: 10, right: 30, top: 10, bottom: 40, containLabel: true },
    tooltip: {}, xAxis: { type: 'value', min: 0, max: 1, name: `your utility (${ctx.caller.party})`, nameLocation: 'middle', nameGap: 26 },
    yAxis: { type: 'category', data: entries.map(([k]) => NAMES[k] ?? k) },
    series: [{ type: 'bar', barMaxWidth: 28, data: entries.map(([, p]) => p.own_utility), itemStyle: { color: PALETTE[0] },
      markLine: reservation === undefined ? undefined : { symbol: 'none', silent: true, lineStyle: { color: '#cf222e', type: 'dashed', width: 2 },
        label: { formatter: `your reservation ${reservation}` }, data: [{ xAxis: reservation }] } }],
  }, 'Your utility of each proposed package, against your reservation');
  const show = (k: number) => showPackage(panel, ctx.scenario.doc, NAMES[entries[k][0]] ?? entries[k][0],
    `your utility ${entries[k][1].own_utility?.toFixed(3) ?? '—'}`, entries[k][1].package);
  c.on('click', (e: { dataIndex: number }) => show(e.dataIndex));
  root.append(h('div', { class: 'buttons', role: 'group', 'aria-label': 'Show a package' },
    ...entries.map(([k], i) => h('button', { type: 'button', onclick: () => show(i) }, NAMES[k] ?? k))));
}
