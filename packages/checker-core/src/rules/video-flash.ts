import { detectFlashes } from './utils/picture-events.js';
import { defineRule, round } from './rule.js';
import { formatClock } from '../facts/units.js';

export default defineRule({
  id: 'video.flash',
  area: 'video',
  notice: '色彩无突变，编辑点处图像稳定',
  description:
    'No single-frame (or two-frame) flashes or glitches: a frame whose mean luma or chroma differs from both neighbours by ≥ 20 (8-bit code values) while the neighbours differ from each other by ≤ 5.',
  severity: 'error',
  needs: ['video'],
  evidence: 'event-start',
  options: {
    minDelta: { default: 20, min: 1, description: 'How far a flash frame stands from both neighbours, 8-bit code values.' },
    maxNeighbourDelta: { default: 5, min: 0, description: 'How alike the neighbours must be, 8-bit code values.' },
  },
  check({ videoAnalysis }, options) {
    const expected = `no frame ≥ ${options.minDelta} from both neighbours that agree within ${options.maxNeighbourDelta}`;
    if (!videoAnalysis) return { status: 'skip', message: 'no video stream', measured: null, expected };
    const flashes = detectFlashes(videoAnalysis.frames, options);
    if (flashes.length === 0) return { status: 'pass', message: `no flash frames in ${videoAnalysis.frameCount} frames`, measured: 0, expected };
    const list = flashes.slice(0, 5).map((f) => `${formatClock(f.start)} (${f.frames} ${f.brighter ? 'bright' : 'dark'} frame${f.frames > 1 ? 's' : ''}, ${round(f.deltaCodeValues, 0)} levels)`).join(', ');
    return {
      status: 'fail',
      message: `${flashes.length} flash or glitch frame(s): ${list}${flashes.length > 5 ? ', …' : ''}`,
      measured: flashes.length,
      expected,
      at: flashes.map((f) => ({ start: round(f.start, 3), end: round(f.end, 3) })),
    };
  },
});
