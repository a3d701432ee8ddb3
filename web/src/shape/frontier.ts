// The Pareto frontier of the whole package space for two parties, from their (additive)
// preferences: per-issue contribution tables merged with dominance pruning, as the bargain
// engine does (docs/bargain.md "Exact Pareto frontier by merging"), red lines ignored.
import type { IssueDoc, PreferencesDoc, ScenarioDoc } from '../model';
import { optionId, val } from '../model';

export type Value = string | number;  // an option id or a number
export interface FrontierPoint { u: [number, number]; pkg: Record<string, Value> }

// Grid values of an issue: its options, or min, min+step, … (plus max).
export function issueValues(issue: IssueDoc): Value[] {
  if (issue.options) return issue.options.map(optionId);
  const r = issue.range;
  if (!r) return [];
  const step = r.step && r.step > 0 ? r.step : 1;
  const out: number[] = [];
  for (let k = 0; ; k++) {
    const x = r.min + k * step;
    if (x > r.max + 1e-9) break;
    out.push(Math.round(x * 1e9) / 1e9);
  }
  if (out.length === 0 || Math.abs(out[out.length - 1] - r.max) > 1e-9) out.push(r.max);
  return out;
}

function curveValue(curve: [number, number][], x: number): number {
  if (curve.length === 0) return 0;
  if (x <= curve[0][0]) return curve[0][1];
  for (let k = 1; k < curve.length; k++) {
    const [x0, y0] = curve[k - 1];
    const [x1, y1] = curve[k];
    if (x <= x1) return x1 === x0 ? y1 : y0 + ((x - x0) * (y1 - y0)) / (x1 - x0);
  }
  return curve[curve.length - 1][1];
}

// w·v(x) of one party on one issue.
export function contribution(prefs: PreferencesDoc | undefined, issue: IssueDoc, x: Value): number {
  const ip = prefs?.issues?.[issue.id];
  if (!ip) return 0;
  const w = val(ip.weight, 0);
  if (typeof x === 'number') return w * curveValue(ip.curve ?? [], x);
  return w * val(ip.values?.[x], 0);
}

export function packageUtility(s: ScenarioDoc, party: string, pkg: Record<string, unknown>): number {
  const prefs = s.preferences?.[party];
  let u = 0;
  for (const issue of s.issues ?? []) {
    const x = pkg[issue.id];
    if (typeof x === 'string' || typeof x === 'number') u += contribution(prefs, issue, x);
  }
  return u;
}

interface Partial { u: [number, number]; choice: number; prev: Partial | null }

// Keeps the points no other point weakly dominates (ties: the first).
function prune(points: Partial[]): Partial[] {
  points.sort((p, q) => q.u[0] - p.u[0] || q.u[1] - p.u[1]);
  const out: Partial[] = [];
  let best = -Infinity;
  for (const p of points) {
    if (p.u[1] > best) {
      out.push(p);
      best = p.u[1];
    }
  }
  return out;
}

export function paretoFrontier2(s: ScenarioDoc, a: string, b: string, maxPoints = 20000): FrontierPoint[] {
  const issues = s.issues ?? [];
  const pa = s.preferences?.[a], pb = s.preferences?.[b];
  let front: Partial[] = [{ u: [0, 0], choice: -1, prev: null }];
  const grids = issues.map(issueValues);
  issues.forEach((issue, i) => {
    const contrib = grids[i].map((x) => [contribution(pa, issue, x), contribution(pb, issue, x)] as const);
    const next: Partial[] = [];
    for (const p of front)
      contrib.forEach(([ca, cb], k) => next.push({ u: [p.u[0] + ca, p.u[1] + cb], choice: k, prev: p }));
    front = prune(next);
    if (front.length > maxPoints) front = front.filter((_, k) => k % Math.ceil(front.length / maxPoints) === 0);
  });
  return front.map((p) => {
    const pkg: Record<string, Value> = {};
    let cur: Partial | null = p;
    for (let i = issues.length - 1; i >= 0 && cur; i--, cur = cur.prev) pkg[issues[i].id] = grids[i][cur.choice];
    return { u: [round(p.u[0]), round(p.u[1])], pkg };
  });
}

function round(x: number): number { return Math.round(x * 1e6) / 1e6; }
