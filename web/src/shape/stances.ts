// The parties × points stance matrix of one version, with the points a signatory rejects.
import type { ScenarioDoc, StanceKind } from '../model';
import { signatories, versionsOf } from '../model';

export const KINDS: StanceKind[] = ['reject', 'conditional', 'unknown', 'accept'];
// GET .../versions/{v}/stances: {PARTY: {POINT: {stance, note, ...}}}
export type StancesResponse = Record<string, Record<string, { stance: StanceKind; note?: string }>>;

export interface StanceMatrix {
  parties: string[];
  points: { id: string; number: number; text: string }[];
  // [point index, party index, KINDS index] — the shape of an ECharts heat map series.
  cells: [number, number, number][];
  notes: Record<string, string>;   // "PARTY/POINT" -> note
  blocked: Record<string, string[]>;  // point -> signatories rejecting it
  conditional: Record<string, string[]>;
}

export function stanceMatrix(s: ScenarioDoc, versionId: string, stances: StancesResponse): StanceMatrix {
  const v = versionsOf(s).find((x) => x.id === versionId);
  if (!v) throw new Error(`unknown version ${versionId}`);
  const parties = (s.parties ?? []).map((p) => p.id);
  const signing = new Set(signatories(s));
  const points = (v.points ?? []).map((p, k) => ({ id: p.id, number: p.number ?? k + 1, text: p.text ?? '' }));
  const out: StanceMatrix = { parties, points, cells: [], notes: {}, blocked: {}, conditional: {} };
  points.forEach((pt, x) => {
    parties.forEach((party, y) => {
      const rec = stances[party]?.[pt.id];
      const kind: StanceKind = rec?.stance ?? 'unknown';
      out.cells.push([x, y, KINDS.indexOf(kind)]);
      if (rec?.note) out.notes[`${party}/${pt.id}`] = rec.note;
      if (!signing.has(party)) return;
      if (kind === 'reject') (out.blocked[pt.id] ??= []).push(party);
      if (kind === 'conditional') (out.conditional[pt.id] ??= []).push(party);
    });
  });
  return out;
}
