// Each party's utility of each version against its reservation, from evaluate results
// (a mediator gets every party; a party only `own`).
import type { EvalParty, EvaluateResult } from '../model';

export interface UtilitySeries {
  party: string;
  reservation: number;
  // per version, in the order given: [min, max] and the verdict; null when not evaluated
  values: ({ min: number; max: number; verdict: EvalParty['verdict'] } | null)[];
}

export function utilitySeries(versions: string[], results: (EvaluateResult | null)[]): UtilitySeries[] {
  const series = new Map<string, UtilitySeries>();
  results.forEach((r, k) => {
    if (!r) return;
    const parties = r.parties ?? (r.own ? [r.own] : []);
    for (const p of parties) {
      let s = series.get(p.party);
      if (!s) {
        s = { party: p.party, reservation: p.reservation, values: versions.map(() => null) };
        series.set(p.party, s);
      }
      s.values[k] = { min: p.utility.min, max: p.utility.max, verdict: p.verdict };
    }
  });
  return [...series.values()];
}
