import { describe, expect, it } from 'vitest';
import { findSharedPassages, sharedLengthS, type SoundPrint } from './shared-passages.js';

/** A 30 s head of 100 ms levels: `common` first, then each file's own. */
function head(common: number[], own: (i: number) => number): SoundPrint['head'] {
  const level = Float32Array.from({ length: 300 }, (_, i) => (i < common.length ? common[i]! : own(i)));
  return { level, loudness: level.map((v) => v + 1) };
}
const music = Array.from({ length: 70 }, (_, i) => -22 + 3 * Math.sin(i / 5));

describe('sharedLengthS', () => {
  it('finds how long two openings agree', () => {
    const a = head(music, (i) => -20 - (i % 7));
    const b = head(music, (i) => -35 + (i % 3) * 8);
    expect(sharedLengthS(a, b)).toBeCloseTo(7, 0);
  });
  it('ignores two silent openings and a coincidence under 2 s', () => {
    expect(sharedLengthS(head(new Array(70).fill(-120), (i) => -20 - (i % 5)), head(new Array(70).fill(-120), (i) => -40 + (i % 9)))).toBe(0);
    expect(sharedLengthS(head(music.slice(0, 15), (i) => -20 - (i % 7)), head(music.slice(0, 15), (i) => -40 + (i % 3) * 9))).toBe(0);
  });
});

describe('findSharedPassages', () => {
  it('matches files within a folder, never across folders', () => {
    const print = (own: (i: number) => number): SoundPrint => ({ head: head(music, own), tail: head([], own) });
    const files = [
      { index: 0, path: 'course/01.mp4', folder: 'course', print: print((i) => -20 - (i % 7)) },
      { index: 1, path: 'course/02.mp4', folder: 'course', print: print((i) => -38 + (i % 3) * 9) },
      { index: 2, path: 'other/01.mp4', folder: 'other', print: print((i) => -25 - (i % 4) * 5) },
    ];
    const found = findSharedPassages(files);
    expect(found.get(0)!.intro).toMatchObject({ sharedWith: 'course/02.mp4' });
    expect(found.get(0)!.intro!.durationS).toBeCloseTo(7, 0);
    expect(found.has(2)).toBe(false);
  });
});
