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
    const expected = 'landscape 16:9 or 4:3';
    if (!video || video.displayHeight === 0) return { status: 'skip', message: 'no video stream', measured: null, expected };
    const ratio = video.displayWidth / video.displayHeight;
    const measured = Number(ratio.toFixed(4));
    const shown = `${video.displayWidth}×${video.displayHeight} (${ratio.toFixed(3)}:1)`;
    if (ratio <= 1) return { status: 'fail', message: `picture is ${ratio === 1 ? 'square' : 'portrait'}, ${shown}; courses must be landscape`, measured, expected };
    const match = CONVENTIONAL.find((c) => Math.abs(ratio / c.ratio - 1) <= tolerance);
    if (match) return { status: 'pass', message: `${match.name} landscape, ${shown}`, measured, expected };
    return { status: 'warn', message: `landscape but not 16:9 or 4:3: ${shown}`, measured, expected };
  },
});
