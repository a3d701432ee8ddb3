// The state graph (docs/gmcr.md "The graph"): the server lays it out (report::gmcr_graph_json);
// this shapes it for drawing (which nodes to highlight for a concept, edge geometry) and for
// the details of a clicked state (its name, who can move where, why it is stable or not).
import type { GmcrResult } from '../model';

// The engine's explanation (gmcr::explain) where a decision maker has improvements.
export interface GraphWhy {
  dm: string; concept: string; stable: boolean; improvements: { to: string; deterred: boolean; by: string }[];
}
export interface GraphNode {
  pattern: string; name: string; states: number; status_quo: boolean; equilibrium: string[];
  equilibria?: Record<string, number>; x: number; y: number; why?: GraphWhy[];
}
export interface GraphEdge {
  from: number; to: number; dm: string; improvement: boolean; moves?: number; improvements?: number; status_quo_path: boolean;
}
export interface GmcrGraph {
  drawn: boolean; note: string; layout?: string; collapsed?: boolean; kept_options?: string[];
  width?: number; height?: number;
  decision_makers?: { id: string; name: string; colour: string }[];
  concepts?: { concept: string; colour: string }[];
  nodes?: GraphNode[]; edges?: GraphEdge[]; status_quo_paths?: number[][]; status_quo_paths_count?: number;
}
export type GmcrGraphResult = GmcrResult & { graph?: GmcrGraph };

// The nodes to highlight: equilibria under `concept` ('any': under some concept).
export function highlighted(g: GmcrGraph, concept: string): Set<number> {
  const out = new Set<number>();
  (g.nodes ?? []).forEach((n, k) => {
    if (concept === 'any' ? n.equilibrium.length > 0 : n.equilibrium.includes(concept)) out.add(k);
  });
  return out;
}

export const BOX_H = 18;
// The width of every node box: the longest label, in 12px monospace.
export function boxWidth(g: GmcrGraph): number {
  const widest = Math.max(0, ...(g.nodes ?? []).map((n) => label(n).length));
  return Math.max(40, 7.4 * widest + 12);
}
export function label(n: GraphNode): string { return n.states > 1 ? `${n.pattern} ×${n.states}` : n.pattern; }

// A curve from the side of one box to the facing side of the other, bending to the left of its
// direction (a move and its reverse stay apart), with its arrowhead, as the SVG report draws it.
export function edgeGeometry(u: GraphNode, v: GraphNode, box: number): { d: string; head: string } {
  let x1 = u.x, x2 = v.x;
  const y1 = u.y, y2 = v.y;
  const sameColumn = Math.abs(x2 - x1) < 1;
  if (sameColumn) { const side = y2 > y1 ? 1 : -1; x1 += side * box / 2; x2 += side * box / 2; }
  else { const side = x2 > x1 ? 1 : -1; x1 += side * box / 2; x2 -= side * box / 2; }
  const dx = x2 - x1, dy = y2 - y1, len = Math.max(1, Math.hypot(dx, dy));
  const bend = sameColumn ? Math.max(24, 0.25 * len) : 0.12 * len;
  const cx = (x1 + x2) / 2 + dy / len * bend, cy = (y1 + y2) / 2 - dx / len * bend;
  const tx = x2 - cx, ty = y2 - cy, tl = Math.max(1e-9, Math.hypot(tx, ty));
  const ux = tx / tl, uy = ty / tl, bx = x2 - ux * 7, by = y2 - uy * 7;
  const f = (x: number) => String(Math.round(x * 10) / 10);
  return {
    d: `M${f(x1)},${f(y1)} Q${f(cx)},${f(cy)} ${f(x2)},${f(y2)}`,
    head: `${f(x2)},${f(y2)} ${f(bx - uy * 3)},${f(by + ux * 3)} ${f(bx + uy * 3)},${f(by - ux * 3)}`,
  };
}

