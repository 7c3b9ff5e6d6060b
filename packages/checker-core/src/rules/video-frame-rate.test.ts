import { describe, expect, it } from 'vitest';
import { makeFacts, makeTiming } from '../testing/make-facts.js';
import { runRule, verdictOf } from '../testing/run-rule.js';

const atFps = (nominalFps: number, extra = {}) => makeFacts({ video: { timing: makeTiming({ nominalFps, nominalFrameDurationS: 1 / nominalFps, ...extra }) } });

describe('video.frame-rate', () => {
  it.each([
    [25, 'pass'],
    [30000 / 1001, 'pass'],
    [29.97, 'pass'],
    [29.97002997, 'pass'],
    [29.98, 'pass'], // within ±0.01 of 29.97003
    [29.981, 'fail'],
    [30, 'fail'],
    [24, 'fail'],
    [50, 'fail'],
  ])('%s fps → %s', (fps, status) => {
    expect(verdictOf('video.frame-rate', atFps(fps))).toBe(status);
  });

  it('fails a variable rate even at a nominal 25 fps, with where it varies', () => {
    const facts = atFps(25, { irregularFrameCount: 3, irregularFrames: [{ atS: 10.013, intervalS: 0.053 }] });
    const [finding] = runRule('video.frame-rate', facts);
    expect(finding!.status).toBe('fail');
    expect(finding!.message).toMatch(/variable frame rate: 3 of/);
    expect(finding!.at).toEqual([{ start: 9.96, end: 10.013 }]);
  });

  it('does not treat dropped frames as a variable rate', () => {
    expect(verdictOf('video.frame-rate', atFps(25, { droppedFrameCount: 2 }))).toBe('pass');
  });
});
