import { describe, expect, it } from 'vitest';
import { chooseCuts, type CutRequest } from './boundaries.js';

const base: Omit<CutRequest, 'evidence'> = { startS: 0, endS: 960, minPartS: 301, maxPartS: 899 };
/** Narration: 0.8 s pauses every 3.3 s, as the test voice speaks. */
const pauses = (fromS: number, toS: number) => {
  const out = [];
  for (let t = fromS + 2.5; t + 0.8 < toS; t += 3.3) out.push({ startS: t, endS: t + 0.8 });
  return out;
};

describe('chooseCuts', () => {
  it('needs no cut for a lesson within the longest part', () => {
    expect(chooseCuts({ ...base, endS: 899, evidence: { blacks: [], silences: [], sceneChangesS: [] } })).toEqual([]);
  });

  it('cuts a 16-minute lesson once, at the black and silent gap between slides, not at a pause in a sentence', () => {
    const evidence = {
      blacks: [{ startS: 330, endS: 332 }, { startS: 650, endS: 652 }],
      silences: [...pauses(0, 330), { startS: 330, endS: 332 }, ...pauses(332, 650), { startS: 650, endS: 652 }, ...pauses(652, 960)],
      sceneChangesS: [330, 332, 650, 652],
    };
    const cuts = chooseCuts({ ...base, evidence });
    expect(cuts).toHaveLength(1);
    // Both gaps fit (332 + 628 s, or 652 + 308 s); the one that gives more even parts wins.
    expect(cuts[0]).toMatchObject({ atS: 332, natural: true });
    expect(cuts[0]!.kinds).toEqual(['black', 'scene', 'silence']);
  });

  it('makes as few parts as it can, each between the shortest and the longest', () => {
    const silences = pauses(0, 2500);
    const cuts = chooseCuts({ ...base, endS: 2500, evidence: { blacks: [], silences, sceneChangesS: [] } });
    expect(cuts).toHaveLength(2);
    const edges = [0, ...cuts.map((c) => c.atS), 2500];
    for (let i = 1; i < edges.length; i++) {
      expect(edges[i]! - edges[i - 1]!).toBeGreaterThanOrEqual(301);
      expect(edges[i]! - edges[i - 1]!).toBeLessThanOrEqual(899);
    }
  });

  it('without any natural boundary, cuts into equal parts and says so', () => {
    const cuts = chooseCuts({ ...base, endS: 1000, evidence: { blacks: [], silences: [], sceneChangesS: [] } });
    expect(cuts).toEqual([{ atS: 500, kinds: [], score: 0, natural: false }]);
  });
});
