import { describe, expect, it } from 'vitest';
import { makeFacts } from '../testing/make-facts.js';
import { runRule, textOf, verdictOf } from '../testing/run-rule.js';

describe('audio.channels', () => {
  it.each([
    [1, 'fail'],
    [2, 'pass'],
    [6, 'fail'],
  ] as const)('%i channel(s) → %s', (channels, status) => {
    expect(verdictOf('audio.channels', makeFacts({ audio: { channels } }))).toBe(status);
  });
  it('names mono in plain words', () => {
    const [finding] = runRule('audio.channels', makeFacts({ audio: { channels: 1, channelLayout: 'mono' } }));
    expect(finding).toMatchObject({ messageId: 'audio.channels/wrong', params: { channels: 1, layout: 'mono', required: 2 }, message: 'audio has 1 channel (mono); must be 2 (stereo)' });
    expect(textOf(finding!, 'zh')).toBe('音频为单声道（mono），须为双声道（立体声）：导出时把声道设为立体声');
  });
});
