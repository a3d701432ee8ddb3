import { describe, expect, it } from 'vitest';
import type { EvaluateResult, ForecastResult, GmcrResult } from '../src/model';
import { bandRows, turnSeries } from '../src/shape/forecast';
import { equilibriaLines, stabilityRows } from '../src/shape/stability';
import { countsByMonth, timelineItems } from '../src/shape/timeline';
import { utilitySeries } from '../src/shape/utilities';

const party = (id: string, min: number, max: number) =>
  ({ party: id, utility: { min, max }, reservation: 0.5, ideal: 1, verdict: 'open' as const, red_lines_crossed: [] });

describe('utilitySeries', () => {
  it('gives the mediator every party per version, with gaps for versions not evaluated', () => {
    const r1 = { parties: [party('A', 0.4, 0.6), party('B', 0.2, 0.2)], points: [] } as unknown as EvaluateResult;
    const s = utilitySeries(['v1', 'v2'], [r1, null]);
    expect(s.map((x) => x.party)).toEqual(['A', 'B']);
    expect(s[0].values).toEqual([{ min: 0.4, max: 0.6, verdict: 'open' }, null]);
  });
  it('gives a party only its own series from the reduced result', () => {
    const r = { own: party('B', 0.3, 0.3), points: [] } as unknown as EvaluateResult;
    expect(utilitySeries(['v1'], [r]).map((x) => x.party)).toEqual(['B']);
  });
});

describe('forecast shaping', () => {
  const r: ForecastResult = {
    schema: 1, model: 'smp', forecast: { a: 50, n: 500 },
    actors: [{ id: 'X', capability: 1, position: [0, 0], salience: [1, 0] }, { id: 'Y', capability: 1, position: [100, 1000], salience: [0, 1] }],
    dimensions: [{ id: 'a', lo: 0, hi: 100 }, { id: 'n', lo: 0, hi: 1000 }],
    history: [{ X: [0, 0], Y: [100, 1000] }, { X: [20, 200], Y: [80, 800] }],
    monte_carlo: { runs: 10, seed: 1, dimensions: { a: { p05: 40, median: 50, p95: 60 }, n: { p05: 100, median: 500, p95: 900 } } },
  };
  it('puts each actor on the 0-100 scale per turn', () => {
    expect(turnSeries(r, 1)).toEqual([{ actor: 'X', data: [[0, 0], [1, 20]] }, { actor: 'Y', data: [[0, 100], [1, 80]] }]);
  });
  it('scales the forecast and its band per issue', () => {
    expect(bandRows(r)).toEqual([
      { issue: 'a', forecast: 50, p05: 40, median: 50, p95: 60 },
      { issue: 'n', forecast: 50, p05: 10, median: 50, p95: 90 }]);
  });
  it('works without history or band (a party view)', () => {
    expect(turnSeries({ model: 'smp', forecast: { a: 1 } }, 0)).toEqual([]);
    expect(bandRows({ model: 'smp', forecast: { a: 25 } })).toEqual([{ issue: 'a', forecast: 25 }]);
  });
});

describe('stabilityRows', () => {
  it('lists equilibria first, then the status quo, with stability per decision maker and concept', () => {
    const list = (...s: string[]) => ({ count: s.length, listed: s });
    const g: GmcrResult = {
      states: { count: 4 },
      status_quo: { state: 'NN', equilibrium_under: ['gmr'], paths_computed: true, paths: { count: 0 } },
      equilibria: { nash: list('YY'), gmr: list('NN', 'YY') },
      decision_makers: [{ id: 'A', name: 'A', options: ['a'] }, { id: 'B', name: 'B', options: ['b'] }],
      stability: {
        A: { nash: list('YN', 'YY'), gmr: list('NN', 'YN', 'YY') },
        B: { nash: list('NY', 'YY'), gmr: list('NN', 'NY', 'YY') },
      },
    };
    const t = stabilityRows(g);
    expect(t.concepts).toEqual(['nash', 'gmr']);
    expect(t.rows.map((r) => r.state)).toEqual(['NN', 'YY', 'NY', 'YN']);
    expect(t.rows[0]).toMatchObject({ statusQuo: true, equilibriumUnder: ['gmr'] });
    expect(t.rows[1].stable).toEqual({ A: { nash: true, gmr: true }, B: { nash: true, gmr: true } });
  });
  it('shows only equilibria when the caller gets no per-DM data', () => {
    expect(stabilityRows({ equilibria: { nash: { count: 1, listed: ['YY'] } } }).rows.map((r) => r.state)).toEqual(['YY']);
  });
  it('says when the server gave an equilibrium list as a count only', () => {
    expect(equilibriaLines({ equilibria: { nash: { count: 70000 }, gmr: { count: 0, listed: [] } } }))
      .toEqual(['nash: 70000 (not listed)', 'gmr: none']);
  });
});

describe('timeline shaping', () => {
  const items = timelineItems(
    [{ id: 1, date: '2025-11-20', kind: 'proposal', text: 'plan' }, { id: 2, date: '2025-10', kind: 'talks', text: 'Miami' }],
    [{ version: 'v20', party: 'UA', point: 'P1', stance: 'accept', set_at: '2025-11-21T10:00:00Z' }]);
  it('merges events and stance changes in date order', () => {
    expect(items.map((i) => i.date)).toEqual(['2025-10', '2025-11-20', '2025-11-21']);
    expect(items[2]).toMatchObject({ source: 'stance', text: 'UA on P1 (v20): accept' });
  });
  it('counts items per kind and month', () => {
    expect(countsByMonth(items)).toEqual({ months: ['2025-10', '2025-11'], kinds: ['proposal', 'stance change', 'talks'],
      counts: [[0, 1], [0, 1], [1, 0]] });
  });
});
