import { describe, expect, it } from 'vitest';
import { makeFacts } from '../testing/make-facts.js';
import { runRule, textOf, verdictOf } from '../testing/run-rule.js';

describe('video.codec', () => {
  it('passes H.264 and fails anything else by name', () => {
    expect(verdictOf('video.codec', makeFacts())).toBe('pass');
    const [finding] = runRule('video.codec', makeFacts({ video: { codec: 'hevc', profile: 'Main' } }));
    expect(finding!.status).toBe('fail');
    expect(finding).toMatchObject({ messageId: 'video.codec/not-h264', params: { codec: 'hevc', profile: 'Main' }, message: 'video codec is hevc (Main); re-encode as H.264' });
    expect(textOf(finding!, 'zh')).toBe('视频编码为 hevc（Main），不是 H.264：导出时视频编码选择 H.264');
  });
  it('fails a file with no video stream', () => {
    expect(verdictOf('video.codec', makeFacts({ video: null }))).toBe('fail');
  });
});
