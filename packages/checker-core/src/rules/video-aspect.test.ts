import { describe, expect, it } from 'vitest';
import { makeFacts } from '../testing/make-facts.js';
import { runRule, textOf, verdictOf } from '../testing/run-rule.js';

const aspect = (displayWidth: number, displayHeight: number) => verdictOf('video.aspect', makeFacts({ video: { displayWidth, displayHeight } }));

describe('video.aspect', () => {
  it.each([
    [1920, 1080, 'pass'],
    [1440, 1080, 'pass'],
    [1280, 720, 'pass'],
    [1920, 1090, 'pass'], // 1.761: within 1 % of 16:9
    [1920, 800, 'warn'], // 2.4:1 cinema
    [1080, 1080, 'fail'],
    [1080, 1920, 'fail'],
  ] as const)('%i×%i → %s', (w, h, status) => {
    expect(aspect(w, h)).toBe(status);
  });
  it('names the shape in words', () => {
    const [finding] = runRule('video.aspect', makeFacts({ video: { displayWidth: 1080, displayHeight: 1920 } }));
    expect(finding).toMatchObject({ messageId: 'video.aspect/not-landscape', params: { shape: 'portrait', width: 1080, height: 1920 } });
    expect(textOf(finding!, 'zh')).toBe('画面是竖屏（1080×1920）：课程须为横屏，请按 16:9 或 4:3 横屏重新制作');
  });
});
