import { describe, expect, it } from 'vitest';
import { makeFacts } from '../testing/make-facts.js';
import { runRule, textOf } from '../testing/run-rule.js';
import { aacCeilingBps } from './audio-bitrate.js';

describe('audio.bitrate', () => {
  it('knows the AAC-LC ceiling: 288 kbit/s a channel at 48 kHz', () => {
    expect(aacCeilingBps(48000, 2)).toBe(576_000);
  });
  it('warns under 1.4 Mbps quoting the AAC ceiling', () => {
    const [finding] = runRule('audio.bitrate', makeFacts({ audio: { measuredBitrateBps: 320_000 } }));
    expect(finding!.status).toBe('warn');
    expect(finding!.severity).toBe('warning');
    expect(finding!.message).toContain('576 kbps');
    expect(finding).toMatchObject({ messageId: 'audio.bitrate/under-notice', params: { bps: 320_000, noticeBps: 1_400_000, aac: true, ceilingBps: 576_000 } });
    expect(textOf(finding!, 'zh')).toContain('AAC 编码在这里最多只能达到 576 kbps');
  });
  it('fails under the practical floor and passes at 1.4 Mbps (PCM-like rates)', () => {
    expect(runRule('audio.bitrate', makeFacts({ audio: { measuredBitrateBps: 127_999 } }))[0]!.status).toBe('fail');
    expect(runRule('audio.bitrate', makeFacts({ audio: { measuredBitrateBps: 128_000 } }))[0]!.status).toBe('warn');
    expect(runRule('audio.bitrate', makeFacts({ audio: { codec: 'pcm_s16le', measuredBitrateBps: 1_536_000 } }))[0]!.status).toBe('pass');
  });
});
