import { describe, expect, it } from 'vitest';
import { makeFacts, makeFrames, withFrames } from '../testing/make-facts.js';
import { runRule } from '../testing/run-rule.js';

describe('video.flash', () => {
  it('fails a flash frame, with its time and how bright it was', () => {
    const [finding] = runRule('video.flash', withFrames(makeFrames(6, { yMean: [100, 100, 100, 200, 100, 100] })));
    expect(finding).toMatchObject({ status: 'fail', measured: 1, at: [{ start: 0.12, end: 0.16 }] });
    expect(finding!.message).toContain('0:00.1 (1 bright frame, 100 levels)');
  });
  it('passes steady pictures, and takes its thresholds from the profile', () => {
    expect(runRule('video.flash', withFrames(makeFrames(6)))[0]!.status).toBe('pass');
    expect(runRule('video.flash', withFrames(makeFrames(6, { yMean: [100, 100, 100, 115, 100, 100] })), { minDelta: 10 })[0]!.status).toBe('fail');
  });
  it('skips without decoded pictures', () => {
    expect(runRule('video.flash', makeFacts())[0]!.status).toBe('skip');
  });
});
