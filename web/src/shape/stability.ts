// The stability table: one row per state listed by the analysis, with which decision maker
// finds it stable under which concept, and the concepts under which it is an equilibrium.
import type { GmcrResult, StateList } from '../model';

export const CONCEPTS = ['nash', 'gmr', 'smr', 'seq', 'sim', 'seq_sim'];
export interface StabilityRow {
  state: string;
  statusQuo: boolean;
  stable: Record<string, Record<string, boolean>>;  // dm -> concept -> stable
  equilibriumUnder: string[];
}

const listed = (s: StateList | undefined): string[] => s?.listed ?? [];

export function stabilityRows(r: GmcrResult): { dms: string[]; concepts: string[]; rows: StabilityRow[] } {
  const stability = r.stability ?? {};
  const dms = (r.decision_makers ?? []).map((d) => d.id).filter((id) => id in stability);
  const concepts = CONCEPTS.filter((c) => c in r.equilibria || dms.some((d) => c in stability[d]));
  const sq = r.status_quo?.state;
  const states = new Set<string>();
  for (const c of concepts) listed(r.equilibria[c]).forEach((x) => states.add(x));
  for (const d of dms) for (const c of concepts) listed(stability[d][c]).forEach((x) => states.add(x));
  if (sq) states.add(sq);
  const rows = [...states].sort().map((state) => ({
    state,
    statusQuo: state === sq,
    stable: Object.fromEntries(dms.map((d) => [
      d, Object.fromEntries(concepts.map((c) => [c, listed(stability[d][c]).includes(state)])),
    ])),
    equilibriumUnder: concepts.filter((c) => listed(r.equilibria[c]).includes(state)),
  }));
  // Equilibria first, then the status quo, then the rest; alphabetical within.
  rows.sort((p, q) => Number(q.equilibriumUnder.length > 0) - Number(p.equilibriumUnder.length > 0) ||
    Number(q.statusQuo) - Number(p.statusQuo) || p.state.localeCompare(q.state));
  return { dms, concepts, rows };
}

// "nash: YY, NN" per concept; a list the server gave as a count only says so.
export function equilibriaLines(r: GmcrResult): string[] {
  return Object.entries(r.equilibria).map(([c, s]) =>
    `${c}: ${s.listed ? (s.listed.length ? s.listed.join(', ') : 'none') : `${s.count} (not listed)`}`);
}
