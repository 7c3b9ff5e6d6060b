import { describe, expect, it } from 'vitest';
import { makeFacts } from '../testing/make-facts.js';
import { runRule, verdictOf } from '../testing/run-rule.js';

describe('video.resolution', () => {
  it('judges the displayed shorter side', () => {
    expect(verdictOf('video.resolution', makeFacts({ video: { displayWidth: 1280, displayHeight: 720 } }))).toBe('pass');
    expect(verdictOf('video.resolution', makeFacts({ video: { displayWidth: 1280, displayHeight: 719 } }))).toBe('fail');
  });
  it('says how the stored picture became the displayed one', () => {
    const facts = makeFacts({ video: { codedWidth: 1920, codedHeight: 1080, rotationDeg: 90, displayWidth: 1080, displayHeight: 1920 } });
    const [finding] = runRule('video.resolution', facts);
    expect(finding!.status).toBe('pass');
    expect(finding!.message).toContain('rotated 90°');
  });
});
