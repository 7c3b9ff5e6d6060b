import { defineRule, round } from './rule.js';
import { formatClock } from '../facts/units.js';

export default defineRule({
  id: 'video.duration',
  area: 'file',
  notice: '每段视频为5-15分钟为佳',
  description: 'Each lesson video lasts 5 to 15 minutes; "为佳" (preferably) makes it a warning.',
  severity: 'warning',
  needs: ['probe'],
  options: {
    minS: { default: 300, min: 0, description: 'Shortest preferred duration, in seconds.' },
    maxS: { default: 900, min: 0, description: 'Longest preferred duration, in seconds.' },
  },
  check(facts, { minS, maxS }) {
    const expected = `${minS}–${maxS} s (${formatClock(minS)}–${formatClock(maxS)})`;
    const durationS = facts.durationS ?? facts.video?.durationS ?? facts.audio?.durationS ?? null;
    if (durationS === null) return { status: 'fail', message: 'duration unknown', measured: null, expected };
    const measured = round(durationS, 3);
    const clock = formatClock(durationS);
    if (durationS < minS) return { status: 'fail', message: `lesson lasts ${clock}, shorter than the preferred ${formatClock(minS)}`, measured, expected };
    if (durationS > maxS) return { status: 'fail', message: `lesson lasts ${clock}, longer than the preferred ${formatClock(maxS)}; consider splitting it`, measured, expected };
    return { status: 'pass', message: `lesson lasts ${clock}`, measured, expected };
  },
});
