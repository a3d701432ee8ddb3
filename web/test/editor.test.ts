import { describe, expect, it } from 'vitest';
import {
  bargainingParties, curveText, diagnosticLine, fieldFor, fromTemplate, minimalDoc, newPoint, normaliseWeights, parseCurve, removeIssue,
  removeParty, renameIssue, renameOption, renameParty, reservationWith, setOptionValue, setPointSetting, setWeights, toggleRedLine,
  weightsOf, weightSum, withPreferences, withValue,
} from '../src/shape/editor';

const sum = (w: Record<string, number>) => Object.values(w).reduce((s, x) => s + x, 0);

describe('normaliseWeights', () => {
  it('sets the moved weight and scales the others in proportion so all sum to 1', () => {
    const w = normaliseWeights({ a: 0.5, b: 0.3, c: 0.2 }, 'a', 0.6);
    expect(w.a).toBe(0.6);
    expect(w.b).toBeCloseTo(0.24, 4);
    expect(w.c).toBeCloseTo(0.16, 4);
    expect(sum(w)).toBeCloseTo(1, 10);
  });
  it('shares the rest equally when every other weight is 0', () => {
    expect(normaliseWeights({ a: 0, b: 0, c: 0 }, 'b', 0.5)).toEqual({ b: 0.5, a: 0.25, c: 0.25 });
  });
  it('writes 4 decimals and puts the rounding remainder on the largest other weight', () => {
    const w = normaliseWeights({ a: 1, b: 1, c: 1, d: 0 }, 'd', 0);
    expect(Object.values(w).every((x) => Math.abs(Math.round(x * 10000) - x * 10000) < 1e-6)).toBe(true);
    expect(w).toEqual({ d: 0, a: 0.3334, b: 0.3333, c: 0.3333 });
    expect(sum(w)).toBeCloseTo(1, 10);
    expect(weightSum(w)).toBe(1);
  });
  it('clamps to [0, 1] and gives a single issue all the weight', () => {
    expect(normaliseWeights({ a: 0.2, b: 0.8 }, 'a', 1.7)).toEqual({ a: 1, b: 0 });
    expect(normaliseWeights({ a: 0.2 }, 'a', 0.3)).toEqual({ a: 1 });
  });
});

describe('preferences', () => {
  const issues = [{ id: 'x', options: ['X1', 'X2'] }, { id: 'r', range: { min: 0, max: 10 } }];
  it('keeps provenance when a value changes', () => {
    expect(withValue({ value: 0.2, estimate: true, note: 'n' }, 0.4)).toEqual({ value: 0.4, estimate: true, note: 'n' });
    expect(withValue(0.2, 0.4)).toBe(0.4);
    const p = setWeights({ issues: { x: { weight: { value: 0.5, estimate: true } } } }, { x: 0.7, r: 0.3 });
    expect(p.issues!.x.weight).toEqual({ value: 0.7, estimate: true });
    expect(p.issues!.r.weight).toBe(0.3);
    expect(weightsOf(p, issues)).toEqual({ x: 0.7, r: 0.3 });
    expect(weightsOf(undefined, issues)).toEqual({ x: 0, r: 0 });
  });
  it('toggles red lines by option and clamps option values', () => {
    let pref = toggleRedLine(undefined, 'X1');
    expect(pref.red_lines).toEqual(['X1']);
    expect(pref.values).toEqual({ X1: 0 });  // a red line is the party's worst unless valued
    expect(toggleRedLine({ values: { X1: 0.3 } }, 'X1').values).toEqual({ X1: 0.3 });
    pref = toggleRedLine(pref, 'X2');
    expect(pref.red_lines).toEqual(['X1', 'X2']);
    pref = toggleRedLine(toggleRedLine(pref, 'X1'), 'X2');
    expect(pref.red_lines).toBeUndefined();
    expect(setOptionValue(pref, 'X1', 1.4).values).toEqual({ X1: 1, X2: 0 });
  });
  it('writes a reservation as an estimate with its one-line reason', () => {
    expect(reservationWith(undefined, 0.45, ' fight on ')).toEqual({ value: 0.45, estimate: true, note: 'fight on' });
    expect(reservationWith({ value: 0.3, note: 'old', source: 'S' } as never, 0.35, '')).toEqual({ value: 0.35, source: 'S' });
    expect(reservationWith(0.3, 0.35, 'why')).toEqual({ value: 0.35, estimate: true, note: 'why' });
  });
  it('reads and writes a value curve as x:value text', () => {
    expect(curveText([[0, 0], [50, 0.8]])).toBe('0:0, 50:0.8');
    expect(parseCurve('0:0, 50 : 0.8,100:1')).toEqual([[0, 0], [50, 0.8], [100, 1]]);
    expect(parseCurve('0:0, fifty:1')).toBeNull();
  });
  it('replaces only the party\'s own preferences in the document it checks', () => {
    const d = { ...minimalDoc('t'), preferences: { A: { reservation: 0.1 } } };
    const out = withPreferences(d, 'B', { reservation: 0.2 });
    expect(out.preferences).toEqual({ A: { reservation: 0.1 }, B: { reservation: 0.2 } });
    expect(d.preferences).toEqual({ A: { reservation: 0.1 } });
  });
});

