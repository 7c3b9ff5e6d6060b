import { describe, expect, it } from 'vitest';
import { makeFacts, makeFrames, makeTiming, withFrames } from '../testing/make-facts.js';
import { runRule, verdictOf } from '../testing/run-rule.js';

describe('video.stability', () => {
  it('passes evenly timed frames', () => {
    expect(verdictOf('video.stability', makeFacts())).toBe('pass');
  });
  it('adds frozen frames inside motion when the pictures were decoded, never a still picture', () => {
    const moving = makeFrames(6, { diff: [0, 3, 3, 0.01, 3, 3] });
    expect(runRule('video.stability', withFrames(moving))[0]).toMatchObject({ status: 'fail', measured: { frozenFrames: 1 }, at: [{ start: 0.12, end: 0.16 }] });
    expect(runRule('video.stability', withFrames(makeFrames(6)))[0]).toMatchObject({ status: 'pass', measured: { frozenFrames: 0 } });
  });
  it('fails dropped, duplicated and out-of-order frames, with times', () => {
    const timing = makeTiming({
      droppedFrameCount: 2,
      droppedFrames: [{ atS: 4.12, intervalS: 0.12, missingFrames: 2 }],
      duplicateFrameCount: 1,
      duplicateFrames: [{ atS: 7, intervalS: 0 }],
    });
    const [finding] = runRule('video.stability', makeFacts({ video: { timing } }));
    expect(finding!.status).toBe('fail');
    expect(finding!.measured).toEqual({ droppedFrames: 2, duplicateFrames: 1, outOfOrderFrames: 0, frozenFrames: null });
    expect(finding!.message).toContain('2 dropped frame(s)');
    expect(finding!.at).toEqual([
      { start: 4, end: 4.12 },
      { start: 7, end: 7 },
    ]);
  });
});
