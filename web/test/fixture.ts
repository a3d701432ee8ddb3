// A small scenario document in the API's JSON shape (docs/format.md), used by the unit tests.
import type { ScenarioDoc } from '../src/model';

export const SMALL: ScenarioDoc = {
  id: 'small',
  parties: [{ id: 'A', role: 'party' }, { id: 'B', role: 'party' }, { id: 'M', role: 'mediator' }, { id: 'S', role: 'stakeholder' }],
  issues: [
    { id: 'border', options: [{ id: 'OLD', label: 'Pre-war line' }, { id: 'NOW' }, { id: 'NEW' }] },
    { id: 'troops', range: { min: 0, max: 100, step: 30, unit: 'thousand' } },
  ],
  preferences: {
    A: { reservation: { value: 0.4, estimate: true }, issues: {
      border: { weight: 0.5, values: { OLD: 1, NOW: 0.5, NEW: 0 } },
      troops: { weight: { value: 0.5 }, curve: [[0, 0], [100, 1]] } } },
    B: { reservation: 0.3, issues: {
      border: { weight: 0.6, values: { OLD: 0, NOW: 0.7, NEW: 1 } },
      troops: { weight: 0.4, curve: [[0, 1], [100, 0]] } } },
  },
  framework: { versions: [
    { id: 'd1', points: [
      { id: 'P1', number: 1, text: 'line', sets: { border: 'NOW' } },
      { id: 'P2', number: 2, text: 'troops 30', sets: { troops: 30 } },
      { id: 'P3', number: 3, text: 'monitors' },
      { id: 'P4', number: 4, text: 'prisoners' } ] },
    { id: 'd2', points: [
      { id: 'Q1', number: 1, text: 'line', sets: { border: 'NOW' }, from: ['P1'] },
      { id: 'Q2', number: 2, text: 'troops 50', sets: { troops: 50 }, from: ['P2'] },
      { id: 'Q3', number: 3, text: 'monitors and prisoners', from: ['P3', 'P4'] } ] },
    { id: 'd3', points: [
      { id: 'R1', number: 1, text: 'line', sets: { border: 'NOW' }, from: ['Q1'] },
      { id: 'R2', number: 2, text: 'monitors', from: ['Q3'] },
      { id: 'R3', number: 3, text: 'prisoners', from: ['Q3'] },
      { id: 'R4', number: 4, text: 'elections' } ] },
  ] },
};
