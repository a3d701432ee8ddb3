import { describe, expect, it } from 'vitest';
import { contribution, issueValues, packageUtility, paretoFrontier2 } from '../src/shape/frontier';
import { SMALL } from './fixture';

// Brute force: every package, keep those no other weakly dominates.
function bruteForce(a: string, b: string): [number, number][] {
  const issues = SMALL.issues!;
  let pkgs: Record<string, string | number>[] = [{}];
  for (const issue of issues) pkgs = pkgs.flatMap((p) => issueValues(issue).map((x) => ({ ...p, [issue.id]: x })));
  const pts = pkgs.map((p) => [packageUtility(SMALL, a, p), packageUtility(SMALL, b, p)] as [number, number]);
  const dominated = (p: [number, number]) => pts.some((q) => q[0] >= p[0] && q[1] >= p[1] && (q[0] > p[0] || q[1] > p[1]));
  const keep = pts.filter((p) => !dominated(p)).map((p) => [Math.round(p[0] * 1e6) / 1e6, Math.round(p[1] * 1e6) / 1e6] as [number, number]);
  return [...new Map(keep.map((p) => [p.join(), p])).values()].sort((p, q) => q[0] - p[0]);
}

describe('frontier shaping', () => {
  it('lists grid values of a numeric issue, with max when the step does not divide the range', () => {
    expect(issueValues(SMALL.issues![1])).toEqual([0, 30, 60, 90, 100]);
    expect(issueValues(SMALL.issues![0])).toEqual(['OLD', 'NOW', 'NEW']);
  });

  it('computes w·v for options and piecewise-linear curves, unwrapping {value} fields', () => {
    expect(contribution(SMALL.preferences!.A, SMALL.issues![0], 'NOW')).toBeCloseTo(0.25);
    expect(contribution(SMALL.preferences!.A, SMALL.issues![1], 30)).toBeCloseTo(0.15);
    expect(contribution(SMALL.preferences!.B, SMALL.issues![1], 100)).toBeCloseTo(0);
    expect(contribution(undefined, SMALL.issues![1], 100)).toBe(0);
  });

  it('equals the brute-force Pareto frontier, each point with a package that has its utilities', () => {
    const f = paretoFrontier2(SMALL, 'A', 'B');
    expect(f.map((p) => p.u)).toEqual(bruteForce('A', 'B'));
    for (const p of f) {
      expect(packageUtility(SMALL, 'A', p.pkg)).toBeCloseTo(p.u[0], 6);
      expect(packageUtility(SMALL, 'B', p.pkg)).toBeCloseTo(p.u[1], 6);
    }
  });
});
