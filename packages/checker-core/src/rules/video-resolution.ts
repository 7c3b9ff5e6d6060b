import { defineRule } from './rule.js';

export default defineRule({
  id: 'video.resolution',
  area: 'video',
  notice: '720P及以上',
  description: 'The shorter displayed side is at least 720 pixels, after sample aspect ratio and rotation are applied.',
  severity: 'error',
  needs: ['probe'],
  options: { minShortSidePx: { default: 720, min: 1, description: 'Smallest allowed shorter side of the displayed picture, in pixels.' } },
  check({ video }, { minShortSidePx }) {
    const expected = `shorter side ≥ ${minShortSidePx} px`;
    if (!video) return { status: 'skip', message: 'no video stream', measured: null, expected };
    const shortSide = Math.min(video.displayWidth, video.displayHeight);
    const shown = `${video.displayWidth}×${video.displayHeight}`;
    const notes: string[] = [];
    if (video.sampleAspectRatio !== 1) notes.push(`sample aspect ratio ${Number(video.sampleAspectRatio.toFixed(4))}`);
    if (video.rotationDeg !== 0) notes.push(`rotated ${video.rotationDeg}°`);
    const stored = notes.length ? ` (stored ${video.codedWidth}×${video.codedHeight}, ${notes.join(', ')})` : '';
    const measured = { displayWidth: video.displayWidth, displayHeight: video.displayHeight, shortSidePx: shortSide };
    if (shortSide >= minShortSidePx) return { status: 'pass', message: `displayed ${shown}${stored}`, measured, expected };
    return { status: 'fail', message: `displayed ${shown}${stored}: below ${minShortSidePx}p`, measured, expected };
  },
});
