import { defineRule } from './rule.js';

/** AAC-LC's ceiling: 6144 bits per channel per 1024-sample frame. */
export function aacCeilingBps(sampleRateHz: number, channels: number): number {
  return Math.round((6144 / 1024) * sampleRateHz * channels);
}

export default defineRule({
  id: 'audio.bitrate',
  area: 'audio',
  notice: '音频码率：不低于1.4Mbps',
  description:
    'The measured audio bit rate. 1.4 Mbps is uncompressed CD audio, beyond what AAC can carry, so below it warns (quoting the AAC ceiling) and only below a practical floor fails.',
  severity: 'error',
  needs: ['packets'],
  options: {
    noticeBps: { default: 1_400_000, min: 0, description: "The notice's literal floor; below it warns." },
    minBps: { default: 128_000, min: 0, description: 'Practical floor; below it fails.' },
  },
  check({ audio }, { noticeBps, minBps }) {
    const expected = { expectedId: 'audio.bitrate/expected', expectedParams: { minBps, noticeBps } };
    if (!audio) return { status: 'skip', messageId: 'skip/no-audio', measured: null, ...expected };
    const bps = audio.measuredBitrateBps;
    if (bps === null) return { status: 'fail', messageId: 'audio.bitrate/unmeasured', measured: null, ...expected };
    if (bps < minBps) return { status: 'fail', messageId: 'audio.bitrate/too-low', params: { bps, minBps }, measured: bps, ...expected };
    if (bps >= noticeBps) return { status: 'pass', messageId: 'audio.bitrate/pass', params: { bps }, measured: bps, ...expected };
    const aac = audio.codec === 'aac';
    const ceilingBps = aac ? aacCeilingBps(audio.sampleRateHz || 48000, audio.channels || 2) : null;
    return { status: 'warn', messageId: 'audio.bitrate/under-notice', params: { bps, noticeBps, minBps, aac, ceilingBps }, measured: bps, ...expected };
  },
});
