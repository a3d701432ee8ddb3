import { describe, expect, it } from 'vitest';
import { cellLabel, INFERRED_MARK, inferredCount, KINDS, stanceMatrix } from '../src/shape/stances';
import { SMALL } from './fixture';

describe('stanceMatrix', () => {
  const m = stanceMatrix(SMALL, 'd2', {
    A: { Q1: { stance: 'accept' }, Q2: { stance: 'reject', note: 'too low' } },
    B: { Q1: { stance: 'accept' }, Q2: { stance: 'conditional' } },
    S: { Q3: { stance: 'reject' } },
  });

  it('gives one heat-map cell per party and point, unknown where nothing is recorded', () => {
    expect(m.parties).toEqual(['A', 'B', 'M', 'S']);
    expect(m.points.map((p) => p.number)).toEqual([1, 2, 3]);
    expect(m.cells).toHaveLength(12);
    expect(m.cells).toContainEqual([1, 0, KINDS.indexOf('reject')]);
    expect(m.cells).toContainEqual([0, 2, KINDS.indexOf('unknown')]);
    expect(m.notes['A/Q2']).toBe('too low');
  });

  it('marks a point blocked when a signatory rejects it, not a stakeholder', () => {
    expect(m.blocked).toEqual({ Q2: ['A'] });
    expect(m.conditional).toEqual({ Q2: ['B'] });
  });
});

describe('inferred stances', () => {
  const m = stanceMatrix(SMALL, 'd2', {
    A: { Q1: { stance: 'accept', estimate: true }, Q2: { stance: 'reject' } },
    B: { Q1: { stance: 'accept' } },
  });

  it('marks a stance marked estimate: true with ~ and leaves reported ones bare', () => {
    expect(m.inferred).toEqual({ 'A/Q1': true });
    expect(cellLabel(m, 0, 0, KINDS.indexOf('accept'))).toBe('A' + INFERRED_MARK);
    expect(cellLabel(m, 1, 0, KINDS.indexOf('reject'))).toBe('R');
    expect(cellLabel(m, 0, 1, KINDS.indexOf('accept'))).toBe('A');
    expect(inferredCount(m)).toBe(1);
  });
});
