import { describe, expect, it } from 'vitest';
import { makeFacts } from '../testing/make-facts.js';
import { runRule, textOf, verdictOf } from '../testing/run-rule.js';

describe('audio.codec', () => {
  it.each([
    ['aac', 'pass'],
    ['mp3', 'fail'],
    ['pcm_s16le', 'fail'],
  ] as const)('%s → %s', (codec, status) => {
    expect(verdictOf('audio.codec', makeFacts({ audio: { codec } }))).toBe(status);
  });
  it('names the codec and what to do', () => {
    const [finding] = runRule('audio.codec', makeFacts({ audio: { codec: 'mp3', profile: null } }));
    expect(finding).toMatchObject({ messageId: 'audio.codec/not-aac', params: { codec: 'mp3', profile: null }, message: 'audio codec is mp3; re-encode as AAC' });
    expect(textOf(finding!, 'zh')).toBe('音频编码为 mp3，不是 AAC：导出时音频编码选择 AAC');
  });
});
