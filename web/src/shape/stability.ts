// The stability table: one row per state listed by the analysis, with which decision maker
// finds it stable under which concept, and the concepts under which it is an equilibrium.
import type { GmcrResult } from '../model';

export const CONCEPTS = ['nash', 'gmr', 'smr', 'seq'];
export interface StabilityRow {
  state: string;
  statusQuo: boolean;
  stable: Record<string, Record<string, boolean>>;  // dm -> concept -> stable
  equilibriumUnder: string[];
}

export function stabilityRows(r: GmcrResult): { dms: string[]; concepts: string[]; rows: StabilityRow[] } {
  const dms = (r.decision_makers ?? []).map((d) => d.decision_maker);
  const concepts = CONCEPTS.filter((c) => c in r.equilibria || (r.decision_makers ?? []).some((d) => c in d.stable));
  const states = new Set<string>();
  for (const c of concepts) (r.equilibria[c] ?? []).forEach((x) => states.add(x));
  for (const d of r.decision_makers ?? []) for (const c of concepts) (d.stable[c] ?? []).forEach((x) => states.add(x));
  if (r.status_quo) states.add(r.status_quo);
  const rows = [...states].sort().map((state) => ({
    state,
    statusQuo: state === r.status_quo,
    stable: Object.fromEntries((r.decision_makers ?? []).map((d) => [
      d.decision_maker, Object.fromEntries(concepts.map((c) => [c, (d.stable[c] ?? []).includes(state)])),
    ])),
    equilibriumUnder: concepts.filter((c) => (r.equilibria[c] ?? []).includes(state)),
  }));
  // Equilibria first, then the status quo, then the rest; alphabetical within.
  rows.sort((p, q) => Number(q.equilibriumUnder.length > 0) - Number(p.equilibriumUnder.length > 0) ||
    Number(q.statusQuo) - Number(p.statusQuo) || p.state.localeCompare(q.state));
  return { dms, concepts, rows };
}
