import { describe, expect, it } from 'vitest';
import { describeTime, estimateRemainingS, formatDuration } from './eta.js';
import { cutToWidth } from './progress.js';

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

  it('reads in Chinese as 45秒, 2分05秒, 1小时02分', () => {
    expect([formatDuration(45, 'zh'), formatDuration(125, 'zh'), formatDuration(3720, 'zh')]).toEqual(['45秒', '2分05秒', '1小时02分']);
  });
});

describe('the progress line’s words', () => {
  it('the time elapsed, and the time left once it is known, in the locale', () => {
    expect(describeTime(65, 130)).toBe('1m05s, ~2m10s left');
    expect(describeTime(65, null)).toBe('1m05s');
    expect(describeTime(65, 130, 'zh')).toBe('已用 1分05秒，预计还要 2分10秒');
    expect(describeTime(65, null, 'zh')).toBe('已用 1分05秒');
  });

  it('is cut to the terminal’s columns, a Chinese character counting two', () => {
    expect(cutToWidth('[1/2] 1m05s', 20)).toBe('[1/2] 1m05s');
    expect(cutToWidth('abcdefghij', 8)).toBe('abcdefg…');
    // 6 columns of ASCII + 2 per Han character: 「已用 」 is 5 columns.
    expect(cutToWidth('[1/2] 已用 1分05秒', 30)).toBe('[1/2] 已用 1分05秒');
    expect(cutToWidth('[1/2] 已用 1分05秒，预计还要 2分10秒', 20)).toBe('[1/2] 已用 1分05秒…');
    const cut = cutToWidth('课程'.repeat(30), 21);
    expect(cut).toBe(`${'课程'.repeat(5)}…`);
  });
});
