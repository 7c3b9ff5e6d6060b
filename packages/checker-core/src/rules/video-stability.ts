import type { TimingEvent } from '../facts.js';
import type { Outcome } from '../rule.js';
import { defineRule } from '../rule.js';
import { formatClock } from '../units.js';
import { ranges } from './video-frame-rate.js';

export default defineRule({
  id: 'video.stability',
  area: 'video',
  notice: '全片图像无抖动跳跃',
  description:
    'No dropped, duplicated or out-of-order frames and no timestamp gaps. A static slide is not a defect: only timing is judged here.',
  severity: 'error',
  needs: ['packets'],
  options: {},
  check({ video }) {
    const expected = 'no dropped, duplicated or out-of-order frames';
    if (!video) return { status: 'skip', message: 'no video stream', measured: null, expected };
    const t = video.timing;
    const measured = {
      droppedFrames: t.droppedFrameCount,
      duplicateFrames: t.duplicateFrameCount,
      outOfOrderFrames: t.outOfOrderFrameCount,
    };
    const problems: [number, string, TimingEvent[]][] = [
      [t.droppedFrameCount, 'dropped frame(s) in timestamp gaps', t.droppedFrames],
      [t.duplicateFrameCount, 'frame(s) sharing a timestamp with another', t.duplicateFrames],
      [t.outOfOrderFrameCount, 'frame(s) out of decode order', t.outOfOrderFrames],
    ];
    const found = problems.filter(([count]) => count > 0);
    if (found.length === 0) return { status: 'pass', message: `${t.frameCount} frames, evenly timed`, measured, expected };
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