describe('ids follow every reference', () => {
  const base = () => {
    const d = minimalDoc('t');
    d.preferences = { A: { reservation: 0.4, issues: { issue1: { weight: 1, values: { X: 1 } } } } };
    d.framework!.versions![0].stances = { A: { P1: 'accept' } };
    return d;
  };
  it('renames a party in preferences and stances, and removes it from both', () => {
    const d = renameParty(base(), 'A', 'UA');
    expect(d.parties!.map((p) => p.id)).toEqual(['UA', 'B', 'M']);
    expect(Object.keys(d.preferences!)).toEqual(['UA']);
    expect(Object.keys(d.framework!.versions![0].stances!)).toEqual(['UA']);
    const r = removeParty(d, 'UA');
    expect(r.parties!.map((p) => p.id)).toEqual(['B', 'M']);
    expect(r.preferences).toEqual({});
    expect(r.framework!.versions![0].stances).toEqual({});
  });
  it('renames an issue in preferences and point settings, and removes it from both', () => {
    const d = renameIssue(base(), 'issue1', 'line');
    expect(d.preferences!.A.issues).toHaveProperty('line');
    expect(d.framework!.versions![0].points![0].sets).toEqual({ line: 'X' });
    const r = removeIssue(d, 'line');
    expect(r.issues).toEqual([]);
    expect(r.preferences!.A.issues).toEqual({});
    expect(r.framework!.versions![0].points![0].sets).toEqual({});
  });
  it('renames an option in the issue, values, red lines and points', () => {
    const d = base();
    d.preferences!.A.issues!.issue1.red_lines = ['Y', { max: 3 }];
    const r = renameOption(d, 'issue1', 'X', 'NOW');
    expect(r.issues![0].options).toEqual([{ id: 'NOW', label: 'Option X' }, { id: 'Y', label: 'Option Y' }]);
    expect(r.preferences!.A.issues!.issue1.values).toEqual({ NOW: 1 });
    expect(renameOption(d, 'issue1', 'Y', 'Z').preferences!.A.issues!.issue1.red_lines).toEqual(['Z', { max: 3 }]);
    expect(r.framework!.versions![0].points![0].sets).toEqual({ issue1: 'NOW' });
  });
  it('gives new points ids unique across versions and sets numbers on range issues', () => {
    const d = base();
    const v = d.framework!.versions![0];
    v.points!.push({ id: 'D1_2' });
    expect(newPoint(d, v).id).toBe('D1_3');
    const p = setPointSetting({ id: 'P' }, { id: 'r', range: { min: 0, max: 10 } }, '7');
    expect(p.sets).toEqual({ r: 7 });
    expect(setPointSetting(p, { id: 'r', range: { min: 0, max: 10 } }, '').sets).toEqual({});
  });
  it('takes a template under a new id, without its export mark', () => {
    const t = { format: 1, id: 'geneva-2025', title: 'G', export: { scenario: 'geneva-2025', revision: 3 } };
    expect(fromTemplate(t, 'mine')).toEqual({ format: 1, id: 'mine', title: 'G' });
  });
});

describe('diagnostics', () => {
  const fields = ['parties', 'parties[1]', 'parties[1].id', 'preferences.A', 'preferences.A.issues.x.weight', 'preferences.A.reservation'];
  it('points a diagnostic at the field whose path is its longest prefix', () => {
    expect(fieldFor('parties[1].id', fields)).toBe('parties[1].id');
    expect(fieldFor('parties[1].capability', fields)).toBe('parties[1]');
    expect(fieldFor('parties[10].id', fields)).toBe('parties');
    expect(fieldFor('preferences.A.issues.x.values.X1', fields)).toBe('preferences.A');
    expect(fieldFor('preferences.AB.reservation', fields)).toBeNull();
    expect(fieldFor('date', fields)).toBeNull();
  });
  it('writes one line with where, what and the hint', () => {
    expect(diagnosticLine({ severity: 'error', file: 'f', line: 4, column: 7, path: 'date', entity: '', message: '`2026-13-45` is not a date', hint: 'expected YYYY-MM-DD' }))
      .toBe('error at line 4, column 7: date: `2026-13-45` is not a date; expected YYYY-MM-DD');
    expect(diagnosticLine({ severity: 'warning', file: 'f', line: 0, column: 0, path: '', entity: '', message: 'm', hint: '' }))
      .toBe('warning at document: m');
  });
});

describe('bargainingParties', () => {
  it('lists parties and mediators with preferences, never stakeholders', () => {
    const d = minimalDoc('t');
    expect(bargainingParties(d)).toEqual([]);
    d.parties!.push({ id: 'S', role: 'stakeholder' });
    d.preferences = { M: {}, S: {}, A: { reservation: 0.2 } };
    expect(bargainingParties(d)).toEqual(['A', 'M']);
  });
});
