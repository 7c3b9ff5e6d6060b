import { describe, expect, it } from 'vitest';
import { FINE_HEIGHT, FINE_WIDTH, FRAME_BYTES, FrameMeter, PIXELS } from './frame-stats.js';

/**
 * A scene made of sines (so it can be sampled at any sub-pixel offset: the truth is exact)
 * seen through a window at (dx, dy) fine pixels, as the decoder delivers it: 128×72 luma, grey chroma.
 */
/** 40 waves of seeded random direction, wavelength (6 to 60 fine pixels) and phase: broadband. */
const WAVES = Array.from({ length: 40 }, (_, k) => {
  const random = (n: number) => {
    const r = Math.sin((k + 1) * 12.9898 + n * 78.233) * 43758.5453;
    return r - Math.floor(r);
  };
  const angle = 2 * Math.PI * random(1);
  const wavelength = 6 + 54 * random(2);
  const frequency = (2 * Math.PI) / wavelength;
  return [frequency * Math.cos(angle), frequency * Math.sin(angle), 2 * Math.PI * random(3), 6] as const;
});

function picture(dx: number, dy: number, inset?: { x: number; y: number; value: number }): Uint8Array {
  const frame = new Uint8Array(FRAME_BYTES).fill(128);
  for (let y = 0; y < FINE_HEIGHT; y++) {
    for (let x = 0; x < FINE_WIDTH; x++) {
      let v = 128;
      for (const [fx, fy, phase, amplitude] of WAVES) v += amplitude * Math.sin(fx * (x - dx) + fy * (y - dy) + phase);
      frame[y * FINE_WIDTH + x] = Math.round(v);
    }
  }
  if (inset) for (let y = inset.y; y < inset.y + 8; y++) for (let x = inset.x; x < inset.x + 8; x++) frame[y * FINE_WIDTH + x] = inset.value;
  return frame;
}

function measure(frames: Uint8Array[]) {
  const meter = new FrameMeter(frames.length);
  for (const frame of frames) meter.push(frame);
  return meter.finish(frames.map((_, i) => i * 0.04), 0.04);
}

describe('FrameMeter', () => {
  it('measures the global displacement, sub-pixel shifts included: RMS error under 0.06 fine pixels (0.05 % of the width), none over 0.1', () => {
    // Sub-pixel moves of both axes at once. Larger moves bias the other axis, as columns (rows) enter
    // and leave the half-pictures whose row (column) means are compared: up to 0.3 px at 2 px a frame
    // on this scene of few, strong waves, 0.03 % of the width RMS on a textured scene shaken by real
    // offsets (test/video-shake.test.ts); a steady pan's bias is steady, and the moving average takes it out.
    const offsets = [[0, 0], [0.3, 0], [0.9, -0.4], [0.4, 0.3], [1.2, 0.8], [1.2, 0.8]] as const;
    const stats = measure(offsets.map(([dx, dy]) => picture(dx, dy)));
    expect(Number.isNaN(stats.shiftXOfWidth[0]!)).toBe(true);
    const errors: number[] = [];
    for (let i = 1; i < offsets.length; i++) {
      const trueX = (offsets[i]![0] - offsets[i - 1]![0]) / FINE_WIDTH;
      const trueY = ((offsets[i]![1] - offsets[i - 1]![1]) / FINE_HEIGHT) * (9 / 16);
      // In fine pixels of the width (the vertical too: 72 rows of a 16:9 picture are 128 of its width's).
      errors.push((stats.shiftXOfWidth[i]! - trueX) * FINE_WIDTH, (stats.shiftYOfWidth[i]! - trueY) * FINE_WIDTH);
    }
    const rms = Math.sqrt(errors.reduce((sum, e) => sum + e * e, 0) / errors.length);
    expect(rms).toBeLessThan(0.06);
    for (const error of errors) expect(Math.abs(error)).toBeLessThan(0.1);
    // The last picture repeats the one before: nothing moved, nothing changed.
    expect([stats.shiftXOfWidth[5], stats.shiftYOfWidth[5], stats.diff[5], stats.blockDiffMax[5]]).toEqual([0, 0, 0, 0]);
    expect(stats.yMean[5]).toBe(stats.yMean[4]);
  });

  it('sees one 8×8 block change as its block mean, where the mean over the picture barely moves', () => {
    const still = picture(0, 0);
    const stats = measure([still, picture(0, 0, { x: 64, y: 40, value: 255 }), still]);
    const changed = picture(0, 0, { x: 64, y: 40, value: 255 });
    let blockChange = 0;
    for (let y = 40; y < 48; y++) for (let x = 64; x < 72; x++) blockChange += Math.abs(changed[y * FINE_WIDTH + x]! - still[y * FINE_WIDTH + x]!);
    expect(stats.blockDiffMax[1]).toBeCloseTo(blockChange / 64, 6);
    expect(stats.diff[1]).toBeLessThan(stats.blockDiffMax[1]! / 50);
    // A local change: the halves disagree, so no global displacement is claimed (or it is none).
    expect(Number.isNaN(stats.shiftXOfWidth[1]!) || Math.abs(stats.shiftXOfWidth[1]!) < 0.001).toBe(true);
  });

  it('takes the analysis luma as the 2×2 means of the fine luma', () => {
    const frame = new Uint8Array(FRAME_BYTES).fill(128);
    frame[0] = 10; frame[1] = 20; frame[FINE_WIDTH] = 30; frame[FINE_WIDTH + 1] = 41;
    const stats = measure([frame]);
    // Kept as float32 (7 significant digits): still 20 times finer than a quarter code value off in one pixel (1.1e-4).
    expect(stats.yMean[0]).toBeCloseTo((25 + 128 * (PIXELS - 1)) / PIXELS, 5);
  });
});
