import { describe, expect, it } from 'vitest';
import { makeFacts, makeFrames, withFrames } from '../testing/make-facts.js';
import { runRule, textOf } from '../testing/run-rule.js';

describe('video.flash', () => {
  it('fails a flash frame, with its time and how bright it was', () => {
    const [finding] = runRule('video.flash', withFrames(makeFrames(6, { yMean: [100, 100, 100, 200, 100, 100] })));
    expect(finding).toMatchObject({ status: 'fail', measured: 1, at: [{ start: 0.12, end: 0.16 }] });
    expect(finding!.message).toContain('the first at 0:00.1 (1 bright frame, 100 levels)');
    expect(finding).toMatchObject({ messageId: 'video.flash/flashes', params: { count: 1, firstAtS: 0.12, firstFrames: 1, firstBrighter: true, firstDeltaLevels: 100 } });
    expect(textOf(finding!, 'zh')).toBe('有 1 处闪帧或画面跳变，第一处在 0:00.1（1 帧画面突然变亮，与前后相差 100 级）：在剪辑软件里删除或替换这一帧');
  });
  it('passes steady pictures, and takes its thresholds from the profile', () => {
    expect(runRule('video.flash', withFrames(makeFrames(6)))[0]!.status).toBe('pass');
    expect(runRule('video.flash', withFrames(makeFrames(6, { yMean: [100, 100, 100, 115, 100, 100] })), { minDelta: 10 })[0]!.status).toBe('fail');
  });
  it('skips without decoded pictures', () => {
    expect(runRule('video.flash', makeFacts())[0]!.status).toBe('skip');
  });
});
