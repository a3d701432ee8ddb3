// View 5 — Forecast: each actor's position per turn (SMP or EUM) on a chosen issue, and where
// each issue lands with the Monte Carlo band. A party sees only where issues land.
import { chart, PALETTE } from '../charts';
import { h, note, select, table } from '../dom';
import type { ForecastResult } from '../model';
import { bandRows, turnSeries } from '../shape/forecast';
import { isMediator, type ViewContext } from './context';

export async function forecastView(ctx: ViewContext, root: HTMLElement): Promise<void> {
  if (ctx.caller.role === 'observer') { root.append(note('Forecasts use private positions and saliences; an observer does not see them.')); return; }
  const model = ctx.state.forecastModel ?? 'smp';
  const rerender = () => { root.replaceChildren(); void forecastView(ctx, root); };
  root.append(h('div', { class: 'controls' }, select('Model', 'forecast-model',
    [{ value: 'smp', text: 'SMP (KTAB spatial model)' }, { value: 'eum', text: 'EUM (expected utility)' }], model,
    (v) => { ctx.state.forecastModel = v; rerender(); })));
  const params = isMediator(ctx) ? { model, runs: 100, seed: 1 } : { model };
  const run = await ctx.api.latestRun<ForecastResult>(ctx.scenario.id, 'forecast', ctx.scenario.revision, params, isMediator(ctx));
  const stored = run?.result;
  if (!stored) { root.append(note('No forecast has been run yet; the mediator can run one.')); return; }
  // A run stored before schema 1 has another per-actor shape: show where the issues land only.
  const r: ForecastResult = stored.schema === undefined
    ? { model: stored.model, forecast: stored.forecast, dimensions: stored.dimensions } : stored;
  const rows = bandRows(r);
  const el = h('div', { class: 'chart tall', style: `height:${Math.max(260, 40 + rows.length * 26)}px` });
  root.append(h('h3', {}, 'Where each issue lands (0–100 of its scale)'), el);
  const hasBand = rows.some((x) => x.p05 !== undefined);
  chart(el, {
    grid: { left: 10, right: 20, top: 30, bottom: 30, containLabel: true },
    legend: { top: 0, data: [...(hasBand ? ['Monte Carlo 5–95%'] : []), `${r.model.toUpperCase()} forecast`] },
    tooltip: { trigger: 'axis', axisPointer: { type: 'shadow' } },
    yAxis: { type: 'category', data: rows.map((x) => x.issue), inverse: true },
    xAxis: { type: 'value', min: 0, max: 100 },
    series: [
      ...(hasBand ? [
        { name: 'band base', type: 'bar', stack: 'band', silent: true, itemStyle: { color: 'transparent' }, data: rows.map((x) => x.p05 ?? 0), tooltip: { show: false } },
        { name: 'Monte Carlo 5–95%', type: 'bar', stack: 'band', itemStyle: { color: 'rgba(140,149,159,0.45)' }, data: rows.map((x) => (x.p95 ?? 0) - (x.p05 ?? 0)) },
      ] : []),
      { name: `${r.model.toUpperCase()} forecast`, type: 'scatter', symbol: 'diamond', symbolSize: 14, itemStyle: { color: '#24292f' },
        data: rows.map((x) => x.forecast) },
    ],
  }, `Forecast per issue${hasBand ? ' with the Monte Carlo band' : ''}`);
  if (!r.history) {
    root.append(note(isMediator(ctx) ? 'This run carries no per-turn history.' : 'Where each actor stands turn by turn is private to the mediator.'));
  } else {
    const dims = r.dimensions ?? [];
    const dim = Math.min(Number(ctx.state.forecastDim ?? 0), dims.length - 1);
    root.append(h('h3', {}, 'Positions per turn'), h('div', { class: 'controls' }, select('Issue', 'forecast-issue',
      dims.map((d, k) => ({ value: String(k), text: d.title ? `${d.id} — ${d.title}` : d.id })), String(dim),
      (v) => { ctx.state.forecastDim = v; rerender(); })));
    const series = turnSeries(r, dim);
    const el2 = h('div', { class: 'chart' });
    root.append(el2);
    chart(el2, {
      grid: { left: 10, right: 20, top: 40, bottom: 30, containLabel: true }, legend: { top: 0 }, tooltip: { trigger: 'axis' },
      xAxis: { type: 'value', name: 'turn', nameLocation: 'middle', nameGap: 22, min: 0, max: Math.max(1, (r.history.length ?? 1) - 1) },
      yAxis: { type: 'value', min: 0, max: 100, name: 'position' },
      series: series.map((s, k) => ({ name: s.actor, type: 'line', showSymbol: false, data: s.data, lineStyle: { color: PALETTE[k % PALETTE.length] }, itemStyle: { color: PALETTE[k % PALETTE.length] } })),
    }, `Position of each actor per turn on ${dims[dim]?.id}`);
    root.append(note(`${r.turns ?? r.history.length - 1} turns${r.converged === false ? ', stopped at the turn limit without converging' : ''}.`));
  }
  root.append(table(['issue', 'forecast (0–100)', 'Monte Carlo 5–95%'],
    rows.map((x) => [x.issue, x.forecast.toFixed(1), x.p05 !== undefined ? `${x.p05.toFixed(1)}–${x.p95!.toFixed(1)}` : '—']), 'Forecast'));
}
