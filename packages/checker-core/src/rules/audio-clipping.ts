import { defineRule, round } from './rule.js';

export default defineRule({
  id: 'audio.clipping',
  area: 'audio',
  notice: '无失真',
  description:
    'Decoded as 32-bit float: no run of ≥ 3 samples at |x| ≥ 0.999 and no float peak above 0 dBFS (AAC turns clipped flat tops into overshoot).',
  severity: 'error',
  needs: ['audio'],
  options: {
    threshold: { default: 0.999, min: 0.5, max: 1, description: 'Sample magnitude that counts as full scale.' },
    minRunSamples: { default: 3, min: 1, description: 'Consecutive samples at full scale that make a clipped run.' },
  },
  audioMeters: (o) => ({ clipThreshold: o.threshold, clipMinRunSamples: o.minRunSamples }),
  check({ audioAnalysis }) {
    const expected = 'no clipped runs, peak ≤ 0 dBFS';
    if (!audioAnalysis) return { status: 'skip', message: 'no audio stream', measured: null, expected };
    const { clipping } = audioAnalysis;
    const peak = clipping.peakDbfs === null ? null : round(clipping.peakDbfs, 2);
    const measured = { peakDbfs: peak, clippedRuns: clipping.clippedRuns, overshootSamples: clipping.overshootSamples, places: clipping.rangeCount };
    if (clipping.clippedRuns === 0 && clipping.overshootSamples === 0) {
      return { status: 'pass', message: `no clipping (peak ${peak === null ? 'silence' : `${peak} dBFS`})`, measured, expected };
    }
    const parts = [];
    if (clipping.clippedRuns) parts.push(`${clipping.clippedRuns} clipped run(s)`);
    if (clipping.overshootSamples) parts.push(`${clipping.overshootSamples} sample(s) above full scale (peak +${peak} dBFS)`);
    return {
      status: 'fail',
      message: `distortion: ${parts.join(' and ')} in ${clipping.rangeCount} place(s); lower the recording or mixing level`,
      measured,
      expected,
      at: clipping.ranges,
    };
  },
});
