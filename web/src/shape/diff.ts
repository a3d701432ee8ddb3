// How one framework version became another, from the points' `from:` links (followed back
// through intermediate versions): kept, amended, merged, split, dropped, added — the
// categories and rules of `accord diff` (src/engines/diff), including matching by text when
// the later version has no links at all.
import type { PointDoc, ScenarioDoc } from '../model';
import { versionsOf } from '../model';

export type Change = 'kept' | 'amended' | 'merged' | 'split' | 'dropped' | 'added';
export const CHANGES: Change[] = ['kept', 'amended', 'merged', 'split', 'dropped', 'added'];
export interface DiffEntry { change: Change; from: PointDoc[]; to: PointDoc[] }
export interface Diff { from: string; to: string; counts: Record<Change, number>; entries: DiffEntry[] }

function sameContent(a: PointDoc, b: PointDoc): boolean {
  return (a.text ?? '') === (b.text ?? '') && JSON.stringify(a.sets ?? {}) === JSON.stringify(b.sets ?? {});
}

function words(text: string): Set<string> {
  return new Set((text.toLowerCase().match(/[a-z0-9]+/g) ?? []).filter((w) => w.length > 2));
}
// Jaccard similarity of the words longer than two letters (as the engine).
export function similarity(a: string, b: string): number {
  const wa = words(a), wb = words(b);
  if (wa.size === 0 || wb.size === 0) return 0;
  let common = 0;
  for (const w of wa) if (wb.has(w)) common++;
  return common / (wa.size + wb.size - common);
}

export function diffVersions(s: ScenarioDoc, fromId: string, toId: string): Diff {
  const versions = versionsOf(s);
  const fi = versions.findIndex((v) => v.id === fromId);
  const ti = versions.findIndex((v) => v.id === toId);
  if (fi < 0 || ti < 0) throw new Error(`unknown version ${fi < 0 ? fromId : toId}`);
  const where = new Map<string, { v: number; p: PointDoc }>();
  versions.forEach((v, k) => (v.points ?? []).forEach((p) => where.set(p.id, { v: k, p })));
  // Ancestors of a point in version `fi`, following `from` links back through later versions.
  const ancestors = (p: PointDoc): string[] => {
    const out = new Set<string>();
    const stack = [...(p.from ?? [])];
    const seen = new Set<string>();
    while (stack.length) {
      const ref = stack.pop()!;
      if (seen.has(ref)) continue;
      seen.add(ref);
      const hit = where.get(ref);
      if (!hit) continue;
      if (hit.v === fi) out.add(ref);
      else if (hit.v > fi) stack.push(...(hit.p.from ?? []));
    }
    return [...out];
  };
  const oldPoints = versions[fi].points ?? [];
  const newPoints = versions[ti].points ?? [];
  const order = new Map(oldPoints.map((p, k) => [p.id, k]));
  // Without any link in the later version (or comparing backwards): match by text (Jaccard >= 0.4).
  const byText = !newPoints.some((p) => (p.from ?? []).length > 0) || ti < fi;
  const parents = new Map(newPoints.map((q) => {
    if (!byText) return [q.id, ancestors(q).sort((x, y) => order.get(x)! - order.get(y)!)];
    let best = 0.4, bestId: string | undefined;
    for (const p of oldPoints) {
      const sim = similarity(p.text ?? '', q.text ?? '');
      if (sim >= best) { best = sim; bestId = p.id; }
    }
    return [q.id, bestId ? [bestId] : []];
  }));
  const children = new Map<string, string[]>(oldPoints.map((p) => [p.id, []]));
  for (const q of newPoints) for (const p of parents.get(q.id)!) children.get(p)!.push(q.id);
  const counts = Object.fromEntries(CHANGES.map((c) => [c, 0])) as Record<Change, number>;
  const entries: DiffEntry[] = [];
  const splitDone = new Set<string>();
  const byId = (id: string) => where.get(id)!.p;
  // As the engine (src/engines/diff): one entry per new point, except that a split is one
  // entry for all its parts; a part of a split that also merges is listed again as merged.
  for (const q of newPoints) {
    const ps = parents.get(q.id)!;
    let change: Change;
    let to: string[] = [q.id];
    if (ps.length === 0) change = 'added';
    else if (ps.length > 1) change = 'merged';
    else if (children.get(ps[0])!.length > 1) {
      if (splitDone.has(ps[0])) continue;
      splitDone.add(ps[0]);
      change = 'split';
      to = children.get(ps[0])!;
    } else change = sameContent(byId(ps[0]), q) ? 'kept' : 'amended';
    counts[change] += 1;
    entries.push({ change, from: ps.map(byId), to: to.map(byId) });
  }
  for (const p of oldPoints) {
    if (children.get(p.id)!.length > 0) continue;
    counts.dropped += 1;
    entries.push({ change: 'dropped', from: [p], to: [] });
  }
  return { from: fromId, to: toId, counts, entries };
}
