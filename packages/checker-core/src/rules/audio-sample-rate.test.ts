import { describe, expect, it } from 'vitest';
import { makeFacts } from '../testing/make-facts.js';
import { runRule, textOf, verdictOf } from '../testing/run-rule.js';

describe('audio.sample-rate', () => {
  it.each([
    [48000, 'pass'],
    [44100, 'fail'],
    [96000, 'fail'],
  ] as const)('%i Hz → %s', (sampleRateHz, status) => {
    expect(verdictOf('audio.sample-rate', makeFacts({ audio: { sampleRateHz } }))).toBe(status);
  });
  it('says the rate in kHz and what to set', () => {
    const [finding] = runRule('audio.sample-rate', makeFacts({ audio: { sampleRateHz: 44100 } }));
    expect(finding).toMatchObject({ messageId: 'audio.sample-rate/wrong', params: { sampleRateHz: 44100, requiredHz: 48000 } });
    expect(textOf(finding!, 'zh')).toBe('音频采样率为 44.1 kHz，须为 48 kHz：导出时把采样率设为 48 kHz');
  });
});
