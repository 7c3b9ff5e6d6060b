import { describe, expect, it } from 'vitest';
import { makeFacts, makeTiming } from '../testing/make-facts.js';
import { runRule, textOf, verdictOf } from '../testing/run-rule.js';

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
    expect(finding).toMatchObject({ messageId: 'video.frame-rate/variable', params: { irregular: 3, frames: 15000, fps: 25, firstAtS: 10.013 } });
    expect(textOf(finding!, 'zh')).toBe('帧率不恒定：15000 帧中有 3 帧的时长不是 25 fps 的整数倍，第一处在 0:10：导出时选择恒定帧率（CFR）');
    expect(finding!.at).toEqual([{ start: 9.96, end: 10.013 }]);
  });

  it('says the rate, the allowed ones and the one to export at, in plain words', () => {
    const [finding] = runRule('video.frame-rate', atFps(30));
    expect(finding).toMatchObject({ messageId: 'video.frame-rate/not-allowed', params: { fps: 30, allowedFps: [25, 29.97], suggestedFps: 29.97 } });
    expect(finding!.message).toBe('frame rate is 30 fps; must be 25 or 29.97 fps: set it to 29.97 fps when exporting');
    expect(textOf(finding!, 'zh')).toBe('帧率为 30 fps，须为 25 或 29.97 fps：导出时把帧率设为 29.97');
    expect(finding!.expected).toBe('25 or 29.97 fps, constant');
    expect(runRule('video.frame-rate', atFps(50))[0]!.params.suggestedFps).toBe(25);
  });

  it('does not treat dropped frames as a variable rate', () => {
    expect(verdictOf('video.frame-rate', atFps(25, { droppedFrameCount: 2 }))).toBe('pass');
  });
});
