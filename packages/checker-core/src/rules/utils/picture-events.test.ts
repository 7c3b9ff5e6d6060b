import { describe, expect, it } from 'vitest';
import { makeFrames } from '../../testing/make-facts.js';
import { castDirection, castOver, detectBlack, detectCadenceRepeats, detectFlashes, detectFrozenFrames, shotStarts } from './picture-events.js';

const luma = (values: number[]) => makeFrames(values.length, { yMean: values });

describe('detectFlashes', () => {
  it('finds one bright frame between agreeing neighbours, with its time', () => {
    expect(detectFlashes(luma([100, 100, 100, 200, 101, 100]))).toEqual([{ start: 0.12, end: 0.16, frames: 1, deltaCodeValues: 99, brighter: true }]);
  });
  it('finds two dark frames', () => {
    expect(detectFlashes(luma([100, 100, 10, 12, 100, 100]))).toMatchObject([{ start: 0.08, end: 0.16, frames: 2, brighter: false }]);
  });
  it('ignores a cut (the picture changes and stays) and a gradual fade', () => {
    expect(detectFlashes(luma([100, 100, 200, 200, 200]))).toEqual([]);
    expect(detectFlashes(luma([100, 90, 80, 70, 60, 50]))).toEqual([]);
  });
  it('sees a chroma-only flash too', () => {
    expect(detectFlashes(makeFrames(5, { uMean: [128, 128, 170, 128, 128] }))).toHaveLength(1);
  });
});

describe('detectBlack', () => {
  it('finds runs at or under the luma limit that last long enough', () => {
    const values = [...new Array(10).fill(100), ...new Array(30).fill(15), ...new Array(10).fill(100)];
    expect(detectBlack(luma(values))).toEqual([{ start: 0.4, end: 1.6 }]);
    expect(detectBlack(luma(values), { minDurationS: 2 })).toEqual([]);
  });
});

describe('shots and casts', () => {
  it('starts a shot where the histogram distance jumps', () => {
    expect(shotStarts(makeFrames(6, { cut: [0, 0.01, 0.6, 0.02, 0.5, 0] }))).toEqual([0, 2, 4]);
  });
  it('weights the cast by how much of each frame is near-neutral', () => {
    const frames = makeFrames(2, { neutralShare: [0.5, 0.1], neutralU: [10, -10], neutralV: [0, 0] });
    expect(castOver(frames, 0, 2).u).toBeCloseTo((0.5 * 10 - 0.1 * 10) / 0.6, 6);
  });
  it.each([
    [15, -2, 'blue'],
    [-15, 2, 'yellow'],
    [-3, 15, 'red'],
    [-8, -10, 'green'],
    [5, -15, 'cyan'],
    [8, 10, 'magenta'],
  ])('names the direction of Cb %i, Cr %i: %s', (u, v, name) => {
    expect(castDirection(u, v)).toBe(name);
  });
});

describe('detectFrozenFrames', () => {
  it('finds a repeated frame inside motion, never in a still picture', () => {
    expect(detectFrozenFrames(makeFrames(6, { diff: [0, 3, 3, 0.01, 3, 3] }))).toEqual([3]);
    expect(detectFrozenFrames(makeFrames(6, { diff: [0, 0, 0, 0, 0, 0] }))).toEqual([]);
    expect(detectFrozenFrames(makeFrames(6, { diff: [0, 0.2, 0.1, 0.01, 0.2, 0.1] }))).toEqual([]);
  });
});

describe('detectCadenceRepeats', () => {
  /** Subtle motion (a small picture-in-picture) with a repeat every `every` frames. */
  const subtle = (count: number, every: number, offset = 3) =>
    makeFrames(count, { diff: Array.from({ length: count }, (_, i) => (i === 0 ? 0 : (i - offset) % every === 0 ? 0 : 0.06)) });
  it('finds a repeat every 5th frame (20 → 25 fps) in motion too small for the frozen-frame test', () => {
    const frames = subtle(60, 5);
    expect(detectFrozenFrames(frames)).toEqual([]);
    expect(detectCadenceRepeats(frames)).toEqual([3, 8, 13, 18, 23, 28, 33, 38, 43, 48, 53, 58]);
  });
  it('finds one repeat a second at 25 fps (24 → 25), intervals of 24 to 26 frames', () => {
    const diff = Array.from({ length: 130 }, (_, i) => ([12, 37, 61, 86, 111].includes(i) ? 0 : 1.4));
    expect(detectCadenceRepeats(makeFrames(130, { diff }))).toEqual([12, 37, 61, 86, 111]);
  });
  it('finds the repeats of a small inset by its blocks, where the mean over the picture moves a hundredth of a level', () => {
    const count = 60;
    const repeat = (i: number) => i > 0 && (i - 3) % 5 === 0;
    const diff = Array.from({ length: count }, (_, i) => (i === 0 || repeat(i) ? 0 : 0.012));
    const blockDiffMax = Array.from({ length: count }, (_, i) => (i === 0 ? 0 : repeat(i) ? 0.03 : 2.4));
    expect(detectCadenceRepeats(makeFrames(count, { diff }))).toEqual([]);
    expect(detectCadenceRepeats(makeFrames(count, { diff, blockDiffMax }))).toEqual([3, 8, 13, 18, 23, 28, 33, 38, 43, 48, 53, 58]);
  });
  it('does not take a frame for a repeat when the mean hardly changes but a block does (an inset that moves a pixel)', () => {
    const count = 60;
    const diff = Array.from({ length: count }, (_, i) => (i === 0 ? 0 : i % 2 === 1 ? 0.002 : 0.12));
    const blockDiffMax = Array.from({ length: count }, (_, i) => (i === 0 ? 0 : i % 2 === 1 ? 1.2 : 4.2));
    expect(detectCadenceRepeats(makeFrames(count, { diff }))).not.toEqual([]);
    expect(detectCadenceRepeats(makeFrames(count, { diff, blockDiffMax }))).toEqual([]);
  });
  it('leaves pauses at random alone (typing in a screen recording), and still pictures', () => {
    const pauses = [4, 9, 21, 24, 40, 47, 63, 70, 71, 90];
    const typing = Array.from({ length: 100 }, (_, i) => (pauses.includes(i) ? 0 : 0.05));
    expect(detectCadenceRepeats(makeFrames(100, { diff: typing }))).toEqual([]);
    expect(detectCadenceRepeats(makeFrames(100, { diff: new Array(100).fill(0) }))).toEqual([]);
    // A slow cursor: one pixel every 5th frame, still in between (a regular cadence, but of motion, not of repeats).
    const cursor = Array.from({ length: 100 }, (_, i) => (i % 5 === 0 ? 0.09 : 0));
    expect(detectCadenceRepeats(makeFrames(100, { diff: cursor }))).toEqual([]);
  });
});
