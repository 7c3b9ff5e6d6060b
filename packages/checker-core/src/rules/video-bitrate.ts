import { defineRule } from './rule.js';
import { formatBitrate } from '../facts/units.js';

export default defineRule({
  id: 'video.bitrate',
  area: 'video',
  notice: '存档版本不低于4Mbps，网络发布版本不低于1Mbps',
  description: "The measured video bit rate (sum of packet sizes over the stream's duration) is at least the profile's floor.",
  severity: 'error',
  needs: ['packets'],
  options: { minBps: { default: 1_000_000, min: 0, description: 'Lowest allowed video bit rate, in bits per second.' } },
  check({ video }, { minBps }) {
    const expected = `≥ ${minBps} bps (${formatBitrate(minBps)})`;
    if (!video) return { status: 'skip', message: 'no video stream', measured: null, expected };
    const bps = video.measuredBitrateBps;
    if (bps === null) return { status: 'fail', message: 'video bit rate could not be measured', measured: null, expected };
    const stated = video.statedBitrateBps === null ? '' : ` (container states ${formatBitrate(video.statedBitrateBps)})`;
    if (bps >= minBps) return { status: 'pass', message: `video ${formatBitrate(bps)}${stated}`, measured: bps, expected };
    return { status: 'fail', message: `video bit rate ${formatBitrate(bps)}${stated} is below ${formatBitrate(minBps)}`, measured: bps, expected };
  },
});
