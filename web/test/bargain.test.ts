import { describe, expect, it } from 'vitest';
import type { BargainFull } from '../src/model';
import { draftCompletions, packageMarkers } from '../src/shape/bargain';

// The parts of a bargain result (schema 3) the chart's markers are shaped from.
function result(markers: BargainFull['pair'] extends infer P ? P extends { markers: infer M } ? M : never : never) {
  return {
    parties: ['A', 'B', 'C'],
    draft: { version: 'v2', package: { i1: 'x' }, utilities: [{ min: 0.2, max: 0.8 }, { min: 0.1, max: 0.5 }, { min: 0.4, max: 0.6 }] },
    pair: { parties: ['C', 'A'] as [string, string], reservations: [0.3, 0.3] as [number, number], frontier: { points: [] } as never, markers },
  };
}

describe('draftCompletions', () => {
  it('draws the draft at its worst and best completions, never the midpoint', () => {
    const d = draftCompletions(result([
      { key: 'nash', label: 'Nash', utilities: [0.5, 0.5] },
      { key: 'draft', label: 'draft v2', utilities: [0.4, 0.2], best: [0.6, 0.8] },
    ]));
    expect(d).toEqual({ label: 'draft v2', worst: [0.4, 0.2], best: [0.6, 0.8], point: false });
    expect(d!.worst).not.toEqual([0.5, 0.5]);
  });

  it('falls back to the draft utility ranges of the two parties shown (older results)', () => {
    const d = draftCompletions(result([{ key: 'draft', label: 'draft', utilities: [0.5, 0.5] }]));
    expect(d).toEqual({ label: 'draft', worst: [0.4, 0.2], best: [0.6, 0.8], point: false });
  });

  it('is one point when the draft settles every issue', () => {
    const d = draftCompletions(result([{ key: 'draft', label: 'draft', utilities: [0.4, 0.2], best: [0.4, 0.2] }]));
    expect(d?.point).toBe(true);
  });

  it('leaves the draft out of the package markers', () => {
    const r = result([{ key: 'nash', label: 'Nash', utilities: [0.5, 0.5] }, { key: 'draft', label: 'd', utilities: [0, 0], best: [1, 1] }]);
    expect(packageMarkers(r).map((m) => m.key)).toEqual(['nash']);
  });
});
