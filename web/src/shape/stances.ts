// The parties × points stance matrix of one version, with the points a signatory rejects.
import type { ScenarioDoc, StanceKind } from '../model';
import { signatories, versionsOf } from '../model';

export const KINDS: StanceKind[] = ['reject', 'conditional', 'unknown', 'accept'];
// GET .../versions/{v}/stances: {PARTY: {POINT: {stance, note, ...}}}
export type StancesResponse = Record<string, Record<string, { stance: StanceKind; note?: string; estimate?: boolean }>>;

// The mark of a stance marked estimate: true (inferred, not reported): the report's estimate mark.
export const INFERRED_MARK = '~';

export interface StanceMatrix {
  parties: string[];
  points: { id: string; number: number; text: string }[];
  // [point index, party index, KINDS index] — the shape of an ECharts heat map series.
  cells: [number, number, number][];
  notes: Record<string, string>;   // "PARTY/POINT" -> note
  inferred: Record<string, boolean>;  // "PARTY/POINT" -> true when the stance is an estimate
  blocked: Record<string, string[]>;  // point -> signatories rejecting it
  conditional: Record<string, string[]>;
}

export function stanceMatrix(s: ScenarioDoc, versionId: string, stances: StancesResponse): StanceMatrix {
  const v = versionsOf(s).find((x) => x.id === versionId);
  if (!v) throw new Error(`unknown version ${versionId}`);
  const parties = (s.parties ?? []).map((p) => p.id);
  const signing = new Set(signatories(s));
  const points = (v.points ?? []).map((p, k) => ({ id: p.id, number: p.number ?? k + 1, text: p.text ?? '' }));
  const out: StanceMatrix = { parties, points, cells: [], notes: {}, inferred: {}, blocked: {}, conditional: {} };
  points.forEach((pt, x) => {
    parties.forEach((party, y) => {
      const rec = stances[party]?.[pt.id];
      const kind: StanceKind = rec?.stance ?? 'unknown';
      out.cells.push([x, y, KINDS.indexOf(kind)]);
      if (rec?.note) out.notes[`${party}/${pt.id}`] = rec.note;
      if (rec?.estimate) out.inferred[`${party}/${pt.id}`] = true;
      if (!signing.has(party)) return;
      if (kind === 'reject') (out.blocked[pt.id] ??= []).push(party);
      if (kind === 'conditional') (out.conditional[pt.id] ??= []).push(party);
    });
  });
  return out;
}

// The label of one heat-map cell: the stance's letter, with INFERRED_MARK when it is inferred.
export function cellLabel(m: StanceMatrix, x: number, y: number, kind: number): string {
  const letter = 'RC?A'[kind] ?? '?';
  return m.inferred[`${m.parties[y]}/${m.points[x]?.id}`] ? letter + INFERRED_MARK : letter;
}

// How many stances of the matrix are inferred (the legend line says so).
export function inferredCount(m: StanceMatrix): number {
  return Object.keys(m.inferred).length;
}
