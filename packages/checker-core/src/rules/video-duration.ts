import { defineRule, round } from './rule.js';

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
    const expected = { expectedId: 'video.duration/expected', expectedParams: { minS, maxS } };
    const durationS = facts.durationS ?? facts.video?.durationS ?? facts.audio?.durationS ?? null;
    if (durationS === null) return { status: 'fail', messageId: 'video.duration/unknown', measured: null, ...expected };
    const measured = round(durationS, 3);
    const params = { durationS: measured, minS, maxS };
    if (durationS < minS) return { status: 'fail', messageId: 'video.duration/too-short', params, measured, ...expected };
    if (durationS > maxS) return { status: 'fail', messageId: 'video.duration/too-long', params, measured, ...expected };
    return { status: 'pass', messageId: 'video.duration/pass', params, measured, ...expected };
  },
});
