import type { TimingEvent } from '../facts/facts.js';
import type { Outcome } from './rule.js';
import { defineRule } from './rule.js';
import { formatClock } from '../facts/units.js';
import { detectFrozenFrames, frameEndS } from './utils/picture-events.js';
import { ranges } from './utils/time-ranges.js';

export default defineRule({
  id: 'video.stability',
  area: 'video',
  notice: '全片图像无抖动跳跃',
  description:
    'No dropped, duplicated or out-of-order frames and no timestamp gaps (from the packet timestamps), and, when the pictures are decoded, no frozen frame inside motion (a repeated frame in moving footage). A static slide is never a defect.',
  severity: 'error',
  needs: ['packets'],
  evidence: 'event-start',
  options: {
    stillDiff: { default: 0.5, min: 0, description: 'Mean luma change under which a frame repeats the one before, 8-bit.' },
    motionDiff: { default: 1, min: 0, description: 'Mean luma change on both sides that counts as motion, 8-bit (the still frame must also be under a fifth of it).' },
  },
  check({ video, videoAnalysis }, options) {
    const expected = 'no dropped, duplicated, out-of-order or frozen frames';
    if (!video) return { status: 'skip', message: 'no video stream', measured: null, expected };
    const t = video.timing;
    const frozen = videoAnalysis ? detectFrozenFrames(videoAnalysis.frames, options) : [];
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
      [t.droppedFrameCount, 'dropped frame(s) in timestamp gaps', t.droppedFrames],
      [t.duplicateFrameCount, 'frame(s) sharing a timestamp with another', t.duplicateFrames],
      [t.outOfOrderFrameCount, 'frame(s) out of decode order', t.outOfOrderFrames],
      [frozen.length, 'frozen frame(s) inside motion (a picture repeated while the scene moves)', frozenEvents],
    ];
    const found = problems.filter(([count]) => count > 0);
    const frozenNote = videoAnalysis ? '' : ' (frozen frames not checked: pictures not decoded)';
    if (found.length === 0) return { status: 'pass', message: `${t.frameCount} frames, evenly timed${videoAnalysis ? ', none frozen inside motion' : frozenNote}`, measured, expected };
    const summary: Outcome = {
      status: 'fail',
      message: found.map(([count, what, events]) => `${count} ${what} (first at ${formatClock(events[0]!.atS)})`).join('; '),
      measured,
      expected,
      at: found.flatMap(([, , events]) => ranges(events)),
    };
    return summary;
  },
});
