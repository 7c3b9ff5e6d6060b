import { describe, expect, it } from 'vitest';
import { makeFacts } from '../testing/make-facts.js';
import { runRule, textOf, verdictOf } from '../testing/run-rule.js';

describe('audio.present', () => {
  it('fails a silent file and passes one with audio', () => {
    expect(verdictOf('audio.present', makeFacts({ audio: null }))).toBe('fail');
    expect(verdictOf('audio.present', makeFacts())).toBe('pass');
    const [silent] = runRule('audio.present', makeFacts({ audio: null }));
    expect(silent).toMatchObject({ messageId: 'audio.present/none', message: 'no audio stream: the lesson is silent' });
    expect(textOf(silent!, 'zh')).toBe('没有音轨，课程没有声音：导出时请带上音频');
  });
  it('makes the other audio rules skip rather than pile on', () => {
    const [skipped] = runRule('audio.codec', makeFacts({ audio: null }));
    expect(skipped).toMatchObject({ status: 'skip', messageId: 'skip/no-audio' });
    expect(textOf(skipped!, 'zh')).toBe('没有音轨，此项不适用');
  });
});
