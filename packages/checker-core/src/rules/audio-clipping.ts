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
    const expected = { expectedId: 'audio.clipping/expected' };
    if (!audioAnalysis) return { status: 'skip', messageId: 'skip/no-audio', measured: null, ...expected };
    const { clipping } = audioAnalysis;
    const peak = clipping.peakDbfs === null ? null : round(clipping.peakDbfs, 2);
    const measured = { peakDbfs: peak, clippedRuns: clipping.clippedRuns, overshootSamples: clipping.overshootSamples, places: clipping.rangeCount };
    if (clipping.clippedRuns === 0 && clipping.overshootSamples === 0) {
      return { status: 'pass', messageId: 'audio.clipping/pass', params: { peakDbfs: peak }, measured, ...expected };
    }
    return {
      status: 'fail',
      messageId: 'audio.clipping/clipped',
      params: {
        clippedRuns: clipping.clippedRuns,
        overshootSamples: clipping.overshootSamples,
        both: clipping.clippedRuns > 0 && clipping.overshootSamples > 0,
        peakDbfs: peak,
        places: clipping.rangeCount,
      },
      measured,
      ...expected,
      at: clipping.ranges,
    };
  },
});
