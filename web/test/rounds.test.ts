import { describe, expect, it } from 'vitest';
import {
  adoptable, answeredStatus, answerRows, convergenceSeries, initialForm, nextVersionId, pointIssues, publishBody, redlineLines,
  responsesBody, type RoundDoc, type RoundHead,
} from '../src/shape/rounds';
import { SMALL } from './fixture';

const head = (round: number, version: string, extra: Partial<RoundHead> = {}): RoundHead => ({
  round, version, status: 'closed', parties: ['A', 'B'], answered: ['A'], not_answered: ['B'], published_version: null, ...extra,
});

describe('answerRows', () => {
  const doc: RoundDoc = {
    ...head(1, 'd1'), revision: 4,
    responses: {
      A: { P1: { stance: 'reject', note: 'too far', amendment: 'use OLD' }, P2: { stance: 'accept' }, P3: { stance: 'no_answer' } },
      B: { P1: { stance: 'accept' } },
    },
  };
  it('lists the circulated points with every visible answer, silence as null', () => {
    const rows = answerRows(SMALL, doc);
    expect(rows.map((r) => r.id)).toEqual(['P1', 'P2', 'P3', 'P4']);
    expect(rows[0].answers.A).toMatchObject({ stance: 'reject', note: 'too far', amendment: 'use OLD' });
    expect(rows[0].answers.B).toMatchObject({ stance: 'accept' });
    expect(rows[2].answers.A).toBeNull();  // no_answer without a note
    expect(rows[3].answers).toEqual({ A: null, B: null });
  });
  it('shows only the parties whose answers the server sent (a party: its own)', () => {
    const own = answerRows(SMALL, { ...doc, responses: { A: doc.responses!.A } });
    expect(Object.keys(own[0].answers)).toEqual(['A']);
    expect(Object.keys(answerRows(SMALL, { ...doc, responses: undefined })[0].answers)).toEqual([]);
  });
});

describe('answeredStatus', () => {
  it('says who has answered, in the addressed order, and nothing else', () => {
    expect(answeredStatus(head(1, 'd1'))).toEqual([{ party: 'A', answered: true }, { party: 'B', answered: false }]);
  });
});

describe('convergenceSeries', () => {
  const c = (accepted: number, blockedA: string[], sum: number | null, near = false) => ({
    points: 4, accepted_by_all: accepted, addressed: 2, answered: 2, blocked_by: { A: blockedA, B: ['P1'] }, conditional_by: { A: [], B: [] },
    near_final: near, shortfall: { sum, parties: ['A', 'B'], red_line_crossed: sum === null ? ['B'] : [], exact: true },
  });
  it('orders rounds, counts points blocked per party, keeps a missing shortfall as null', () => {
    const s = convergenceSeries([head(2, 'd2', { convergence: c(3, [], null, true) }), head(1, 'd1', { convergence: c(1, ['P1', 'P2'], 0.25) }),
      head(3, 'd3')]);  // a round without convergence (not the mediator's view) is left out
    expect(s.labels).toEqual(['1 (d1)', '2 (d2)']);
    expect(s.acceptedByAll).toEqual([1, 3]);
    expect(s.blockedBy).toEqual({ A: [2, 0], B: [1, 1] });
    expect(s.shortfall).toEqual([0.25, null]);
    expect(s.redLineCrossed).toEqual([[], ['B']]);
    expect(s.nearFinal).toEqual([false, true]);
  });
  it('is empty for a party or observer (no convergence sent)', () => {
    expect(convergenceSeries([head(1, 'd1')]).labels).toEqual([]);
  });
});

describe('the answer form', () => {
  it('names the issues a point sets or touches', () => {
    const v = SMALL.framework!.versions![0];
    expect(pointIssues(SMALL, v, 'P1').map((i) => i.id)).toEqual(['border']);
    expect(pointIssues(SMALL, v, 'P3')).toEqual([]);
  });
  it('starts from the stored answers, else no answer', () => {
    const f = initialForm(['P1', 'P2'], { P1: { stance: 'conditional', note: 'n', acceptable: { troops: [30, 60] } } });
    expect(f.P1).toEqual({ stance: 'conditional', note: 'n', amendment: '', acceptable: { troops: '30, 60' } });
    expect(f.P2.stance).toBe('no_answer');
  });
  it('builds the PUT body: numbers for numeric issues, option ids otherwise, empty fields dropped', () => {
    const body = responsesBody(SMALL, {
      P1: { stance: 'reject', note: ' no ', amendment: '', acceptable: { border: 'OLD, NOW', troops: '' } },
      P2: { stance: 'conditional', note: '', amendment: 'raise it', acceptable: { troops: '60,90' } },
    }, 7);
    expect(body).toEqual({ revision: 7, responses: {
      P1: { stance: 'reject', note: 'no', amendment: '', acceptable: { border: ['OLD', 'NOW'] } },
      P2: { stance: 'conditional', note: '', amendment: 'raise it', acceptable: { troops: [60, 90] } },
    } });
  });
  it('refuses a value that is not a number, naming the point and issue', () => {
    expect(() => responsesBody(SMALL, { P2: { stance: 'accept', note: '', amendment: '', acceptable: { troops: 'lots' } } }, 1))
      .toThrow(/P2: "lots" is not a number for troops/);
  });
});

describe('publishing', () => {
  it('proposes the next free v-number, or a free id that is not taken', () => {
    const geneva = { ...SMALL, framework: { versions: [{ id: 'v28' }, { id: 'v19' }, { id: 'v20' }] } };
    expect(nextVersionId(geneva, 'v20')).toBe('v21');
    expect(nextVersionId(geneva, 'v19')).toBe('v21');
    expect(nextVersionId(SMALL, 'd3')).toBe('d3-next');
    expect(nextVersionId({ ...SMALL, framework: { versions: [{ id: 'd3' }, { id: 'd3-next' }] } }, 'd3')).toBe('d3-next2');
  });
  it('adopts edits, not brackets, and sends the indices in order', () => {
    expect(adoptable({ kind: 'bracket', sentence: '' })).toBe(false);
    expect(adoptable({ kind: 'pareto_repair', sentence: '' })).toBe(true);
    expect(publishBody(5, 'v21', new Set([3, 0]))).toEqual({ revision: 5, version: 'v21', adopt: [0, 3] });
  });
});

describe('redlineLines', () => {
  it('labels split parts and counts the words', () => {
    const l = redlineLines([{ from: 'P1', to: 'Q1', inserted: 1, deleted: 2, exact: true, split: true,
      pieces: [{ op: 'equal', text: 'a' }, { op: 'delete', text: 'b c' }, { op: 'insert', text: 'd' }] }]);
    expect(l[0].label).toBe('P1 → Q1 (part of a split)');
    expect(l[0].counts).toBe('2 words deleted, 1 inserted');
    expect(l[0].segments).toHaveLength(3);
  });
});
