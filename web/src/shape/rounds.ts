// Mediation rounds (docs/rounds.md): the API's round documents shaped for the Rounds view —
// the answer grid, who has answered, the convergence series over rounds, the PUT body of a
// party's answer form, the next version's id and the redline's pieces. Pure: no DOM, no fetch.
import type { IssueDoc, ScenarioDoc, VersionDoc } from '../model';
import { optionId, versionsOf } from '../model';

export type Answer = 'accept' | 'reject' | 'conditional' | 'no_answer';
export const ANSWERS: Answer[] = ['accept', 'reject', 'conditional', 'no_answer'];

export interface ResponseDoc {
  stance: Answer; note?: string; amendment?: string;
  acceptable?: Record<string, (string | number)[]>;
  set_by?: string | null; set_at?: string | null; revision?: number | null;
}
export interface Shortfall { sum: number | null; parties: string[]; red_line_crossed: string[]; exact: boolean }
export interface Convergence {
  points: number; accepted_by_all: number; addressed: number; answered: number;
  blocked_by: Record<string, string[]>; conditional_by: Record<string, string[]>;
  near_final: boolean; shortfall?: Shortfall;
}
export interface RoundHead {
  round: number; version: string; status: 'open' | 'closed'; parties: string[];
  answered: string[]; not_answered: string[]; published_version: string | null;
  convergence?: Convergence | null;  // the mediator's only
}
export interface Suggestion {
  kind: 'pareto_repair' | 'least_cost_repair' | 'closest_package' | 'bracket' | string;
  point?: string; party?: string; points?: string[];
  edits?: { issue: string; from?: unknown; to?: unknown }[];
  sentence: string;
}
export interface CloseSummary {
  convergence?: Convergence | null;
  readiness?: { near_final: boolean; reason?: string; open_points?: string[] };
  suggestions?: { suggestions?: Suggestion[] } | null;
}
export interface RoundDoc extends RoundHead {
  revision: number;
  responses?: Record<string, Record<string, ResponseDoc>>;  // mediator: all; party: its own
  summary?: CloseSummary | null;
}

// --- the circulated text with each party's answers ---------------------------------------

export interface AnswerRow {
  id: string; number: number; text: string;
  answers: Record<string, ResponseDoc | null>;  // per addressed party the caller may see; null: not answered
}

export function answerRows(doc: ScenarioDoc, round: RoundDoc): AnswerRow[] {
  const v = versionsOf(doc).find((x) => x.id === round.version);
  const visible = Object.keys(round.responses ?? {});
  return (v?.points ?? []).map((p, k) => {
    const answers: Record<string, ResponseDoc | null> = {};
    for (const party of visible) {
      const a = round.responses?.[party]?.[p.id];
      answers[party] = a && (a.stance !== 'no_answer' || a.note || a.amendment) ? a : null;
    }
    return { id: p.id, number: p.number ?? k + 1, text: p.text ?? '', answers };
  });
}

// Who has answered (every role may know it; never what).
export function answeredStatus(round: RoundHead): { party: string; answered: boolean }[] {
  const done = new Set(round.answered);
  return round.parties.map((party) => ({ party, answered: done.has(party) }));
}

// --- convergence over rounds -------------------------------------------------------------

export interface ConvergenceSeries {
  labels: string[];          // "1 (v28)"
  points: number[];
  acceptedByAll: number[];
  blockedBy: Record<string, number[]>;  // per party, the points it rejects (0 when not addressed)
  shortfall: (number | null)[];         // null: no number by the definition (docs/rounds.md)
  redLineCrossed: string[][];           // parties the sum leaves out: the text crosses a red line of theirs
  nearFinal: boolean[];
}

export function convergenceSeries(rounds: RoundHead[]): ConvergenceSeries {
  const withData = rounds.filter((r) => r.convergence).sort((a, b) => a.round - b.round);
  const parties = [...new Set(withData.flatMap((r) => Object.keys(r.convergence!.blocked_by)))].sort();
  const out: ConvergenceSeries = { labels: [], points: [], acceptedByAll: [], blockedBy: {}, shortfall: [], redLineCrossed: [], nearFinal: [] };
  for (const p of parties) out.blockedBy[p] = [];
  for (const r of withData) {
    const c = r.convergence!;
    out.labels.push(`${r.round} (${r.version})`);
    out.points.push(c.points);
    out.acceptedByAll.push(c.accepted_by_all);
    for (const p of parties) out.blockedBy[p].push(c.blocked_by[p]?.length ?? 0);
    out.shortfall.push(c.shortfall?.sum ?? null);
    out.redLineCrossed.push(c.shortfall?.red_line_crossed ?? []);
    out.nearFinal.push(c.near_final);
  }
  return out;
}

