// View 3 — Utilities: each party's utility of each version against its reservation
// (mediator: every party; a party: its own only, as the API returns).
import { chart, PALETTE } from '../charts';
import { h, note, table } from '../dom';
import type { EvaluateResult } from '../model';
import { versionsOf } from '../model';
import { utilitySeries } from '../shape/utilities';
import { isMediator, type ViewContext } from './context';

export async function utilitiesView(ctx: ViewContext, root: HTMLElement): Promise<void> {
  if (ctx.caller.role === 'observer') { root.append(note('Utilities come from private preferences; an observer does not see them.')); return; }
  const versions = versionsOf(ctx.scenario.doc).map((v) => v.id);
  if (versions.length === 0) { root.append(note('The scenario has no framework versions.')); return; }
  const runs = await Promise.all(versions.map((version) =>
    ctx.api.latestRun<EvaluateResult>(ctx.scenario.id, 'evaluate', ctx.scenario.revision, { version }, isMediator(ctx))));
  const series = utilitySeries(versions, runs.map((r) => r?.result ?? null));
  if (series.length === 0) { root.append(note('No utilities to show: no evaluation has been run, or no preferences are recorded.')); return; }
  root.append(note(ctx.caller.role === 'party' ? `Your utility (${ctx.caller.party}) of each version; other parties' values are private.`
    : 'Solid: utility in the worst settlement of open issues; light: up to the best. Dashed line: reservation (no agreement).'));
  const el = h('div', { class: 'chart' });
  root.append(el);
  const bars = series.flatMap((s, k) => [
    { name: s.party, type: 'bar', stack: s.party, data: s.values.map((v) => v?.min ?? null), itemStyle: { color: PALETTE[k % PALETTE.length] },
      markLine: { symbol: 'none', silent: true, lineStyle: { color: PALETTE[k % PALETTE.length], type: 'dashed', width: 2 },
        label: { formatter: `r(${s.party}) ${s.reservation}` }, data: [{ yAxis: s.reservation }] } },
    { name: `${s.party} open range`, type: 'bar', stack: s.party, data: s.values.map((v) => (v ? Math.max(0, v.max - v.min) : null)),
      itemStyle: { color: PALETTE[k % PALETTE.length], opacity: 0.3 } },
  ]);
  chart(el, {
    grid: { left: 10, right: 90, top: 40, bottom: 20, containLabel: true },
    legend: { top: 0, data: series.map((s) => s.party) },
    tooltip: { trigger: 'axis' },
    xAxis: { type: 'category', data: versions }, yAxis: { type: 'value', min: 0, max: 1, name: 'utility' },
    series: bars,
  }, `Utility of each version for ${series.map((s) => s.party).join(', ')} against reservation`);
  root.append(table(['party', 'version', 'utility', 'reservation', 'verdict'],
    series.flatMap((s) => s.values.map((v, k) => [s.party, versions[k], v ? (v.max - v.min > 1e-9 ? `${fmt(v.min)}–${fmt(v.max)}` : fmt(v.min)) : '—',
      fmt(s.reservation), v ? h('span', { class: `v-${v.verdict}` }, v.verdict) : '—'])), 'Utilities'));
}

export function fmt(x: number): string { return x.toFixed(3); }
