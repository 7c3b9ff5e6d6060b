import { describe, expect, it } from 'vitest';
import { makeFacts } from '../testing/make-facts.js';
import { runRule, textOf } from '../testing/run-rule.js';

describe('video.duration', () => {
  it.each([
    [299.9, 'warn'],
    [300, 'pass'],
    [900, 'pass'],
    [900.1, 'warn'],
  ] as const)('%s s → %s, as a warning (never fail: its severity is warning)', (durationS, status) => {
    const [finding] = runRule('video.duration', makeFacts({ durationS }));
    expect(finding!.status).toBe(status);
    expect(finding!.severity).toBe('warning');
  });
  it('says how long the lesson is and what to do, in plain words', () => {
    const [finding] = runRule('video.duration', makeFacts({ durationS: 1000 }));
    expect(finding).toMatchObject({ messageId: 'video.duration/too-long', params: { durationS: 1000, minS: 300, maxS: 900 }, message: 'lesson lasts 16:40, longer than the preferred 15:00; consider splitting it' });
    expect(textOf(finding!, 'zh')).toBe('时长 16:40，长于建议的 15:00（每段视频以 5:00–15:00 为佳）：建议拆分成几段');
    expect(finding!.expected).toBe('300–900 s (5:00–15:00)');
  });
});
