import { describe, expect, it } from 'vitest';
import { ClippingDetector } from './clipping.js';

function detect(samples: number[], channels = 1) {
  const detector = new ClippingDetector(1000, channels);
  detector.push(Float32Array.from(samples), samples.length / channels);
  return detector.finish();
}

describe('ClippingDetector', () => {
  it('counts a run of 3 samples at full scale, not a run of 2', () => {
    expect(detect([0, 0.9995, 1, 0.9991, 0]).clippedRuns).toBe(1);
    expect(detect([0, 1, 1, 0, 1, 0]).clippedRuns).toBe(0);
  });

  it('counts float overshoot above 0 dBFS even in a single sample, and gives its time', () => {
    const result = detect([...new Array(500).fill(0), 1.02, 0]);
    expect(result.overshootSamples).toBe(1);
    expect(result.peakDbfs).toBeCloseTo(20 * Math.log10(1.02), 3);
    expect(result.ranges[0]!.start).toBe(0.5);
  });

  it('keeps runs per channel: alternating channels at full scale are not a run', () => {
    expect(detect([1, 0, 0, 1, 1, 0, 0, 1], 2).clippedRuns).toBe(0);
  });

  it('merges events closer than 0.1 s into one place', () => {
    const samples = new Array(1000).fill(0);
    samples[100] = samples[150] = samples[600] = 1.5;
    const result = detect(samples);
    expect(result.ranges).toHaveLength(2);
    expect(result.rangeCount).toBe(2);
  });
});
