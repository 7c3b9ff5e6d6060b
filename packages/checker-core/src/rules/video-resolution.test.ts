import { describe, expect, it } from 'vitest';
import { makeFacts } from '../testing/make-facts.js';
import { runRule, textOf, verdictOf } from '../testing/run-rule.js';

describe('video.resolution', () => {
  it('judges the displayed shorter side', () => {
    expect(verdictOf('video.resolution', makeFacts({ video: { displayWidth: 1280, displayHeight: 720 } }))).toBe('pass');
    expect(verdictOf('video.resolution', makeFacts({ video: { displayWidth: 1280, displayHeight: 719 } }))).toBe('fail');
  });
  it('says how the stored picture became the displayed one', () => {
    const facts = makeFacts({ video: { codedWidth: 1920, codedHeight: 1080, rotationDeg: 90, displayWidth: 1080, displayHeight: 1920 } });
    const [finding] = runRule('video.resolution', facts);
    expect(finding!.status).toBe('pass');
    expect(finding!.message).toBe('displayed 1080×1920 (stored 1920×1080; rotated 90°)');
    expect(textOf(finding!, 'zh')).toBe('画面尺寸 1080×1920（文件中存储为 1920×1080；旋转 90°）');
  });
  it('says what to do below 720p', () => {
    const [finding] = runRule('video.resolution', makeFacts({ video: { displayWidth: 1280, displayHeight: 719 } }));
    expect(finding).toMatchObject({ messageId: 'video.resolution/too-small', params: { width: 1280, height: 719, minShortSidePx: 720, stored: null } });
    expect(textOf(finding!, 'zh')).toBe('画面尺寸 1280×719，低于 720P：请以 720P 或更高的分辨率（如 1920×1080）重新导出');
  });
});
