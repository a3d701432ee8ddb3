// The bargaining chart's markers, shaped from the server's bargain result (report::bargain_markers):
// the draft is never drawn at a midpoint (no package has it) but as its worst and its best
// completion for the two parties shown, joined by a segment.
import type { BargainFull, PairMarker } from '../model';

export interface DraftCompletions {
  label: string;
  worst: [number, number];  // each party's worst completion of the draft's open issues
  best: [number, number];   // each party's best completion
  point: boolean;           // the draft settles every issue: one point
}

// The markers other than the draft (the solutions and the closest package).
export function packageMarkers(r: Pick<BargainFull, 'pair'>): PairMarker[] {
  return (r.pair?.markers ?? []).filter((m) => m.key !== 'draft');
}

// The draft's two completions: the marker's worst and best utilities (schema 3), else the
// draft's utility ranges (min, max) of the two parties shown.
export function draftCompletions(r: Pick<BargainFull, 'pair' | 'parties' | 'draft'>): DraftCompletions | null {
  if (!r.pair || !r.draft) return null;
  const m = r.pair.markers.find((x) => x.key === 'draft');
  const label = m?.label ?? 'draft';
  let worst: [number, number], best: [number, number];
  if (m?.best) {
    worst = m.utilities;
    best = m.best;
  } else {
    const [ia, ib] = r.pair.parties.map((p) => r.parties.indexOf(p));
    const ua = r.draft.utilities[ia], ub = r.draft.utilities[ib];
    if (!ua || !ub) return null;
    worst = [ua.min, ub.min];
    best = [ua.max, ub.max];
  }
  const point = Math.abs(best[0] - worst[0]) < 1e-9 && Math.abs(best[1] - worst[1]) < 1e-9;
  return { label, worst, best, point };
}
