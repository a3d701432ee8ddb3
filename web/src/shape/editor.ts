// The scenario editor's data shaping (docs/dashboard.md "Editing a scenario"): pure functions
// over the scenario document (docs/format.md, the JSON the server's writer produces). Nothing
// here validates or computes a result: the server does (POST /api/validate, /api/analyses/…).
import type { IssueDoc, IssuePrefDoc, PartyDoc, PointDoc, PreferencesDoc, Prov, ScenarioDoc, VersionDoc } from '../model';
import { optionId, val } from '../model';

export type Doc = ScenarioDoc & { format: number };

// A deep copy (documents are plain JSON).
export function copyDoc<T>(d: T): T { return JSON.parse(JSON.stringify(d)) as T; }

// Starting points: nothing at all (the checks then say what is missing), or the smallest
// complete scenario: two parties and a mediator, one issue with options, one draft.
export function emptyDoc(id: string): Doc {
  return { format: 1, id, title: '', parties: [], issues: [] };
}

export function minimalDoc(id: string): Doc {
  return {
    format: 1, id, title: 'New scenario',
    parties: [
      { id: 'A', name: 'Party A', role: 'party' },
      { id: 'B', name: 'Party B', role: 'party' },
      { id: 'M', name: 'Mediator', role: 'mediator' },
    ],
    issues: [{ id: 'issue1', title: 'First issue', options: [{ id: 'X', label: 'Option X' }, { id: 'Y', label: 'Option Y' }] }],
    framework: { versions: [{ id: 'd1', label: 'First draft', points: [{ id: 'P1', number: 1, text: 'The first point', sets: { issue1: 'X' } }] }] },
  };
}

// The document under a new id (from a template): stored runs and revisions belong to the
// template's id, so only the content is taken.
export function fromTemplate(template: ScenarioDoc, id: string): Doc {
  const d = copyDoc(template) as Doc & { export?: unknown };
  delete d.export;
  d.format = 1;
  d.id = id;
  return d;
}

// --- provenance-preserving writes -----------------------------------------------------------

// Sets the value of a field that may carry provenance ({value, estimate, note}); a plain
// value stays plain.
export function withValue<T>(old: Prov<T> | undefined, value: T): Prov<T> {
  if (old !== null && typeof old === 'object' && !Array.isArray(old) && 'value' in (old as object))
    return { ...(old as { value: T }), value };
  return value;
}

export function noteOf(x: Prov<number> | undefined): string {
  return x !== null && typeof x === 'object' && 'note' in x ? String(x.note ?? '') : '';
}

// A reservation with its one-line explanation (docs/format.md "Choosing reservations and
// weights": the BATNA in one sentence). A guess is marked `estimate: true`.
export function reservationWith(old: Prov<number> | undefined, value: number, note: string): Prov<number> {
  const base = old !== null && typeof old === 'object' ? { ...old } : { value, estimate: true };
  const out: { value: number; estimate?: boolean; note?: string } = { ...base, value };
  if (note.trim()) out.note = note.trim();
  else delete out.note;
  return out;
}

// --- weights --------------------------------------------------------------------------------

// Rounds to 4 decimals.
const r4 = (x: number) => Math.round(x * 10000) / 10000;

// Weights after one is set to `value` (clamped to [0, 1]): the others are scaled so all sum
// to 1 (shared equally when the others are all 0). Rounded to 4 decimals, the rounding
// remainder put on the largest other weight, so the sum is 1 exactly as written.
export function normaliseWeights(weights: Record<string, number>, changed: string, value: number): Record<string, number> {
  const v = Math.min(1, Math.max(0, value));
  const others = Object.keys(weights).filter((k) => k !== changed);
  const out: Record<string, number> = { [changed]: r4(v) };
  if (others.length === 0) { out[changed] = 1; return out; }
  const rest = others.reduce((s, k) => s + Math.max(0, weights[k]), 0);
  for (const k of others) out[k] = r4(rest > 0 ? (Math.max(0, weights[k]) / rest) * (1 - v) : (1 - v) / others.length);
  const sum = Object.values(out).reduce((s, x) => s + x, 0);
  const largest = others.reduce((a, b) => (out[b] > out[a] ? b : a), others[0]);
  out[largest] = r4(Math.max(0, out[largest] + 1 - sum));
  return out;
}

// A party's weights per issue (0 for issues it does not list).
export function weightsOf(prefs: PreferencesDoc | undefined, issues: IssueDoc[]): Record<string, number> {
  const out: Record<string, number> = {};
  for (const i of issues) out[i.id] = val(prefs?.issues?.[i.id]?.weight, 0);
  return out;
}

// Writes the weights into the preferences, keeping each weight's provenance.
export function setWeights(prefs: PreferencesDoc, weights: Record<string, number>): PreferencesDoc {
  const issues = { ...(prefs.issues ?? {}) };
  for (const [id, w] of Object.entries(weights)) issues[id] = { ...(issues[id] ?? {}), weight: withValue(issues[id]?.weight, w) };
  return { ...prefs, issues };
}

