import { describe, expect, it } from 'vitest';
import { makeFacts, makeTiming } from '../testing/make-facts.js';
import { runRule, verdictOf } from '../testing/run-rule.js';

describe('video.stability', () => {
  it('passes evenly timed frames', () => {
    expect(verdictOf('video.stability', makeFacts())).toBe('pass');
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
    expect(finding!.measured).toEqual({ droppedFrames: 2, duplicateFrames: 1, outOfOrderFrames: 0 });
    expect(finding!.message).toContain('2 dropped frame(s)');
    expect(finding!.at).toEqual([
      { start: 4, end: 4.12 },
      { start: 7, end: 7 },
    ]);
  });
});
