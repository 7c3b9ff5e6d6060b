import type { TimingEvent } from '../facts/facts.js';
import type { Outcome } from './rule.js';
import { defineRule, round } from './rule.js';
import { detectCadenceRepeats, detectFrozenFrames, frameEndS } from './utils/picture-events.js';
import { ranges } from './utils/time-ranges.js';

export default defineRule({
  id: 'video.stability',
  area: 'video',
  notice: '全片图像无抖动跳跃',
  description:
    'No dropped, duplicated or out-of-order frames and no timestamp gaps (from the packet timestamps), and, when the pictures are decoded, no frozen frame inside motion (a repeated frame in moving footage) and no frames repeated at a regular cadence (a frame-rate conversion: 20 → 25 fps repeats every 5th frame, 24 → 25 one a second, even when only a small part of the picture moves: the change is also judged block by block, so the repeats of a picture-in-picture over a still slide count). A static slide is never a defect.',
  severity: 'error',
  needs: ['packets'],
  evidence: 'event-start',
  options: {
    stillDiff: { default: 0.5, min: 0, description: 'Mean luma change under which a frame repeats the one before, 8-bit.' },
    motionDiff: { default: 1, min: 0, description: 'Mean luma change on both sides that counts as motion, 8-bit (the still frame must also be under a fifth of it).' },
  },
  check({ video, videoAnalysis }, options) {
    const expected = { expectedId: 'video.stability/expected' };
    if (!video) return { status: 'skip', messageId: 'skip/no-video', measured: null, ...expected };
    const t = video.timing;
    const frozen = videoAnalysis
      ? [...new Set([...detectFrozenFrames(videoAnalysis.frames, options), ...detectCadenceRepeats(videoAnalysis.frames)])].sort((a, b) => a - b)
      : [];
    const frozenEvents: TimingEvent[] = videoAnalysis
      ? frozen.map((i) => ({ atS: frameEndS(videoAnalysis.frames, i), intervalS: frameEndS(videoAnalysis.frames, i) - videoAnalysis.frames.timeS[i]! }))
      : [];
    const measured = {
      droppedFrames: t.droppedFrameCount,
      duplicateFrames: t.duplicateFrameCount,
      outOfOrderFrames: t.outOfOrderFrameCount,
      frozenFrames: videoAnalysis ? frozen.length : null,
    };
    const problems: [number, string, TimingEvent[]][] = [
      [t.droppedFrameCount, 'video.stability/dropped', t.droppedFrames],
      [t.duplicateFrameCount, 'video.stability/duplicate', t.duplicateFrames],
      [t.outOfOrderFrameCount, 'video.stability/out-of-order', t.outOfOrderFrames],
      [frozen.length, 'video.stability/frozen', frozenEvents],
    ];
    const found = problems.filter(([count]) => count > 0);
    if (found.length === 0) {
      return { status: 'pass', messageId: 'video.stability/pass', params: { frames: t.frameCount, frozenChecked: videoAnalysis !== undefined }, measured, ...expected };
    }
    const summary: Outcome = {
      status: 'fail',
      messageId: 'video.stability/unsteady',
      params: { problems: found.map(([count, messageId, events]) => ({ messageId, params: { count, firstAtS: round(events[0]!.atS, 3) } })) },
      measured,
      ...expected,
      at: found.flatMap(([, , events]) => ranges(events)),
    };
    return summary;
  },
});
