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
// Mediator: the full `accord evaluate --json`; party: the reduced view (own, points, readiness).
export interface EvaluateResult {
  scenario: string; version: string | null; package?: Record<string, unknown>;
  parties?: EvalParty[]; own?: EvalParty | null; acceptable_to_all?: string;
  points: EvalPoint[]; readiness?: Readiness;
}
export interface Solution { package: Record<string, unknown>; utilities: Record<string, number>; objective?: number }
export interface BargainFull {
  finding: string; parties: string[]; reservations: Record<string, number>;
  zone: { exact: boolean; count: string }; space: { exact: boolean; count: string };
  solutions: Record<string, Solution>;
  closest?: { draft: string; zone_exists: boolean; package: Record<string, unknown>; utilities: Record<string, number>;
              changed_issues: number; shortfall: Record<string, number> };
}
export interface BargainParty {
  zone_exists: boolean;
  packages: Record<string, { package: Record<string, unknown>; own_utility: number | null }>;
  closest?: { draft: string; package: Record<string, unknown>; own_utility: number | null; acceptable_to_all: boolean };
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
export interface GmcrResult {
  states?: number; equilibria: Record<string, string[]>;
  decision_makers?: { decision_maker: string; stable: Record<string, string[]> }[];
  status_quo?: string | null;
  options?: { id: string; label?: string }[];
  status_quo_paths?: { target: string; path: { state: string; mover: string | null }[] | null }[];
}