export interface StateDetails {
  title: string;       // "YNNN: ua_accept"
  facts: string[];     // status quo, equilibrium under …, how many states (collapsed)
  moves: { dm: string; name: string; to: { pattern: string; improvement: boolean }[] }[];
  why: string[];       // per decision maker: stable under …; not under … and why
}

const listed = (r: GmcrResult, dm: string, concept: string): string[] | undefined => r.stability?.[dm]?.[concept]?.listed;

// What the view shows for a clicked node: its name, who can move from it and where, and for
// each decision maker under which concepts it is stable, with the reason the definitions give.
export function stateDetails(r: GmcrGraphResult, k: number): StateDetails {
  const g = r.graph!;
  const n = g.nodes![k];
  const facts: string[] = [];
  if (n.states > 1) facts.push(`Stands for ${n.states} states that share the settings of ${(g.kept_options ?? []).join(', ')}.`);
  if (n.status_quo) facts.push(n.states > 1 ? 'Holds the status quo.' : 'The status quo.');
  if (n.equilibrium.length)
    facts.push(n.states > 1
      ? `Holds equilibria: ${n.equilibrium.map((c) => `${c} ${n.equilibria?.[c] ?? 0}`).join(', ')}.`
      : `An equilibrium under ${n.equilibrium.join(', ')}.`);
  else facts.push(n.states > 1 ? 'Holds no equilibrium.' : 'Not an equilibrium under any concept computed.');
  const dms = g.decision_makers ?? [];
  const out = (g.edges ?? []).filter((e) => e.from === k);
  const moves = dms.map((d) => ({
    dm: d.id, name: d.name,
    to: out.filter((e) => e.dm === d.id).map((e) => ({ pattern: g.nodes![e.to].pattern, improvement: e.improvement })),
  })).filter((m) => m.to.length > 0);
  const why: string[] = [];
  if (n.states === 1) {
    const concepts = (g.concepts ?? []).map((c) => c.concept);
    for (const d of dms) {
      const improvements = out.filter((e) => e.dm === d.id && e.improvement).map((e) => g.nodes![e.to].pattern);
      const known = concepts.filter((c) => listed(r, d.id, c) !== undefined);
      if (!known.length) continue;
      const stable = known.filter((c) => listed(r, d.id, c)!.includes(n.pattern));
      const unstable = known.filter((c) => !stable.includes(c));
      let text = `${d.name}: `;
      if (!improvements.length) text += 'no unilateral improvement from here, so stable under every concept.';
      else {
        text += `can improve to ${improvements.join(', ')}. `;
        const engine = (n.why ?? []).filter((w) => w.dm === d.id);
        if (engine.length) {
          // The engine's own reasons: the sanction that deters each improvement, or the one that is not deterred.
          // Concepts with the same reason share one sentence ("nash, gmr: not stable, …").
          const reasons = new Map<string, string[]>();
          for (const w of engine) {
            const open = w.improvements.filter((i) => !i.deterred);
            const reason = w.stable
              ? `stable, ${w.improvements.map((i) => `${i.to} is sanctioned by ${i.by || 'the others'}`).join('; ')}`
              : `not stable, ${open.map((i) => i.to).join(', ')} ${open.length > 1 ? 'are' : 'is'} not deterred`;
            reasons.set(reason, [...(reasons.get(reason) ?? []), w.concept]);
          }
          for (const [reason, cs] of reasons) text += `${cs.join(', ')}: ${reason}. `;
        } else {
          if (stable.length) text += `Stable under ${stable.join(', ')}: each improvement is deterred by the others' possible responses. `;
          if (unstable.length) text += `Not stable under ${unstable.join(', ')}: ${unstable.includes('nash') ? 'under Nash any improvement counts; ' : ''}some improvement is not deterred.`;
        }
      }
      why.push(text.trim());
    }
  }
  return { title: `${n.pattern}: ${n.name}`, facts, moves, why };
}