// --- option values and red lines ------------------------------------------------------------

export function setOptionValue(pref: IssuePrefDoc | undefined, option: string, value: number): IssuePrefDoc {
  const values = { ...(pref?.values ?? {}) };
  values[option] = withValue(values[option], Math.min(1, Math.max(0, value)));
  return { ...(pref ?? {}), values };
}

// Clicking an option turns it into a red line, or back. A new red line without a value gets
// 0 (a red-line option is the party's worst: docs/format.md "Choosing reservations and weights").
export function toggleRedLine(pref: IssuePrefDoc | undefined, option: string): IssuePrefDoc {
  const lines = [...(pref?.red_lines ?? [])];
  const at = lines.findIndex((l) => l === option);
  if (at >= 0) lines.splice(at, 1);
  else lines.push(option);
  const out: IssuePrefDoc = { ...(pref ?? {}), red_lines: lines };
  if (lines.length === 0) delete out.red_lines;
  if (at < 0 && out.values?.[option] === undefined) out.values = { ...(out.values ?? {}), [option]: 0 };
  return out;
}

export function isRedLine(pref: IssuePrefDoc | undefined, option: string): boolean {
  return (pref?.red_lines ?? []).some((l) => l === option);
}

// A range issue's value curve as "x:v, x:v" text and back (null when it does not parse).
export function curveText(curve: [number, number][] | undefined): string {
  return (curve ?? []).map(([x, v]) => `${x}:${v}`).join(', ');
}
export function parseCurve(text: string): [number, number][] | null {
  const parts = text.split(',').map((s) => s.trim()).filter(Boolean);
  const out: [number, number][] = [];
  for (const p of parts) {
    const m = /^(-?\d+(?:\.\d+)?)\s*:\s*(-?\d+(?:\.\d+)?)$/.exec(p);
    if (!m) return null;
    out.push([Number(m[1]), Number(m[2])]);
  }
  return out;
}

// --- ids: renaming follows every reference ----------------------------------------------------

export function renameParty(d: Doc, from: string, to: string): Doc {
  const out = copyDoc(d);
  for (const p of out.parties ?? []) if (p.id === from) p.id = to;
  if (out.preferences && from in out.preferences) {
    out.preferences = Object.fromEntries(Object.entries(out.preferences).map(([k, v]) => [k === from ? to : k, v]));
  }
  for (const v of out.framework?.versions ?? [])
    if (v.stances && from in v.stances)
      v.stances = Object.fromEntries(Object.entries(v.stances).map(([k, s]) => [k === from ? to : k, s]));
  return out;
}

export function removeParty(d: Doc, id: string): Doc {
  const out = copyDoc(d);
  out.parties = (out.parties ?? []).filter((p) => p.id !== id);
  if (out.preferences) delete out.preferences[id];
  for (const v of out.framework?.versions ?? []) if (v.stances) delete v.stances[id];
  return out;
}

export function renameIssue(d: Doc, from: string, to: string): Doc {
  const out = copyDoc(d);
  for (const i of out.issues ?? []) if (i.id === from) i.id = to;
  for (const p of Object.values(out.preferences ?? {}))
    if (p.issues && from in p.issues)
      p.issues = Object.fromEntries(Object.entries(p.issues).map(([k, v]) => [k === from ? to : k, v]));
  for (const v of out.framework?.versions ?? [])
    for (const pt of v.points ?? [])
      if (pt.sets && from in pt.sets) pt.sets = Object.fromEntries(Object.entries(pt.sets).map(([k, x]) => [k === from ? to : k, x]));
  return out;
}

export function removeIssue(d: Doc, id: string): Doc {
  const out = copyDoc(d);
  out.issues = (out.issues ?? []).filter((i) => i.id !== id);
  for (const p of Object.values(out.preferences ?? {})) if (p.issues) delete p.issues[id];
  for (const v of out.framework?.versions ?? []) for (const pt of v.points ?? []) if (pt.sets) delete pt.sets[id];
  return out;
}

// Renames option `from` of `issue` in the issue, every party's values and red lines, and every
// point that sets it.
export function renameOption(d: Doc, issue: string, from: string, to: string): Doc {
  const out = copyDoc(d);
  const rename = (x: string) => (x === from ? to : x);
  for (const i of out.issues ?? [])
    if (i.id === issue) i.options = (i.options ?? []).map((o) => (typeof o === 'string' ? rename(o) : { ...o, id: rename(o.id) }));
  for (const p of Object.values(out.preferences ?? {})) {
    const ip = p.issues?.[issue];
    if (!ip) continue;
    if (ip.values) ip.values = Object.fromEntries(Object.entries(ip.values).map(([k, v]) => [rename(k), v]));
    if (ip.red_lines) ip.red_lines = ip.red_lines.map((l) => (typeof l === 'string' ? rename(l) : l));
  }
  for (const v of out.framework?.versions ?? [])
    for (const pt of v.points ?? [])
      if (pt.sets && pt.sets[issue] === from) pt.sets[issue] = to;
  return out;
}

