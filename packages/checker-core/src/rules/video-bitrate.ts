import { defineRule } from './rule.js';

export default defineRule({
  id: 'video.bitrate',
  area: 'video',
  notice: '存档版本不低于4Mbps，网络发布版本不低于1Mbps',
  description: "The measured video bit rate (sum of packet sizes over the stream's duration) is at least the profile's floor.",
  severity: 'error',
  needs: ['packets'],
  options: { minBps: { default: 1_000_000, min: 0, description: 'Lowest allowed video bit rate, in bits per second.' } },
  check({ video }, { minBps }) {
    const expected = { expectedId: 'video.bitrate/expected', expectedParams: { minBps } };
    if (!video) return { status: 'skip', messageId: 'skip/no-video', measured: null, ...expected };
    const bps = video.measuredBitrateBps;
    if (bps === null) return { status: 'fail', messageId: 'video.bitrate/unmeasured', measured: null, ...expected };
    // The rate the container states, beside the measured one.
    const stated = video.statedBitrateBps === null ? null : { messageId: 'video.bitrate/stated', params: { statedBps: video.statedBitrateBps } };
    const params = { bps, minBps, stated };
    if (bps >= minBps) return { status: 'pass', messageId: 'video.bitrate/pass', params, measured: bps, ...expected };
    return { status: 'fail', messageId: 'video.bitrate/too-low', params, measured: bps, ...expected };
  },
});