// --- a party's answer form --------------------------------------------------------------

export interface FormAnswer { stance: Answer; note: string; amendment: string; acceptable: Record<string, string> }

// The issues a point sets or touches: those its answer may name acceptable settings on.
export function pointIssues(doc: ScenarioDoc, version: VersionDoc, pointId: string): IssueDoc[] {
  const p = version.points?.find((x) => x.id === pointId);
  const ids = new Set([...Object.keys(p?.sets ?? {}), ...(p?.touches ?? [])]);
  return (doc.issues ?? []).filter((i) => ids.has(i.id));
}

// The form's starting values: the party's stored answers, else no answer.
export function initialForm(points: string[], stored: Record<string, ResponseDoc> | undefined): Record<string, FormAnswer> {
  const out: Record<string, FormAnswer> = {};
  for (const id of points) {
    const a = stored?.[id];
    const acceptable: Record<string, string> = {};
    for (const [issue, xs] of Object.entries(a?.acceptable ?? {})) acceptable[issue] = xs.join(', ');
    out[id] = { stance: a?.stance ?? 'no_answer', note: a?.note ?? '', amendment: a?.amendment ?? '', acceptable };
  }
  return out;
}

// The PUT …/responses/{party} body. Acceptable settings: option ids for a discrete issue, numbers
// for a numeric one (comma-separated in the form); an empty field names none. Throws, naming
// the point and issue, on a number that does not parse.
export function responsesBody(doc: ScenarioDoc, form: Record<string, FormAnswer>, revision: number):
  { revision: number; responses: Record<string, { stance: Answer; note: string; amendment: string; acceptable: Record<string, (string | number)[]> }> } {
  const issues = new Map((doc.issues ?? []).map((i) => [i.id, i]));
  const responses: Record<string, { stance: Answer; note: string; amendment: string; acceptable: Record<string, (string | number)[]> }> = {};
  for (const [point, a] of Object.entries(form)) {
    const acceptable: Record<string, (string | number)[]> = {};
    for (const [issue, text] of Object.entries(a.acceptable)) {
      const items = text.split(',').map((x) => x.trim()).filter((x) => x !== '');
      if (items.length === 0) continue;
      const numeric = issues.get(issue)?.range !== undefined;
      acceptable[issue] = numeric ? items.map((x) => {
        const n = Number(x);
        if (!Number.isFinite(n)) throw new Error(`${point}: "${x}" is not a number for ${issue}`);
        return n;
      }) : items;
    }
    responses[point] = { stance: a.stance, note: a.note.trim(), amendment: a.amendment.trim(), acceptable };
  }
  return { revision, responses };
}

// The options of a discrete issue, for the form's checkboxes.
export function issueChoices(issue: IssueDoc): string[] { return (issue.options ?? []).map(optionId); }

// --- publishing ---------------------------------------------------------------------------

// The next version's id: for a circulated v<n>, the first free v<n+1>, v<n+2>, … (the built-in
// case numbers versions by their points, so order is not implied); else "<from>-next".
export function nextVersionId(doc: ScenarioDoc, from: string): string {
  const ids = new Set(versionsOf(doc).map((v) => v.id));
  const m = /^v(\d+)$/.exec(from);
  if (m) {
    let n = Number(m[1]) + 1;
    while (ids.has(`v${n}`)) ++n;
    return `v${n}`;
  }
  let id = `${from}-next`;
  for (let k = 2; ids.has(id); ++k) id = `${from}-next${k}`;
  return id;
}

// A suggestion can be adopted when it edits the text (a bracket has no edit: the server says 400).
export function adoptable(s: Suggestion): boolean { return s.kind !== 'bracket'; }

// The publish body: the draft's adopted suggestion indices, in list order.
export function publishBody(revision: number, version: string, adopted: Set<number>, label?: string):
  { revision: number; version: string; adopt: number[]; label?: string } {
  return { revision, version, adopt: [...adopted].sort((a, b) => a - b), ...(label ? { label } : {}) };
}

// --- redline ------------------------------------------------------------------------------

export interface RedlinePoint {
  from: string; to: string; inserted: number; deleted: number; exact: boolean; split?: boolean;
  pieces: { op: 'equal' | 'insert' | 'delete'; text: string }[];
}

// The redline as lines of marked-up segments, one per amended or split point.
export function redlineLines(points: RedlinePoint[]): { label: string; segments: { op: 'equal' | 'insert' | 'delete'; text: string }[]; counts: string }[] {
  return points.map((p) => ({
    label: `${p.from} → ${p.to}${p.split ? ' (part of a split)' : ''}`,
    segments: p.pieces,
    counts: `${p.deleted} words deleted, ${p.inserted} inserted${p.exact ? '' : ' (too long to diff word by word)'}`,
  }));
}
