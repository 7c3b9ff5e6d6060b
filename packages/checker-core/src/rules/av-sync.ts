import { defineRule, round } from './rule.js';

export default defineRule({
  id: 'av.sync',
  area: 'sync',
  notice: '声音和画面应同步',
  description:
    "Audio and video start and end together, from the streams' start times corrected for edit lists and AAC priming, within EBU R37: audio at most 40 ms early, 60 ms late.",
  severity: 'error',
  needs: ['packets'],
  options: {
    maxEarlyMs: { default: 40, min: 0, description: 'How far audio may lead the picture, in ms.' },
    maxLateMs: { default: 60, min: 0, description: 'How far audio may lag the picture, in ms.' },
  },
  check({ sync, video, audio }, { maxEarlyMs, maxLateMs }) {
    const expected = { expectedId: 'av.sync/expected', expectedParams: { maxEarlyMs, maxLateMs } };
    if (!sync || !video || !audio) return { status: 'skip', messageId: 'av.sync/needs-both', measured: null, ...expected };
    const { startOffsetMs, endOffsetMs } = sync;
    const worst = endOffsetMs !== null && Math.abs(endOffsetMs) > Math.abs(startOffsetMs) ? 'end' : 'start';
    const offsetMs = worst === 'end' ? endOffsetMs! : startOffsetMs;
    const measured = round(offsetMs, 1);
    const offset = (ms: number) => ({
      messageId: 'av.sync/offset',
      params: { offsetMs: round(ms, 1), absMs: Math.abs(round(ms, 1)), direction: ms === 0 ? 'step' : ms > 0 ? 'late' : 'early' },
    });
    const params = { start: offset(startOffsetMs), end: endOffsetMs === null ? null : offset(endOffsetMs), maxEarlyMs, maxLateMs };
    const inside = (ms: number) => ms >= -maxEarlyMs && ms <= maxLateMs;
    if (inside(startOffsetMs) && (endOffsetMs === null || inside(endOffsetMs))) {
      return { status: 'pass', messageId: 'av.sync/pass', params, measured, ...expected };
    }
    const atS = worst === 'start' ? Math.min(video.startS, audio.startS) : Math.min(video.endS ?? 0, audio.endS ?? 0);
    return {
      status: 'fail',
      messageId: 'av.sync/out-of-sync',
      params,
      measured,
      ...expected,
      at: [{ start: round(atS, 3), end: round(atS + Math.abs(offsetMs) / 1000, 3) }],
    };
  },
});
