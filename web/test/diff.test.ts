import { describe, expect, it } from 'vitest';
import { diffVersions, similarity } from '../src/shape/diff';
import { SMALL } from './fixture';

describe('diffVersions', () => {
  it('classifies kept, amended, merged and dropped points between consecutive versions', () => {
    const d = diffVersions(SMALL, 'd1', 'd2');
    expect(d.counts).toEqual({ kept: 1, amended: 1, merged: 1, split: 0, dropped: 0, added: 0 });
    expect(d.entries.map((e) => [e.change, e.from.map((p) => p.id), e.to.map((p) => p.id)])).toEqual([
      ['kept', ['P1'], ['Q1']], ['amended', ['P2'], ['Q2']], ['merged', ['P3', 'P4'], ['Q3']]]);
  });

  it('finds splits, additions and drops', () => {
    const d = diffVersions(SMALL, 'd2', 'd3');
    expect(d.counts).toEqual({ kept: 1, amended: 0, merged: 0, split: 1, dropped: 1, added: 1 });
    expect(d.entries.find((e) => e.change === 'split')!.to.map((p) => p.id)).toEqual(['R2', 'R3']);
    expect(d.entries.find((e) => e.change === 'dropped')!.from.map((p) => p.id)).toEqual(['Q2']);
  });

  it('follows links back through intermediate versions, as accord diff does', () => {
    const d = diffVersions(SMALL, 'd1', 'd3');
    // R2 and R3 both come from P3+P4 through Q3: each is a merge of the two.
    expect(d.counts).toEqual({ kept: 1, amended: 0, merged: 2, split: 0, dropped: 1, added: 1 });
    expect(d.entries.find((e) => e.to.some((p) => p.id === 'R2'))!.from.map((p) => p.id)).toEqual(['P3', 'P4']);
  });

  it('lists a part of a split that also merges a second time, as merged', () => {
    const doc = { id: 'x', framework: { versions: [
      { id: 'a', points: [{ id: 'A1', text: 'one' }, { id: 'A2', text: 'two' }] },
      { id: 'b', points: [{ id: 'B1', text: 'x', from: ['A1'] }, { id: 'B2', text: 'y', from: ['A1', 'A2'] }] }] } };
    const d = diffVersions(doc, 'a', 'b');
    expect(d.entries.map((e) => [e.change, e.from.map((p) => p.id), e.to.map((p) => p.id)])).toEqual([
      ['split', ['A1'], ['B1', 'B2']], ['merged', ['A1', 'A2'], ['B2']]]);
  });

  it('matches by text when the later version has no links', () => {
    const doc = { id: 'x', framework: { versions: [
      { id: 'a', points: [{ id: 'A1', text: 'Ukraine keeps its army of 600000' }, { id: 'A2', text: 'Sanctions are lifted' }] },
      { id: 'b', points: [{ id: 'B1', text: 'Ukraine keeps its army of 800000' }, { id: 'B2', text: 'Elections soon' }] }] } };
    expect(diffVersions(doc, 'a', 'b').counts).toEqual({ kept: 0, amended: 1, merged: 0, split: 0, dropped: 1, added: 1 });
    expect(similarity('the army cap', 'army cap')).toBeCloseTo(2 / 3);  // words longer than two letters
  });

  it('rejects unknown versions', () => {
    expect(() => diffVersions(SMALL, 'd1', 'zz')).toThrow('unknown version zz');
  });
});
