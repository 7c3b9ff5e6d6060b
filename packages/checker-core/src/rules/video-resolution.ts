import type { MessageRef } from '../facts/finding.js';
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
    const expected = { expectedId: 'video.resolution/expected', expectedParams: { minShortSidePx } };
    if (!video) return { status: 'skip', messageId: 'skip/no-video', measured: null, ...expected };
    const shortSide = Math.min(video.displayWidth, video.displayHeight);
    const notes: MessageRef[] = [];
    if (video.sampleAspectRatio !== 1) notes.push({ messageId: 'video.resolution/sample-aspect', params: { sampleAspectRatio: Number(video.sampleAspectRatio.toFixed(4)) } });
    if (video.rotationDeg !== 0) notes.push({ messageId: 'video.resolution/rotated', params: { rotationDeg: video.rotationDeg } });
    // How the stored picture became the displayed one, when it did.
    const stored = notes.length ? { messageId: 'video.resolution/stored', params: { codedWidth: video.codedWidth, codedHeight: video.codedHeight, notes } } : null;
    const params = { width: video.displayWidth, height: video.displayHeight, minShortSidePx, stored };
    const measured = { displayWidth: video.displayWidth, displayHeight: video.displayHeight, shortSidePx: shortSide };
    if (shortSide >= minShortSidePx) return { status: 'pass', messageId: 'video.resolution/pass', params, measured, ...expected };
    return { status: 'fail', messageId: 'video.resolution/too-small', params, measured, ...expected };
  },
});
