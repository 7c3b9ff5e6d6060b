import { detectFlashes } from './utils/picture-events.js';
import { defineRule, round } from './rule.js';

export default defineRule({
  id: 'video.flash',
  area: 'video',
  notice: '色彩无突变，编辑点处图像稳定',
  description:
    'No single-frame (or two-frame) flashes or glitches: a frame whose mean luma or chroma differs from both neighbours by ≥ 20 (8-bit code values) while the neighbours differ from each other by ≤ 5.',
  severity: 'error',
  needs: ['video'],
  evidence: 'frame-strip',
  options: {
    minDelta: { default: 20, min: 1, description: 'How far a flash frame stands from both neighbours, 8-bit code values.' },
    maxNeighbourDelta: { default: 5, min: 0, description: 'How alike the neighbours must be, 8-bit code values.' },
  },
  check({ videoAnalysis }, options) {
    const expected = { expectedId: 'video.flash/expected', expectedParams: { minDelta: options.minDelta, maxNeighbourDelta: options.maxNeighbourDelta } };
    if (!videoAnalysis) return { status: 'skip', messageId: 'skip/no-video', measured: null, ...expected };
    const flashes = detectFlashes(videoAnalysis.frames, options);
    if (flashes.length === 0) return { status: 'pass', messageId: 'video.flash/pass', params: { frames: videoAnalysis.frameCount }, measured: 0, ...expected };
    // Every flash is in `at`; the message names the first.
    const [first] = flashes as [(typeof flashes)[number]];
    return {
      status: 'fail',
      messageId: 'video.flash/flashes',
      params: { count: flashes.length, firstAtS: round(first.start, 3), firstFrames: first.frames, firstBrighter: first.brighter, firstDeltaLevels: round(first.deltaCodeValues, 0) },
      measured: flashes.length,
      ...expected,
      at: flashes.map((f) => ({ start: round(f.start, 3), end: round(f.end, 3) })),
    };
  },
});
