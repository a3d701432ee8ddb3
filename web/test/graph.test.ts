import { describe, expect, it } from 'vitest';
import { boxWidth, edgeGeometry, type GmcrGraphResult, highlighted, label, stateDetails } from '../src/shape/graph';

// The prisoners' dilemma as the server's gmcr analysis gives it with params.graph (option 0:
// A defects, option 1: B defects; each prefers the other to cooperate, then to defect itself).
const PD: GmcrGraphResult = {
  equilibria: { nash: { count: 1, listed: ['YY'] }, gmr: { count: 2, listed: ['NN', 'YY'] } },
  decision_makers: [{ id: 'A', name: 'Prisoner A', options: ['a_defect'] }, { id: 'B', name: 'B', options: ['b_defect'] }],
  stability: {
    A: { nash: { count: 2, listed: ['YN', 'YY'] }, gmr: { count: 3, listed: ['NN', 'YN', 'YY'] } },
    B: { nash: { count: 2, listed: ['NY', 'YY'] }, gmr: { count: 3, listed: ['NN', 'NY', 'YY'] } },
  },
  graph: {
    drawn: true, note: 'All 4 feasible states are drawn.', collapsed: false, kept_options: ['a_defect', 'b_defect'], width: 400, height: 100,
    decision_makers: [{ id: 'A', name: 'Prisoner A', colour: '#0072b2' }, { id: 'B', name: 'B', colour: '#d55e00' }],
    concepts: [{ concept: 'nash', colour: '#222222' }, { concept: 'gmr', colour: '#7b3294' }],
    nodes: [
      { pattern: 'NN', name: 'none', states: 1, status_quo: true, equilibrium: ['gmr'], x: 50, y: 50 },
      { pattern: 'YN', name: 'a_defect', states: 1, status_quo: false, equilibrium: [], x: 150, y: 37 },
      { pattern: 'NY', name: 'b_defect', states: 1, status_quo: false, equilibrium: [], x: 150, y: 63 },
      { pattern: 'YY', name: 'a_defect, b_defect', states: 1, status_quo: false, equilibrium: ['nash', 'gmr'], x: 250, y: 50 },
    ],
    edges: [
      { from: 0, to: 1, dm: 'A', improvement: true, status_quo_path: false },
      { from: 0, to: 2, dm: 'B', improvement: true, status_quo_path: true },
      { from: 1, to: 0, dm: 'A', improvement: false, status_quo_path: false },
      { from: 1, to: 3, dm: 'B', improvement: true, status_quo_path: false },
      { from: 2, to: 0, dm: 'B', improvement: false, status_quo_path: false },
      { from: 2, to: 3, dm: 'A', improvement: true, status_quo_path: true },
      { from: 3, to: 1, dm: 'B', improvement: false, status_quo_path: false },
      { from: 3, to: 2, dm: 'A', improvement: false, status_quo_path: false },
    ],
    status_quo_paths: [[0, 2, 3]],
  },
};

describe('state graph shaping', () => {
  it('highlights the equilibria of the chosen concept, or of any', () => {
    expect([...highlighted(PD.graph!, 'nash')]).toEqual([3]);
    expect([...highlighted(PD.graph!, 'gmr')]).toEqual([0, 3]);
    expect([...highlighted(PD.graph!, 'any')]).toEqual([0, 3]);
    expect([...highlighted(PD.graph!, 'smr')]).toEqual([]);
  });

  it('names a state, lists the moves from it by decision maker and says why it is stable or not', () => {
    const d = stateDetails(PD, 0);
    expect(d.title).toBe('NN: none');
    expect(d.facts).toContain('The status quo.');
    expect(d.facts).toContain('An equilibrium under gmr.');
    expect(d.moves).toEqual([
      { dm: 'A', name: 'Prisoner A', to: [{ pattern: 'YN', improvement: true }] },
      { dm: 'B', name: 'B', to: [{ pattern: 'NY', improvement: true }] },
    ]);
    expect(d.why[0]).toBe('Prisoner A: can improve to YN. Stable under gmr: each improvement is deterred by the others\' possible responses. '
      + 'Not stable under nash: under Nash any improvement counts; some improvement is not deterred.');
    const yy = stateDetails(PD, 3);
    expect(yy.why[1]).toBe('B: no unilateral improvement from here, so stable under every concept.');
    expect(yy.facts).toContain('An equilibrium under nash, gmr.');
  });

  it('gives the engine\'s reasons when the server sends them: the deterring sanction or the undeterred improvement', () => {
    const nodes = PD.graph!.nodes!.map((n, k) => (k === 0 ? { ...n, why: [
      { dm: 'A', concept: 'nash', stable: false, improvements: [{ to: 'YN', deterred: false, by: '' }] },
      { dm: 'A', concept: 'gmr', stable: true, improvements: [{ to: 'YN', deterred: true, by: 'B→YY' }] },
      { dm: 'A', concept: 'smr', stable: true, improvements: [{ to: 'YN', deterred: true, by: 'B→YY' }] },
    ] } : n));
    const d = stateDetails({ ...PD, graph: { ...PD.graph!, nodes } }, 0);
    expect(d.why[0]).toBe('Prisoner A: can improve to YN. nash: not stable, YN is not deterred. gmr, smr: stable, YN is sanctioned by B→YY.');
  });

  it('says what a collapsed node stands for', () => {
    const collapsed: GmcrGraphResult = { ...PD, graph: { ...PD.graph!, collapsed: true, kept_options: ['a_defect'],
      nodes: [{ pattern: 'N-', name: 'none', states: 2, status_quo: true, equilibrium: ['gmr'], equilibria: { nash: 0, gmr: 1 }, x: 50, y: 50 },
        { pattern: 'Y-', name: 'a_defect', states: 2, status_quo: false, equilibrium: ['nash', 'gmr'], equilibria: { nash: 1, gmr: 1 }, x: 150, y: 50 }],
      edges: [{ from: 0, to: 1, dm: 'A', improvement: true, moves: 2, improvements: 2, status_quo_path: false }] } };
    const d = stateDetails(collapsed, 0);
    expect(d.facts[0]).toBe('Stands for 2 states that share the settings of a_defect.');
    expect(d.facts).toContain('Holds equilibria: gmr 1.');
    expect(d.why).toEqual([]);
    expect(label(collapsed.graph!.nodes![0])).toBe('N- ×2');
  });

  it('draws a move and its reverse as two curves ending at the target box', () => {
    const [u, v] = PD.graph!.nodes!;
    const box = boxWidth(PD.graph!);
    expect(box).toBe(40);
    const there = edgeGeometry(u, v, box), back = edgeGeometry(v, u, box);
    expect(there.d).toMatch(/^M70,50 Q.* 130,37$/);
    expect(back.d).toMatch(/^M130,37 Q.* 70,50$/);
    expect(there.d.split(' ')[1]).not.toBe(back.d.split(' ')[1]);  // the control points differ
    expect(there.head.startsWith('130,37 ')).toBe(true);
  });
});
