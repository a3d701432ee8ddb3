// Types of the API's JSON (docs/server.md) and of the scenario document (docs/format.md),
// only as far as the dashboard reads them.

export type Role = 'mediator' | 'party' | 'observer';
export interface Caller { name: string; role: Role; party: string | null }

// A scenario value may be written plainly or as {value, estimate, note, source}.
export type Prov<T> = T | { value: T; estimate?: boolean; note?: string };
export function val<T>(x: Prov<T> | undefined, fallback: T): T {
  if (x === undefined || x === null) return fallback;
  if (typeof x === 'object' && !Array.isArray(x) && 'value' in (x as object)) return (x as { value: T }).value;
  return x as T;
}

export interface PartyDoc { id: string; name?: string; role?: 'party' | 'mediator' | 'stakeholder'; capability?: Prov<number> }
export interface OptionDoc { id: string; label?: string }
export interface IssueDoc {
  id: string; title?: string;
  options?: (OptionDoc | string)[];
  range?: { min: number; max: number; step?: number; unit?: string };
}
export interface IssuePrefDoc {
  weight?: Prov<number>;
  values?: Record<string, Prov<number>>;
  curve?: [number, number][];
  red_lines?: (string | { min?: number; max?: number })[];
}
export interface PreferencesDoc { reservation?: Prov<number>; issues?: Record<string, IssuePrefDoc> }
export type StanceKind = 'accept' | 'reject' | 'conditional' | 'unknown';
export interface PointDoc {
  id: string; number?: number; text?: string;
  sets?: Record<string, string | number | Prov<string | number>>;
  touches?: string[];
  from?: string[];
}
export interface VersionDoc {
  id: string; label?: string; date?: string; points?: PointDoc[];
  stances?: Record<string, Record<string, StanceKind | { stance: StanceKind; note?: string }>>;
}
export interface EventDoc { date: string; kind: string; text: string }
export interface ScenarioDoc {
  id: string; title?: string; description?: string; date?: string;
  parties?: PartyDoc[]; issues?: IssueDoc[];
  preferences?: Record<string, PreferencesDoc>;
  framework?: { versions?: VersionDoc[] };
  timeline?: EventDoc[];
  conflict?: unknown;
}

export function optionId(o: OptionDoc | string): string { return typeof o === 'string' ? o : o.id; }
export function optionLabel(o: OptionDoc | string): string {
  return typeof o === 'string' ? o : o.label || o.id;
}
export function versionsOf(s: ScenarioDoc): VersionDoc[] { return s.framework?.versions ?? []; }
export function signatories(s: ScenarioDoc): string[] {
  return (s.parties ?? []).filter((p) => (p.role ?? 'party') !== 'stakeholder').map((p) => p.id);
}

