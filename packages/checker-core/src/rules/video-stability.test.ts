import { describe, expect, it } from 'vitest';
import { makeFacts, makeFrames, makeTiming, withFrames } from '../testing/make-facts.js';
import { runRule, textOf, verdictOf } from '../testing/run-rule.js';

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
    expect(finding!.message).toBe('2 dropped frames in timestamp gaps (first at 0:04.1); 1 frame shares a timestamp with another (first at 0:07)');
    expect(finding!.params.problems).toEqual([
      { messageId: 'video.stability/dropped', params: { count: 2, firstAtS: 4.12 } },
      { messageId: 'video.stability/duplicate', params: { count: 1, firstAtS: 7 } },
    ]);
    expect(textOf(finding!, 'zh')).toBe(
      '画面不连贯：丢了 2 帧（第一处在 0:04.1）；1 帧与别的帧时间戳相同（第一处在 0:07）。请用原始素材以恒定帧率重新导出；录屏时关掉其他占用电脑的程序',
    );
    expect(finding!.at).toEqual([
      { start: 4, end: 4.12 },
      { start: 7, end: 7 },
    ]);
  });
});