// The first id `prefix` + n not in `taken`.
export function freshId(prefix: string, taken: string[]): string {
  for (let n = taken.length + 1; ; ++n) if (!taken.includes(`${prefix}${n}`)) return `${prefix}${n}`;
}

export function newParty(d: Doc): PartyDoc {
  const id = freshId('P', (d.parties ?? []).map((p) => p.id));
  return { id, name: `Party ${id}`, role: 'party' };
}

export function newIssue(d: Doc, kind: 'options' | 'range'): IssueDoc {
  const id = freshId('issue', (d.issues ?? []).map((i) => i.id));
  if (kind === 'range') return { id, title: 'New range issue', range: { min: 0, max: 100, step: 10 } };
  return { id, title: 'New issue', options: [{ id: 'X', label: 'Option X' }, { id: 'Y', label: 'Option Y' }] };
}

export function newVersion(d: Doc): VersionDoc {
  const id = freshId('d', (d.framework?.versions ?? []).map((v) => v.id));
  return { id, label: '', points: [] };
}

// Point ids are unique across all versions (docs/format.md "Framework").
export function newPoint(d: Doc, version: VersionDoc): PointDoc {
  const taken = (d.framework?.versions ?? []).flatMap((v) => (v.points ?? []).map((p) => p.id));
  return { id: freshId(`${version.id.toUpperCase()}_`, taken), number: (version.points?.length ?? 0) + 1, text: '', sets: {} };
}

// What a point sets on an issue, as the value of a <select> ('' = not set).
export function setsValue(point: PointDoc, issue: IssueDoc): string {
  const x = point.sets?.[issue.id];
  if (x === undefined || x === null) return '';
  return String(val(x as Prov<string | number>, ''));
}

// Sets (or clears, with '') what a point settles on an issue; a range issue takes a number.
export function setPointSetting(point: PointDoc, issue: IssueDoc, value: string): PointDoc {
  const sets = { ...(point.sets ?? {}) };
  if (value === '') delete sets[issue.id];
  else sets[issue.id] = issue.range ? Number(value) : value;
  return { ...point, sets };
}

export function optionIds(issue: IssueDoc): string[] { return (issue.options ?? []).map(optionId); }

// --- diagnostics ------------------------------------------------------------------------------

export interface Diagnostic {
  severity: 'error' | 'warning'; file: string; line: number; column: number;
  path: string; entity: string; message: string; hint: string;
}
export interface Validation {
  valid: boolean; errors: number; warnings: number; diagnostics: Diagnostic[]; canonical?: string | null;
}

// Which editor field a diagnostic is about: the field whose path is the longest prefix of the
// diagnostic's path (`preferences.A.issues.x.values.Y` → the value field of option Y, or the
// issue's block when that field is absent), or null.
export function fieldFor(path: string, fields: string[]): string | null {
  let best: string | null = null;
  for (const f of fields) {
    const prefix = path === f || path.startsWith(f + '.') || path.startsWith(f + '[');
    if (prefix && (best === null || f.length > best.length)) best = f;
  }
  return best;
}

// "line 4, column 7: preferences.A.reservation: …; hint" as one line for the list.
export function diagnosticLine(d: Diagnostic): string {
  const where = d.line > 0 ? `line ${d.line}, column ${d.column}` : 'document';
  const field = d.path ? `${d.path}${d.entity ? ` (${d.entity})` : ''}: ` : '';
  return `${d.severity} at ${where}: ${field}${d.message}${d.hint ? `; ${d.hint}` : ''}`;
}

// The document a party sends to the checks: the scenario as it sees it with its own
// preferences replaced (other parties' preferences are not in its view at all).
export function withPreferences(d: ScenarioDoc, party: string, prefs: PreferencesDoc): ScenarioDoc {
  const out = copyDoc(d);
  out.preferences = { ...(out.preferences ?? {}), [party]: prefs };
  return out;
}

// Sum of a party's weights, for the "sums to" line beside the sliders.
export function weightSum(weights: Record<string, number>): number {
  return r4(Object.values(weights).reduce((s, x) => s + x, 0));
}

// The parties that bargain by default (docs/format.md "Roles and signatories"): role party or
// mediator, with preferences. With none, the bargaining route has nothing to do (400), so the
// editor does not ask.
export function bargainingParties(d: ScenarioDoc): string[] {
  return (d.parties ?? []).filter((p) => (p.role ?? 'party') !== 'stakeholder' && d.preferences?.[p.id] !== undefined).map((p) => p.id);
}
