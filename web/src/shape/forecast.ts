// Forecast chart data: each actor's position per turn on one issue (0–100 of its scale), and
// the forecast with its Monte Carlo band per issue.
import type { ForecastResult } from '../model';

export interface TurnSeries { actor: string; data: [number, number][] }

function pct(lo: number, hi: number, x: number): number {
  return hi === lo ? 0 : Math.round(((x - lo) * 100 * 100) / (hi - lo)) / 100;
}

export function turnSeries(r: ForecastResult, dim: number): TurnSeries[] {
  if (!r.history || !r.actors || !r.dimensions) return [];
  const { lo, hi } = r.dimensions[dim];
  return r.actors.map(({ id }) => ({
    actor: id,
    data: r.history!.map((turn, t) => [t, pct(lo, hi, turn[id][dim])] as [number, number]),
  }));
}

export interface BandRow { issue: string; forecast: number; p05?: number; median?: number; p95?: number }

// One row per issue, on 0–100; the band only when the run had Monte Carlo samples.
export function bandRows(r: ForecastResult): BandRow[] {
  const dims = r.dimensions ?? Object.keys(r.forecast).map((id) => ({ id, lo: 0, hi: 100 }));
  return dims.map((d) => {
    const row: BandRow = { issue: d.id, forecast: pct(d.lo, d.hi, r.forecast[d.id] ?? 0) };
    const mc = r.monte_carlo?.dimensions?.[d.id];
    if (mc) Object.assign(row, { p05: pct(d.lo, d.hi, mc.p05), median: pct(d.lo, d.hi, mc.median), p95: pct(d.lo, d.hi, mc.p95) });
    return row;
  });
}
