import { defineRule } from './rule.js';
import { formatBitrate } from '../facts/units.js';

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
    const expected = `≥ ${minBps} bps (notice: ≥ ${noticeBps} bps)`;
    if (!audio) return { status: 'skip', message: 'no audio stream', measured: null, expected };
    const bps = audio.measuredBitrateBps;
    if (bps === null) return { status: 'fail', message: 'audio bit rate could not be measured', measured: null, expected };
    if (bps < minBps) return { status: 'fail', message: `audio bit rate ${formatBitrate(bps)} is below the practical floor of ${formatBitrate(minBps)}`, measured: bps, expected };
    if (bps >= noticeBps) return { status: 'pass', message: `audio ${formatBitrate(bps)}`, measured: bps, expected };
    const ceiling = aacCeilingBps(audio.sampleRateHz || 48000, audio.channels || 2);
    const ceilingNote = audio.codec === 'aac' ? `; AAC-LC carries at most ${formatBitrate(ceiling)} here (6144 bits per channel per 1024-sample frame)` : '';
    return {
      status: 'warn',
      message: `audio ${formatBitrate(bps)} is under the notice's ${formatBitrate(noticeBps)}, the rate of uncompressed CD audio${ceilingNote}`,
      measured: bps,
      expected,
    };
  },
});
