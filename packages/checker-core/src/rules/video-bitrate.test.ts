import { describe, expect, it } from 'vitest';
import { makeFacts } from '../testing/make-facts.js';
import { runRule, textOf, verdictOf } from '../testing/run-rule.js';

describe('video.bitrate', () => {
  it('judges the measured rate against the floor and shows the stated one beside it', () => {
    expect(verdictOf('video.bitrate', makeFacts({ video: { measuredBitrateBps: 1_000_000 } }))).toBe('pass');
    const [finding] = runRule('video.bitrate', makeFacts({ video: { measuredBitrateBps: 999_999, statedBitrateBps: 2_000_000 } }));
    expect(finding!.status).toBe('fail');
    expect(finding!.message).toBe('video bit rate 1000 kbps (container states 2 Mbps) is below 1 Mbps: export at 1 Mbps or more');
    expect(finding).toMatchObject({ messageId: 'video.bitrate/too-low', params: { bps: 999_999, minBps: 1_000_000, stated: { messageId: 'video.bitrate/stated', params: { statedBps: 2_000_000 } } } });
    expect(textOf(finding!, 'zh')).toBe('视频码率 1000 kbps（文件标称 2 Mbps），低于 1 Mbps：导出时把视频码率设为 1 Mbps 以上');
  });
  it('works without a stated rate', () => {
    expect(verdictOf('video.bitrate', makeFacts({ video: { measuredBitrateBps: 3_000_000, statedBitrateBps: null } }))).toBe('pass');
  });
  it('takes the archive floor from options', () => {
    expect(verdictOf('video.bitrate', makeFacts({ video: { measuredBitrateBps: 3_999_999 } }), { minBps: 4_000_000 })).toBe('fail');
  });
});
