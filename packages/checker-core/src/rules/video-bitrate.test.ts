import { describe, expect, it } from 'vitest';
import { makeFacts } from '../testing/make-facts.js';
import { runRule, verdictOf } from '../testing/run-rule.js';

describe('video.bitrate', () => {
  it('judges the measured rate against the floor and shows the stated one beside it', () => {
    expect(verdictOf('video.bitrate', makeFacts({ video: { measuredBitrateBps: 1_000_000 } }))).toBe('pass');
    const [finding] = runRule('video.bitrate', makeFacts({ video: { measuredBitrateBps: 999_999, statedBitrateBps: 2_000_000 } }));
    expect(finding!.status).toBe('fail');
    expect(finding!.message).toContain('container states 2 Mbps');
  });
  it('works without a stated rate', () => {
    expect(verdictOf('video.bitrate', makeFacts({ video: { measuredBitrateBps: 3_000_000, statedBitrateBps: null } }))).toBe('pass');
  });
  it('takes the archive floor from options', () => {
    expect(verdictOf('video.bitrate', makeFacts({ video: { measuredBitrateBps: 3_999_999 } }), { minBps: 4_000_000 })).toBe('fail');
  });
});
