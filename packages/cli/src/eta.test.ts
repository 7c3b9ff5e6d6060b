import { describe, expect, it } from 'vitest';
import { estimateRemainingS, formatDuration } from './eta.js';

describe('the batch ETA', () => {
  it('is unknown before anything is done or in the first second', () => {
    expect(estimateRemainingS({ total: 4, completedDurationsS: [], runningFractions: [0], elapsedS: 10 })).toBeNull();
    expect(estimateRemainingS({ total: 4, completedDurationsS: [60], runningFractions: [], elapsedS: 0.5 })).toBeNull();
  });

  it('counts files as units until a duration is known, with the running fractions', () => {
    // Half a file in 30 s: 3.5 units left → 210 s.
    expect(estimateRemainingS({ total: 4, completedDurationsS: [], runningFractions: [0.5], elapsedS: 30 })).toBeCloseTo(210);
    // 1 file done (no duration: a subtitle file) and half of another in 30 s: 1.5 units in 30 s; 2.5 units left → 50 s.
    expect(estimateRemainingS({ total: 4, completedDurationsS: [null], runningFractions: [0.5], elapsedS: 30 })).toBeCloseTo(50);
  });

  it('weighs work by media seconds: unfinished files count as the mean completed duration', () => {
    // Done: 400 + 800 s, and half of a file counted as the 600 s mean: 1500 media s in 60 s (25×).
    // Left: the other 300 s of it + 2 files not started × 600 s = 1500 media s → 60 s.
    expect(estimateRemainingS({ total: 5, completedDurationsS: [400, 800], runningFractions: [0.5], elapsedS: 60 })).toBeCloseTo(60);
    // Parallel jobs: two files at 50% each double the work done in the same time.
    const one = estimateRemainingS({ total: 4, completedDurationsS: [100], runningFractions: [0.5], elapsedS: 20 })!;
    const two = estimateRemainingS({ total: 4, completedDurationsS: [100], runningFractions: [0.5, 0.5], elapsedS: 20 })!;
    expect(two).toBeLessThan(one);
  });

  it('is 0 when nothing is left', () => {
    expect(estimateRemainingS({ total: 2, completedDurationsS: [10, 20], runningFractions: [], elapsedS: 5 })).toBe(0);
  });

  it('reads as 45s, 2m05s, 1h02m', () => {
    expect([formatDuration(45), formatDuration(125), formatDuration(3720)]).toEqual(['45s', '2m05s', '1h02m']);
  });
});
