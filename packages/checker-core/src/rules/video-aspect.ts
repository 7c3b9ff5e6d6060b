import { defineRule } from './rule.js';

const CONVENTIONAL = [
  { name: '16:9', ratio: 16 / 9 },
  { name: '4:3', ratio: 4 / 3 },
];

export default defineRule({
  id: 'video.aspect',
  area: 'video',
  notice: '16:9或4:3等常规横屏',
  description: 'Landscape; a display aspect of 16:9 or 4:3 passes, another landscape ratio warns, portrait fails.',
  severity: 'error',
  needs: ['probe'],
  options: { tolerance: { default: 0.01, min: 0, max: 0.5, description: 'Relative tolerance on 16:9 and 4:3.' } },
  check({ video }, { tolerance }) {
    const expected = { expectedId: 'video.aspect/expected' };
    if (!video || video.displayHeight === 0) return { status: 'skip', messageId: 'skip/no-video', measured: null, ...expected };
    const ratio = video.displayWidth / video.displayHeight;
    const measured = Number(ratio.toFixed(4));
    const params = { width: video.displayWidth, height: video.displayHeight, ratio: Number(ratio.toFixed(3)) };
    if (ratio <= 1) return { status: 'fail', messageId: 'video.aspect/not-landscape', params: { ...params, shape: ratio === 1 ? 'square' : 'portrait' }, measured, ...expected };
    const match = CONVENTIONAL.find((c) => Math.abs(ratio / c.ratio - 1) <= tolerance);
    if (match) return { status: 'pass', messageId: 'video.aspect/pass', params: { ...params, name: match.name }, measured, ...expected };
    return { status: 'warn', messageId: 'video.aspect/unusual', params, measured, ...expected };
  },
});
