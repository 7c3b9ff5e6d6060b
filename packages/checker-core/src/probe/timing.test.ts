import { describe, expect, it } from 'vitest';
import { analyzeVideoTiming, mostCommonPositive } from './timing.js';

/** Presentation times of `count` frames `step` ticks apart, in decode order = presentation order. */
const evenly = (count: number, step: number) => Array.from({ length: count }, (_, i) => i * step);

describe('analyzeVideoTiming', () => {
  it('finds 25 fps in a 1/12800 time base', () => {
    const pts = evenly(100, 512);
    const timing = analyzeVideoTiming(pts, pts, 1 / 12800);
    expect(timing.nominalFps).toBe(25);
    expect(timing.irregularFrameCount + timing.droppedFrameCount + timing.duplicateFrameCount).toBe(0);
  });

  it('recovers 29.97 fps from a 1 ms time base that rounds to 33 and 34 ms', () => {
    const pts = Array.from({ length: 300 }, (_, i) => Math.round((i * 1001) / 30));
    const timing = analyzeVideoTiming(pts, pts, 1 / 1000);
    expect(timing.irregularFrameCount).toBe(0);
    expect(timing.nominalFps).toBeCloseTo(30000 / 1001, 2);
  });

  it('counts a gap of whole frames as dropped frames, with its time', () => {
    const pts = evenly(50, 512).filter((_, i) => i !== 20 && i !== 21);
    const timing = analyzeVideoTiming(pts, pts, 1 / 12800);
    expect(timing.droppedFrameCount).toBe(2);
    expect(timing.droppedFrames).toEqual([{ atS: 22 * 0.04, intervalS: 0.12, missingFrames: 2 }]);
    expect(timing.irregularFrameCount).toBe(0);
  });

  it('flags durations that are not whole multiples as a variable rate', () => {
    const pts = [...evenly(50, 512), 50 * 512 + 100, ...evenly(20, 512).map((t) => t + 51 * 512 + 100)];
    const timing = analyzeVideoTiming(pts, pts, 1 / 12800);
    expect(timing.irregularFrameCount).toBe(1);
    expect(timing.irregularFrames[0]!.atS).toBeCloseTo((50 * 512 + 100) / 12800, 9);
    expect(timing.nominalFps).toBe(25);
  });

  it('reads B-frame reordering as normal but repeated decode times as out of order', () => {
    // I P B B P B B …: presentation order differs from decode order, decode times increase.
    const pts = [0, 3, 1, 2, 6, 4, 5].map((i) => i * 512);
    const dts = [-1, 0, 1, 2, 3, 4, 5].map((i) => i * 512);
    expect(analyzeVideoTiming(pts, dts, 1 / 12800).outOfOrderFrameCount).toBe(0);
    const swapped = [-1, 0, 2, 1, 3, 4, 5].map((i) => i * 512);
    expect(analyzeVideoTiming(pts, swapped, 1 / 12800).outOfOrderFrameCount).toBe(1);
  });

  it('counts frames sharing a timestamp as duplicates', () => {
    const pts = [0, 512, 1024, 1024, 1536];
    expect(analyzeVideoTiming(pts, [0, 1, 2, 3, 4], 1 / 12800).duplicateFrameCount).toBe(1);
  });

  it('takes the longer duration on a tie', () => {
    expect(mostCommonPositive([400, 400, 512, 512, 0, 0, 0])).toBe(512);
  });
});