// --- analyses (POST/GET /api/scenarios/{id}/analyses) -------------------------------------
export interface Run<R = unknown> {
  id: number; engine: string; revision: number; created_by: string; created_at: string;
  params?: Record<string, unknown>; result: R;
}
export interface Utility { min: number; max: number }
export interface EvalParty {
  party: string; utility: Utility; reservation: number; ideal: number;
  verdict: 'acceptable' | 'unacceptable' | 'open'; red_lines_crossed: string[];
}
export interface EvalPoint {
  point: string; number: number; stances: Record<string, StanceKind>;
  stated: string; stated_blockers: string[]; conditional: string[];
  predicted?: string; predicted_blockers?: string[]; salience?: number;
}
export interface Readiness { near_final: boolean; reason?: string; open_points: string[]; standing_between?: string[] }
// Mediator: the full `accord evaluate --json`; party: its declared share (`parties` = its own entry,
// points, readiness, `acceptable_to_all`; docs/server.md "Roles"). `own`: results read before that.
export interface EvaluateResult {
  scenario: string; version: string | null; package?: Record<string, unknown>;
  parties?: EvalParty[]; own?: EvalParty | null; acceptable_to_all?: string;
  points: EvalPoint[]; readiness?: Readiness;
}
// Mediator: the full `accord bargain --json` (docs/bargain.md); utilities are per bargaining
// party in `parties` order. Party: the reduced view (own utility of each package).
export interface Count { count: number; exact: boolean; count_decimal?: string; lower?: number; upper?: number }
export interface Solution { package: Record<string, unknown>; utilities: number[]; objective: number }
export interface FrontierDoc {
  computed: boolean; truncated: boolean; method: string; size: number | null;
  points: { utilities: number[]; package: Record<string, unknown> }[];
}
export type SolutionKey = 'nash' | 'kalai_smorodinsky' | 'egalitarian' | 'utilitarian';
// The draft's marker: utilities are each party's worst completion, best its best (schema 3).
export interface PairMarker { key: SolutionKey | 'closest' | 'draft'; label: string; utilities: [number, number]; best?: [number, number] }
export interface BargainFull {
  schema: number; finding: string; parties: string[]; reservations: number[];
  zone: Count & { exists: boolean | null }; space: Count;
  solutions: Record<SolutionKey, Solution | null> & { method: string; exact: boolean };
  draft: { version: string | null; package: Record<string, unknown>; utilities: Utility[] } | null;
  closest: { zone_exists: boolean; package: Record<string, unknown> | null; utilities: number[];
             changed_issues: number;
             // null: the package crosses that party's red line (schema 2; no shortfall is stated)
             shortfall: Record<string, number | null> } | null;
  // The two-party frontier (params.pair, default the first two bargaining parties) with the
  // solutions, the closest package and the draft marked on it.
  pair: { parties: [string, string]; reservations: [number, number]; frontier: FrontierDoc; markers: PairMarker[] } | null;
}
// A party's share of a bargain result (docs/server.md "Roles"): the result's own shape with
// `parties` = [itself] and each `utilities` cut to its own entry (an array aligned with
// `parties`, or an object keyed by party id in results stored before schema 1).
export type OwnUtilities = number[] | Record<string, number>;
export interface BargainParty {
  finding?: string; zone?: { exists?: boolean };
  parties?: string[];
  solutions?: Record<string, { package: Record<string, unknown>; utilities?: OwnUtilities } | null | unknown>;
  draft?: { version?: string | null } | null;
  closest?: { package: Record<string, unknown>; zone_exists: boolean; utilities?: OwnUtilities };
}
// GET /api/scenarios/{id}/diff?from=&to= (`accord diff --json`, docs/cli.md).
export type Change = 'kept' | 'amended' | 'merged' | 'split' | 'dropped' | 'added';
export const CHANGES: Change[] = ['kept', 'amended', 'merged', 'split', 'dropped', 'added'];
export interface DiffResult {
  schema: number;
  from: { version: string; points: number }; to: { version: string; points: number };
  counts: Record<Change, number>;
  entries: { change: Change; from: string[]; to: string[]; changed_settings: string[]; matched_by_text: boolean }[];
}
// report::forecast_json (docs/forecast.md#json); a party gets only schema, scenario, model, forecast.
export interface ForecastResult {
  schema?: number; scenario?: string; model: string; turns?: number; converged?: boolean;
  forecast: Record<string, number>;
  final_positions?: Record<string, number[]>;
  dimensions?: { id: string; title?: string; lo: number; hi: number }[];
  actors?: { id: string; capability: number; position: number[]; salience: number[] }[];
  history?: Record<string, number[]>[];  // per turn: {actor: [x per dimension]}
  monte_carlo?: { runs: number; seed: number; dimensions: Record<string, { p05: number; median: number; p95: number }> } | null;
}
// The stability result (docs/gmcr.md "JSON"): every state set is {count, listed?}; a party sees
// only the equilibria.
export interface StateList { count: number; listed?: string[] }
export interface GmcrStep { state: string; mover: string | null }
export interface GmcrPath {
  target: string; equilibrium_under: string[]; by_improvements: GmcrStep[] | null; by_moves: GmcrStep[] | null;
}
export interface GmcrResult {
  schema?: number;
  states?: StateList;
  concepts?: string[];
  equilibria: Record<string, StateList>;
  decision_makers?: { id: string; name: string; options: string[] }[];
  stability?: Record<string, Record<string, StateList>>;
  status_quo?: {
    state: string; equilibrium_under: string[]; paths_computed: boolean;
    reachable_by_improvements?: string[]; paths: { count: number; listed?: GmcrPath[] };
  };
  options?: { id: string; label?: string }[];
  omitted?: { limit: number; parts: Record<string, number> };
}
